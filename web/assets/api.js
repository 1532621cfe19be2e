// Calls to the metapass API on this page's own origin, and small DOM helpers
// shared by the staff, wallet and console pages.

/** An RFC 9457 problem (or a transport failure) from the API. */
export class Problem extends Error {
  constructor(status, body) {
    const b = body && typeof body === 'object' ? body : {};
    super(b.detail || b.title || `HTTP ${status}`);
    this.status = status;
    this.title = b.title || '';
    this.detail = b.detail || '';
    this.code = b.code || '';
    this.field = b.field || '';
    this.rule = b.rule || '';
    this.type = b.type || '';
    // Every invalid field with its reason ([{name, reason}]); names are JSON
    // paths such as skus[0].sku.
    this.invalidParams = Array.isArray(b.invalid_params) ? b.invalid_params : [];
  }
}

// Difference between the server's clock and ours (ms), from the Date header
// of the last response: countdowns follow the server, whose clock decides
// when a code expires, not the phone's.
let skewMs = 0;

/** The current time on the server's clock, in ms since the epoch. */
export function serverNow() {
  return Date.now() + skewMs;
}

function noteServerTime(resp, sentAt) {
  const d = Date.parse(resp.headers.get('Date') || '');
  if (Number.isNaN(d)) return;
  // The header has second resolution: only correct skews beyond a second.
  const local = (sentAt + Date.now()) / 2;
  const s = d + 500 - local;
  skewMs = Math.abs(s) > 1500 ? s : 0;
}

async function send(path, { token, method = 'GET', body, accept = 'application/json', signal } = {}) {
  const headers = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const sentAt = Date.now();
  let resp;
  try {
    resp = await fetch(path, {
      method, headers, signal, cache: 'no-store', credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new Problem(0, { title: 'Network error', detail: 'Could not reach the server. Check the connection and try again.', code: 'network' });
  }
  noteServerTime(resp, sentAt);
  if (!resp.ok) {
    let problem = null;
    try { problem = await resp.json(); } catch { /* not JSON */ }
    throw new Problem(resp.status, problem);
  }
  return resp;
}

/** Sends a JSON request and returns the decoded JSON answer; throws Problem. */
export async function api(path, opts = {}) {
  const resp = await send(path, opts);
  return resp.status === 204 ? null : resp.json();
}

/** Fetches a binary answer (an image) and returns it as a Blob; throws Problem. */
export async function apiBlob(path, opts = {}) {
  const resp = await send(path, opts);
  return resp.blob();
}

/** The element with data-testid=id. */
export function $(id) {
  return document.querySelector(`[data-testid="${id}"]`);
}

/**
 * Builds an element: el('div', {class: 'x', dataset: {testid: 'y'}}, 'text', child).
 * Text is always set as text, never parsed as HTML.
 */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'class') e.className = v;
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** 0x1234…abcd */
export function shortAddress(a) {
  return typeof a === 'string' && a.length > 12 ? `${a.slice(0, 6)}…${a.slice(-4)}` : String(a ?? '');
}

/** A local date and time for an RFC 3339 timestamp. */
export function when(ts, opts = { dateStyle: 'medium', timeStyle: 'short' }) {
  const d = new Date(ts);
  return Number.isNaN(d.getTime()) ? String(ts ?? '') : d.toLocaleString(undefined, opts);
}

/** A sentence for a problem, for people. */
export function describeProblem(p) {
  if (!(p instanceof Problem)) return String(p && p.message ? p.message : p);
  if (p.status === 401) return 'Not signed in, or the credential has expired. Sign in again.';
  const base = p.detail || p.title || `The server answered ${p.status}.`;
  return p.field ? `${base} (${p.field})` : base;
}
