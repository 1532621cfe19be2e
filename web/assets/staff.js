// The door staff's check-in page: sign in with a staff key, pick the event,
// scan (or type) entry codes, and see each verdict in a full-width panel.
import { api, $, el, Problem, describeProblem, shortAddress, when } from './api.js';
import { Scanner, SCANNING } from './scanner.js';

const KEY = 'metapass.staff.key'; // sessionStorage: this tab only
const EVENT = 'metapass.staff.event'; // sessionStorage
const GATE = 'metapass.staff.gate'; // localStorage: this device's gate
const CAMERA_REPEAT_MS = 5000; // a code the camera keeps seeing is not submitted again until unseen this long
const HISTORY = 10;

/** What each rejection reason means, in words for the door. */
export const REASONS = {
  expired_code: 'This code has expired. Ask the guest to refresh the pass on their phone and scan again.',
  bad_signature: 'This code is not genuine: it was not issued by metapass or it was altered.',
  not_owner_now: 'The wallet in this code no longer holds the pass (it was sold or moved).',
  already_checked_in: 'This pass has already been used to enter.',
  wrong_event: 'This pass is for another event.',
  outside_hours: 'Check-in is closed: the doors are not open at this time.',
  capacity_full: 'The venue is full: capacity has been reached.',
  not_inside: 'This guest is not inside, so there is no exit to record.',
};

export function reasonText(code) {
  return REASONS[code] || `Rejected (${code || 'no reason given'}).`;
}

const state = {
  key: sessionStorage.getItem(KEY) || '',
  events: [],
  event: null,
  busy: false,
  lastCamera: { code: '', at: 0 },
  hintTimer: 0,
};

const scanner = new Scanner($('camera-video'), (code) => onCameraCode(code), cameraStatus);

function show(id, on) {
  $(id).hidden = !on;
}

// ---- sign in ----

function signedOut(message) {
  scanner.stop();
  state.key = '';
  state.events = [];
  state.event = null;
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(EVENT);
  show('signin-panel', true);
  show('event-panel', false);
  show('checkin-panel', false);
  show('sign-out', false);
  const err = $('signin-error');
  err.textContent = message || '';
  err.hidden = !message;
  $('staff-key').value = '';
  $('staff-key').focus();
}

async function signIn(key) {
  const btn = $('sign-in');
  btn.disabled = true;
  $('signin-error').hidden = true;
  try {
    const events = await loadEvents(key);
    state.key = key;
    sessionStorage.setItem(KEY, key);
    show('signin-panel', false);
    show('sign-out', true);
    $('staff-key').value = '';
    renderEvents(events);
  } catch (err) {
    if (err instanceof Problem && err.status === 401) {
      signedOut('This key was not accepted: check it and paste it again.');
      return;
    }
    if (err instanceof Problem && err.status === 403) {
      signedOut(`This key cannot be used here: ${describeProblem(err)}`);
      return;
    }
    // The server could not be asked: keep the key (a reload at a door with
    // a flaky connection must not sign staff out) and let them try again.
    signedOut(err.status === 0 ? describeProblem(err) : `${describeProblem(err)} Press Sign in to try again.`);
    sessionStorage.setItem(KEY, key);
    $('staff-key').value = key;
  } finally {
    btn.disabled = false;
  }
}

async function loadEvents(key) {
  const res = await api('/v1/events', { token: key });
  state.events = Array.isArray(res && res.data) ? res.data : [];
  return state.events;
}

// ---- event ----

function renderEvents(events) {
  show('event-panel', true);
  const sel = $('event-select');
  sel.replaceChildren();
  show('no-events', events.length === 0);
  if (events.length === 0) {
    show('event-select', false);
    show('event-select-label', false);
    pickEvent(null);
    return;
  }
  // With one event there is nothing to choose.
  const single = events.length === 1;
  show('event-select', !single);
  show('event-select-label', !single);
  if (!single) sel.append(el('option', { value: '' }, 'Choose…'));
  for (const ev of events) {
    sel.append(el('option', { value: ev.id }, `${ev.name}${ev.venue ? ' · ' + ev.venue : ''}`));
  }
  const remembered = sessionStorage.getItem(EVENT);
  const pick = single ? events[0] : events.find((e) => e.id === remembered);
  sel.value = pick ? pick.id : '';
  pickEvent(pick || null);
}

