// The brand console (/console): sign in with a brand admin key, then
// launches (create, edit, publish, pause, resume, end), their live orders and
// a test-order form, perks with a rule editor and dry-runs, events with staff
// keys and the door's audit trail, and webhooks with their deliveries.
//
// The key is kept in this tab's sessionStorage and sent only as an
// Authorization header to this origin; views are chosen by the URL's hash
// (#/launches, #/launches/{id}/orders|perks|settings, #/events, #/webhooks),
// which never holds a credential.
import { api, $, Problem, describeProblem } from './api.js';
import { show, flash } from './console-ui.js';
import { launchSections } from './console-launches.js';
import { eventsSection } from './console-events.js';
import { webhooksSection } from './console-webhooks.js';

const KEY = 'metapass.console.key'; // sessionStorage

/** What the sections share: the key, API calls with it, the brand's launches. */
const ctx = {
  key: '',
  launches: [],
  /** Calls the API with the admin key; a 401 signs the page out. */
  async call(path, opts = {}) {
    const key = ctx.key;
    try {
      return await api(path, { ...opts, token: key });
    } catch (err) {
      if (err instanceof Problem && err.status === 401 && key && key === ctx.key) {
        signedOut('The key is no longer accepted (revoked?). Sign in again.');
      }
      throw err;
    }
  },
  /** Reloads the brand's launches (newest first) into ctx.launches. */
  async loadLaunches() {
    const r = await ctx.call('/v1/launches');
    ctx.launches = (r && r.data) || [];
    return ctx.launches;
  },
  launchName(id) {
    const l = ctx.launches.find((x) => x.id === id);
    return l ? l.name : id;
  },
};

const { list: launchList, detail: launchDetail } = launchSections(ctx);
const sections = {
  launches: launchList,
  launch: launchDetail,
  events: eventsSection(ctx),
  webhooks: webhooksSection(ctx),
};
let current = null;
let currentView = '';

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => {
    try { return decodeURIComponent(p); } catch { return p; }
  });
  if (parts[0] === 'launches' && parts[1]) {
    const tab = ['orders', 'perks', 'settings'].includes(parts[2]) ? parts[2] : 'orders';
    return { view: 'launch', params: { id: parts[1], tab } };
  }
  if (['launches', 'events', 'webhooks'].includes(parts[0])) return { view: parts[0], params: {} };
  return null;
}

function route() {
  if (!ctx.key) return;
  let r = parseHash();
  if (!r) {
    history.replaceState(null, '', '#/launches');
    r = { view: 'launches', params: {} };
  }
  if (current && current !== sections[r.view]) current.leave();
  const changed = currentView !== r.view;
  document.querySelectorAll('[data-view]').forEach((v) => { v.hidden = v.dataset.view !== r.view; });
  const navName = r.view === 'launch' ? 'launches' : r.view;
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === navName) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  current = sections[r.view];
  currentView = r.view;
  if (changed) {
    flash('');
    document.getElementById('main').focus({ preventScroll: true });
  }
  current.enter(r.params);
}

function signedOut(message) {
  if (current) current.leave();
  current = null;
  currentView = '';
  ctx.key = '';
  ctx.launches = [];
  sessionStorage.removeItem(KEY);
  document.querySelectorAll('[data-view]').forEach((v) => { v.hidden = true; });
  show('nav', false);
  show('sign-out', false);
  show('signin-panel', true);
  flash('');
  $('admin-key').value = '';
  const e = $('signin-error');
  e.textContent = message || '';
  e.hidden = !message;
}

async function signIn(key) {
  const btn = $('sign-in');
  btn.disabled = true;
  try {
    // Only an admin key may list webhooks: an orders, staff or operator key is 403.
    await api('/v1/webhooks', { token: key });
  } catch (err) {
    let msg = describeProblem(err);
    if (err instanceof Problem && err.status === 401) msg = 'This key was not accepted. Check it, or ask your operator for a new one.';
    else if (err instanceof Problem && err.status === 403) msg = 'This is not a brand admin key: the console needs a key with the admin role.';
    signedOut(msg);
    if (!(err instanceof Problem) || err.status === 0 || err.status >= 500) {
      $('admin-key').value = key; // a bad connection: one tap to try again
    }
    return;
  } finally {
    btn.disabled = false;
  }
  ctx.key = key;
  sessionStorage.setItem(KEY, key);
  $('admin-key').value = '';
  show('signin-panel', false);
  show('nav', true);
  show('sign-out', true);
  route();
}

$('signin-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const key = $('admin-key').value.trim();
  if (key) signIn(key);
});
$('sign-out').addEventListener('click', () => signedOut(''));
window.addEventListener('hashchange', route);

const saved = sessionStorage.getItem(KEY);
if (saved) signIn(saved);
else signedOut('');
