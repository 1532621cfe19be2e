// The customer demo page: sign in (a pasted session token, or SIWE through
// window.ethereum), list the wallet's passes and perks, and show the rotating
// entry QR code of a pass for an event.
import { api, apiBlob, $, el, Problem, describeProblem, serverNow, shortAddress, when } from './api.js';
import { checksumAddress, siweMessage, utf8Hex } from './siwe.js';

const SESSION = 'metapass.wallet.session'; // sessionStorage: {token, wallet}
const BRAND = 'metapass.wallet.brand'; // localStorage: last brand signed in to

const PERK_REASONS = {
  not_holding: 'You do not hold the passes this perk needs.',
  held_too_short: 'You have not held your pass long enough yet.',
  holds_too_many: 'You hold more passes than this perk allows.',
  excluded: 'Your passes exclude you from this perk.',
  limit_reached: 'You have already used this perk as often as allowed.',
  outside_window: 'This perk is not available right now.',
  sold_out: 'This perk is sold out.',
  not_owner_now: 'You no longer hold the pass.',
};

const state = {
  token: '',
  wallet: '',
  passes: [],
  events: [],
  entry: null, // {eventId, launchId, tokenId, timer, tick, url, info}
};

function show(id, on) {
  $(id).hidden = !on;
}

function fail(id, err) {
  const e = $(id);
  e.textContent = err ? describeProblem(err) : '';
  e.hidden = !err;
}

// ---- sign in ----

function signedOut(message) {
  stopEntry();
  state.token = '';
  state.wallet = '';
  sessionStorage.removeItem(SESSION);
  show('account', false);
  show('sign-out', false);
  show('signin-panel', true);
  show('siwe-box', typeof window.ethereum !== 'undefined' && window.ethereum !== null);
  $('brand-id').value = localStorage.getItem(BRAND) || '';
  $('session-token').value = '';
  const e = $('signin-error');
  e.textContent = message || '';
  e.hidden = !message;
}

async function useSession(token, wallet) {
  let addr;
  try {
    addr = checksumAddress(wallet.trim());
  } catch {
    signedOut('The wallet address must be 0x followed by 40 hex digits.');
    return;
  }
  state.token = token;
  state.wallet = addr;
  try {
    await loadAccount();
  } catch (err) {
    if (err instanceof Problem && err.status === 404) {
      signedOut('This session is for another wallet: check the address.');
    } else if (err instanceof Problem && (err.status === 0 || err.status >= 500)) {
      // Keep the session through a bad connection: sign in again is one tap.
      signedOut(err.status === 0 ? describeProblem(err) : `${describeProblem(err)} Press "Use this session" to try again.`);
      sessionStorage.setItem(SESSION, JSON.stringify({ token, wallet: addr }));
      $('session-token').value = token;
      $('wallet-address').value = addr;
    } else {
      signedOut(describeProblem(err));
    }
    return;
  }
  sessionStorage.setItem(SESSION, JSON.stringify({ token, wallet: addr }));
  show('signin-panel', false);
  show('sign-out', true);
  show('account', true);
  $('account-wallet').textContent = addr;
  $('account-wallet').title = addr;
}

async function signInWithWallet() {
  const brandId = $('brand-id').value.trim();
  if (!brandId) return;
  const btn = $('siwe-sign-in');
  btn.disabled = true;
  fail('signin-error', null);
  try {
    const eth = window.ethereum;
    const accounts = await eth.request({ method: 'eth_requestAccounts' });
    if (!accounts || !accounts.length) throw new Error('The wallet shared no account.');
    const address = checksumAddress(accounts[0]);
    const n = await api(`/v1/auth/siwe/nonce?brand_id=${encodeURIComponent(brandId)}`);
    const message = siweMessage({
      domain: n.domain, uri: n.uri || location.origin, chainId: n.chain_id, nonce: n.nonce, address,
      statement: 'Sign in to see your passes, perks and entry codes.',
    });
    const signature = await eth.request({ method: 'personal_sign', params: [utf8Hex(message), address] });
    const s = await api('/v1/auth/siwe/verify', { method: 'POST', body: { brand_id: brandId, message, signature } });
    localStorage.setItem(BRAND, brandId);
    await useSession(s.token, s.wallet);
  } catch (err) {
    const msg = err && err.code === 4001 ? 'The signature request was declined.' : describeProblem(err);
    signedOut(msg);
  } finally {
    btn.disabled = false;
  }
}