function pickEvent(ev) {
  state.event = ev;
  if (!ev) {
    sessionStorage.removeItem(EVENT);
    show('event-summary', false);
    show('exit-toggle-label', false);
    show('checkin-panel', false);
    scanner.stop();
    return;
  }
  sessionStorage.setItem(EVENT, ev.id);
  show('event-summary', true);
  $('event-summary').dataset.eventId = ev.id;
  $('event-name').textContent = ev.name;
  const doors = new Date(ev.doors_open_at || ev.starts_at);
  const ends = new Date(ev.ends_at);
  const sameDay = doors.toDateString() === ends.toDateString();
  const venue = ev.venue ? `${ev.venue} · ` : '';
  $('event-when').textContent = `${venue}doors ${when(doors)} – ${sameDay ? when(ends, { timeStyle: 'short' }) : when(ends)}`;
  renderCounts(ev);
  const reentry = ev.reentry === 'reentry';
  show('exit-toggle-label', reentry);
  if (!reentry) $('exit-toggle').checked = false;
  show('checkin-panel', true);
}

function renderCounts(ev) {
  $('event-admitted').textContent = String(ev.admitted ?? 0);
  $('event-inside').textContent = String(ev.inside ?? 0);
  $('event-capacity').textContent = ev.capacity ? String(ev.capacity) : '–';
}

async function refreshCounts() {
  if (!state.key || !state.event) return;
  try {
    const events = await loadEvents(state.key);
    const ev = events.find((e) => e.id === state.event.id);
    if (ev) {
      state.event = ev;
      renderCounts(ev);
    }
  } catch { /* counts are a nicety */ }
}

// ---- check in ----

function onCameraCode(text) {
  const code = text.trim();
  if (!/^MP\d+\./.test(code)) {
    cameraStatus('scanning', 'That QR code is not a metapass entry code.', scanner.decoder);
    clearTimeout(state.hintTimer);
    state.hintTimer = setTimeout(() => {
      if (scanner.running) cameraStatus('scanning', SCANNING, scanner.decoder);
    }, 3000);
    return;
  }
  // A code held in front of the camera is read many times a second: submit
  // it once, and again only after it has been out of sight for a while.
  const now = Date.now();
  const last = state.lastCamera;
  const repeat = code === last.code && now - last.at < CAMERA_REPEAT_MS;
  if (code === last.code) last.at = now;
  if (repeat || state.busy) return;
  state.lastCamera = { code, at: now };
  submit(code, 'camera');
}

async function submit(code, source) {
  if (!state.event || state.busy || !code) return;
  state.busy = true;
  $('manual-submit').disabled = true;
  const exit = !$('exit-toggle-label').hidden && $('exit-toggle').checked;
  const gate = $('gate').value.trim();
  const body = { code };
  if (gate) body.gate = gate;
  if (exit) body.direction = 'out';
  renderPending(source);
  try {
    const res = await api(`/v1/events/${encodeURIComponent(state.event.id)}/checkins`, {
      method: 'POST', token: state.key, body,
    });
    renderResult(res, source);
    refreshCounts();
  } catch (err) {
    if (err instanceof Problem && err.status === 401) {
      signedOut('The staff key is no longer valid. Sign in again.');
      return;
    }
    renderProblem(err, source);
  } finally {
    state.busy = false;
    $('manual-submit').disabled = false;
  }
}

function setPanel(result, verdict, reasonLine, details, reasonCode) {
  const panel = $('result');
  panel.dataset.result = result;
  if (reasonCode) panel.dataset.reason = reasonCode;
  else delete panel.dataset.reason;
  $('result-verdict').textContent = verdict;
  $('result-reason').textContent = reasonLine;
  $('result-details').replaceChildren(...details);
}

function renderPending(source) {
  setPanel('pending', 'CHECKING…', source === 'camera' ? 'Code read by the camera.' : 'Code typed in.', []);
}

function passLines(res) {
  const lines = [];
  if (res.pass) {
    lines.push(el('div', { dataset: { testid: 'result-pass' } },
      `Pass #${res.pass.token_id}`, res.pass.launch_id ? ` · ${res.pass.launch_id}` : ''));
  }
  if (res.holder) {
    const held = typeof res.holder.passes_held === 'number'
      ? ` · holds ${res.holder.passes_held} pass${res.holder.passes_held === 1 ? '' : 'es'}` : '';
    const since = res.holder.held_since ? ` · since ${when(res.holder.held_since, { dateStyle: 'medium' })}` : '';
    lines.push(el('div', { dataset: { testid: 'result-holder' }, title: res.holder.wallet },
      `Holder ${shortAddress(res.holder.wallet)}${held}${since}`));
  }
  const where = [res.gate, res.at ? when(res.at, { timeStyle: 'medium' }) : ''].filter(Boolean).join(' · ');
  if (where) lines.push(el('div', { class: 'small' }, where));
  return lines;
}