// ---- account ----

async function loadAccount() {
  const w = encodeURIComponent(state.wallet);
  const [passes, perks, events] = await Promise.all([
    api(`/v1/wallets/${w}/passes`, { token: state.token }),
    api(`/v1/wallets/${w}/perks`, { token: state.token }),
    api('/v1/events', { token: state.token }).catch((err) => {
      // Pages keep working without events (e.g. before the brand has any).
      if (err instanceof Problem && err.status === 401) throw err;
      return { data: [] };
    }),
  ]);
  state.passes = (passes && passes.data) || [];
  state.events = (events && events.data) || [];
  renderPasses(state.passes);
  renderPerks((perks && perks.data) || []);
  renderEntryChoice();
}

function renderPasses(list) {
  const ul = $('passes');
  ul.replaceChildren(...list.map((p) => {
    const attrs = Object.entries(p.attributes || {}).map(([k, v]) => el('span', { class: 'pill' }, `${k}: ${v}`));
    return el('li', { dataset: { testid: 'pass-item', launchId: p.launch_id, tokenId: String(p.token_id) } },
      el('strong', {}, `Pass #${p.token_id}`), ' ', el('span', { class: 'muted small mono' }, p.launch_id),
      el('div', { class: 'small muted' }, `Held since ${when(p.held_since)} · ${shortAddress(p.contract_address)} on chain ${p.chain_id}`),
      attrs.length ? el('div', { class: 'small' }, ...attrs.flatMap((a) => [a, ' '])) : null);
  }));
  show('passes-empty', list.length === 0);
}

function renderPerks(list) {
  const ul = $('perks');
  ul.replaceChildren(...list.map((p) => el('li', {
    dataset: { testid: 'perk-item', perkId: p.id, eligible: String(!!p.eligible), reason: p.reason || '' },
  },
  el('strong', {}, p.title), ' ', el('span', { class: 'muted small' }, p.kind || ''), ' ',
  p.eligible ? el('span', { class: 'pill ok' }, 'Eligible') : el('span', { class: 'pill bad' }, 'Not yet'),
  p.description ? el('div', { class: 'small' }, p.description) : null,
  p.eligible ? null : el('div', { class: 'small muted' }, PERK_REASONS[p.reason] || p.reason || 'Not eligible.'))));
  show('perks-empty', list.length === 0);
}

// ---- entry code ----

function passKey(p) {
  return `${p.launch_id}:${p.token_id}`;
}

function eventsFor(pass) {
  return pass ? state.events.filter((e) => (e.launches || []).includes(pass.launch_id)) : [];
}

function renderEntryChoice() {
  const withEvents = state.passes.filter((p) => eventsFor(p).length > 0);
  show('entry-none', withEvents.length === 0);
  show('entry-choose', withEvents.length > 0);
  const sel = $('entry-pass');
  const prev = sel.value;
  sel.replaceChildren(...withEvents.map((p) => el('option', { value: passKey(p) }, `Pass #${p.token_id} · ${p.launch_id}`)));
  if (withEvents.some((p) => passKey(p) === prev)) sel.value = prev;
  renderEventChoice();
}

function chosenPass() {
  return state.passes.find((p) => passKey(p) === $('entry-pass').value) || null;
}

function renderEventChoice() {
  const sel = $('entry-event');
  const prev = sel.value;
  const evs = eventsFor(chosenPass());
  sel.replaceChildren(...evs.map((e) => el('option', { value: e.id }, `${e.name} · ${when(e.starts_at)}`)));
  if (evs.some((e) => e.id === prev)) sel.value = prev;
}

function stopEntry() {
  const en = state.entry;
  if (!en) return;
  clearTimeout(en.timer);
  clearInterval(en.tick);
  if (en.url) URL.revokeObjectURL(en.url);
  state.entry = null;
  show('entry-qr-box', false);
  $('entry-qr').removeAttribute('src');
  $('entry-code').textContent = '';
}

function startEntry() {
  const pass = chosenPass();
  const eventId = $('entry-event').value;
  if (!pass || !eventId) return;
  stopEntry();
  fail('entry-error', null);
  state.entry = { eventId, launchId: pass.launch_id, tokenId: pass.token_id, timer: 0, tick: 0, url: '', info: null };
  state.entry.tick = setInterval(renderCountdown, 250);
  refreshEntry(state.entry);
}

async function fetchQR(path) {
  try {
    return await apiBlob(`${path}&format=svg`, { token: state.token, accept: 'image/svg+xml' });
  } catch (err) {
    if (err instanceof Problem && err.status === 401) throw err;
    return apiBlob(`${path}&format=png`, { token: state.token, accept: 'image/png' });
  }
}

async function refreshEntry(en) {
  const q = new URLSearchParams({ launch_id: en.launchId, token_id: String(en.tokenId) });
  const path = `/v1/events/${encodeURIComponent(en.eventId)}/entry-code?${q}`;
  let info, blob;
  try {
    info = await api(path, { token: state.token });
    // The picture is fetched apart from the code: if a new code window began
    // in between, fetch both again so they match.
    blob = await fetchQR(path);
  } catch (err) {
    if (state.entry !== en) return;
    if (err instanceof Problem && err.status === 401) {
      signedOut('Your session has expired. Sign in again.');
      return;
    }
    if (err instanceof Problem && err.status >= 400 && err.status < 500 && err.status !== 429) {
      // The service refuses this pass for this event: asking again will not help.
      stopEntry();
      fail('entry-error', err);
      return;
    }
    fail('entry-error', err);
    // Keep showing a code that is still valid; try again shortly.
    en.timer = setTimeout(() => refreshEntry(en), 5000);
    return;
  }
  if (state.entry !== en) return;
  const refreshAt = Date.parse(info.refresh_at);
  if (!Number.isNaN(refreshAt) && serverNow() >= refreshAt - 250 && !en.retried) {
    en.retried = true;
    en.timer = setTimeout(() => refreshEntry(en), 300);
    return;
  }
  en.retried = false;
  fail('entry-error', null);
  const url = URL.createObjectURL(blob);
  const img = $('entry-qr');
  img.src = url;
  if (en.url) URL.revokeObjectURL(en.url);
  en.url = url;
  en.info = info;
  img.dataset.code = info.code;
  $('entry-code').textContent = info.code;
  show('entry-qr-box', true);
  renderCountdown();
  // Refetch when the service issues the next code (it answers with the same
  // code until then); never spin, never wait past the code's expiry.
  const expiresAt = Date.parse(info.expires_at);
  let next = (Number.isNaN(refreshAt) ? serverNow() + 30000 : refreshAt) - serverNow() + 200;
  if (!Number.isNaN(expiresAt)) next = Math.min(next, expiresAt - serverNow() - 1000);
  en.timer = setTimeout(() => refreshEntry(en), Math.max(1000, next));
}

function renderCountdown() {
  const en = state.entry;
  if (!en || !en.info) return;
  const now = serverNow();
  const box = $('entry-countdown');
  const expires = Date.parse(en.info.expires_at);
  const refresh = Date.parse(en.info.refresh_at);
  if (!Number.isNaN(expires) && now >= expires) {
    box.textContent = 'This code has expired: reconnect to get a new one.';
    box.dataset.state = 'expired';
    $('entry-qr').classList.add('expired');
    return;
  }
  $('entry-qr').classList.remove('expired');
  box.dataset.state = 'valid';
  const secs = Math.max(0, Math.ceil(((Number.isNaN(refresh) ? expires : refresh) - now) / 1000));
  box.textContent = `New code in ${secs} s · this one is valid until ${when(en.info.expires_at, { timeStyle: 'medium' })}`;
}

// ---- wiring ----

$('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const token = $('session-token').value.trim();
  const wallet = $('wallet-address').value.trim();
  if (token && wallet) useSession(token, wallet);
});
$('siwe-form').addEventListener('submit', (e) => {
  e.preventDefault();
  signInWithWallet();
});
$('sign-out').addEventListener('click', () => signedOut(''));
$('entry-pass').addEventListener('change', () => { renderEventChoice(); stopEntry(); });
$('entry-event').addEventListener('change', () => stopEntry());
$('entry-show').addEventListener('click', () => startEntry());
$('entry-hide').addEventListener('click', () => stopEntry());
document.addEventListener('visibilitychange', () => {
  // Timers sleep with the phone's screen: fetch a fresh code on waking.
  const en = state.entry;
  if (!document.hidden && en) {
    clearTimeout(en.timer);
    refreshEntry(en);
  }
});

let saved = null;
try { saved = JSON.parse(sessionStorage.getItem(SESSION) || 'null'); } catch { saved = null; }
if (saved && saved.token && saved.wallet) useSession(saved.token, saved.wallet);
else signedOut('');