function renderResult(res, source) {
  const result = res && res.result;
  let verdict, line, reason = '';
  if (result === 'admitted') {
    verdict = 'ADMITTED';
    line = 'Welcome in.';
  } else if (result === 'exited') {
    verdict = 'EXITED';
    line = 'Exit recorded: the guest may come back in with a new scan.';
  } else {
    verdict = 'REJECTED';
    reason = res && res.reason ? res.reason : '';
    line = reasonText(reason);
  }
  const details = passLines(res || {});
  if (reason) details.push(el('div', {}, el('span', { class: 'code', dataset: { testid: 'result-reason-code' } }, reason)));
  setPanel(result === 'admitted' || result === 'exited' ? result : 'rejected', verdict, line, details, reason);
  reveal();
  $('result').dataset.checkinId = res && res.id ? res.id : '';
  if (navigator.vibrate) navigator.vibrate(result === 'rejected' ? [90, 60, 90] : 60);
  addHistory(result || 'rejected', reason, res, source);
  if (source === 'manual') $('manual-code').value = '';
}

function renderProblem(err, source) {
  const code = err instanceof Problem ? (err.rule || err.code || `http_${err.status}`) : 'error';
  let line = describeProblem(err);
  if (err instanceof Problem && err.status === 403) line = `This key cannot check guests in here now: ${line}`;
  if (err instanceof Problem && err.status === 400) line = `The code could not be read: ${line}`;
  setPanel('error', 'NOT CHECKED', line, [el('div', {}, el('span', { class: 'code', dataset: { testid: 'result-reason-code' } }, code))], code);
  reveal();
  addHistory('error', code, null, source);
}

// Brings the verdict (and the camera under it) into view.
function reveal() {
  const r = $('result').getBoundingClientRect();
  if (r.top < 0 || r.bottom > window.innerHeight) $('result').scrollIntoView({ block: 'start' });
}

function addHistory(result, reason, res, source) {
  const pill = { admitted: 'ok', exited: 'exit' }[result] || 'bad';
  const what = res && res.pass ? `Pass #${res.pass.token_id}` : '';
  const li = el('li', { dataset: { result, reason: reason || '' } },
    el('span', { class: `pill ${pill}` }, result), ' ',
    new Date().toLocaleTimeString(), what ? ` · ${what}` : '', reason ? ` · ${reason}` : '',
    source === 'camera' ? ' · camera' : '');
  const list = $('history');
  list.prepend(li);
  while (list.children.length > HISTORY) list.lastElementChild.remove();
}

// ---- camera ----

function cameraStatus(stateName, message, decoder) {
  const s = $('camera-status');
  s.dataset.state = stateName;
  if (decoder) s.dataset.decoder = decoder;
  s.textContent = message;
  s.classList.toggle('error', stateName === 'error');
  const on = stateName === 'scanning' || stateName === 'starting';
  show('camera', on);
  show('camera-start', !on);
  show('camera-stop', on);
}

// ---- wiring ----

$('signin-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const key = $('staff-key').value.trim();
  if (!key) return;
  signIn(key);
});
$('sign-out').addEventListener('click', () => signedOut(''));
$('event-select').addEventListener('change', (e) => {
  pickEvent(state.events.find((ev) => ev.id === e.target.value) || null);
});
$('gate').value = localStorage.getItem(GATE) || '';
$('gate').addEventListener('change', (e) => localStorage.setItem(GATE, e.target.value.trim()));
$('manual-form').addEventListener('submit', (e) => {
  e.preventDefault();
  // A pasted code may carry the line breaks it was wrapped at.
  submit($('manual-code').value.replace(/\s+/g, ''), 'manual');
});
$('camera-start').addEventListener('click', () => {
  scanner.start();
  $('result').scrollIntoView({ block: 'start' });
});
$('camera-stop').addEventListener('click', () => scanner.stop());
document.addEventListener('visibilitychange', () => {
  if (!document.hidden) refreshCounts();
});

// Other gates admit guests too: keep the counts current.
setInterval(() => { if (!document.hidden) refreshCounts(); }, 30000);

if (state.key) signIn(state.key);
else signedOut('');
document.body.dataset.ready = 'true';
