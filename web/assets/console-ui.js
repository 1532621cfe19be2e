// Helpers of the brand console: problem+json errors shown next to the form
// fields they name, secrets shown once, state badges, times for
// datetime-local inputs. Everything from the API is set as text.
import { $, el, Problem, describeProblem } from './api.js';

let seq = 0;

/** A unique id for wiring labels and error messages. */
export function uid(prefix = 'c') {
  seq += 1;
  return `${prefix}-${seq}`;
}

/** Shows or hides the element with data-testid=id. */
export function show(id, on) {
  $(id).hidden = !on;
}

/** Shows err (a Problem or an Error) in the element with data-testid=id, or hides it. */
export function fail(id, err) {
  const e = $(id);
  e.textContent = err ? describeProblem(err) : '';
  e.hidden = !err;
}

/** Removes the field errors a form shows. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => {
    e.removeAttribute('aria-invalid');
    const ids = (e.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.startsWith('ferr-'));
    if (ids.length) e.setAttribute('aria-describedby', ids.join(' '));
    else e.removeAttribute('aria-describedby');
  });
  const general = form.querySelector('[data-role="form-error"]');
  if (general) {
    general.textContent = '';
    general.hidden = true;
  }
}

function visible(e) {
  return !e.closest('[hidden]');
}

/**
 * The visible element of form marked data-field=name or, failing that, of
 * the nearest enclosing path (skus[1].sku → skus[1] → skus).
 */
function findField(form, name) {
  let n = name;
  while (n) {
    const hit = [...form.querySelectorAll(`[data-field="${CSS.escape(n)}"]`)].find(visible);
    if (hit) return { target: hit, exact: n === name };
    const m = n.match(/^(.*?)(?:\.[^.[\]]+|\[\d+\])$/);
    n = m ? m[1] : '';
  }
  return null;
}

/**
 * Shows an API error on form: each field the problem names (invalid_params,
 * else field) gets its reason next to it and aria-invalid; the rest goes to
 * the form's [data-role=form-error] line. Returns how many fields were marked.
 */
export function showProblem(form, err) {
  clearErrors(form);
  let params = [];
  if (err instanceof Problem) {
    params = err.invalidParams.length ? err.invalidParams : (err.field ? [{ name: err.field, reason: err.detail || err.title }] : []);
  }
  const unplaced = [];
  let first = null;
  for (const p of params) {
    const name = String(p.name || '');
    const found = name ? findField(form, name) : null;
    if (!found) {
      unplaced.push(p);
      continue;
    }
    const { target, exact } = found;
    const id = uid('ferr');
    const text = exact ? String(p.reason || 'is invalid') : `${name} ${p.reason || 'is invalid'}`;
    const msg = el('p', { class: 'field-error', id, dataset: { testid: 'field-error', field: name } }, text);
    const control = target.matches('input, select, textarea') ? target : target.querySelector('input, select, textarea');
    const wrap = target.matches('fieldset') ? target : (target.closest('.field') || target.parentElement);
    if (target.matches('fieldset')) {
      // After the legend's content, before the group's buttons: at the end.
      target.append(msg);
      target.setAttribute('aria-invalid', 'true');
    } else {
      wrap.append(msg);
    }
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      const ids = (control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      control.setAttribute('aria-describedby', [...ids, id].join(' '));
      if (!first) first = control;
    }
  }
  const general = form.querySelector('[data-role="form-error"]');
  if (general) {
    const placed = params.length - unplaced.length;
    // The fields carry the details; the line says what happened.
    const detail = describeProblem(err).replace(/ \([^)]*\)$/, '').replace(/^invalid request: /, '');
    let text = describeProblem(err);
    if (placed > 0 && unplaced.length === 0) {
      if (err.status === 409) text = `Not saved: ${detail}`;
      else text = placed > 1 ? `Check the ${placed} fields marked.` : `Check the field marked: ${detail}`;
    }
    if (placed > 0 && unplaced.length > 0) text += ` Also: ${unplaced.map((p) => `${p.name} ${p.reason}`).join('; ')}`;
    general.textContent = text;
    general.hidden = false;
  }
  if (first) first.focus({ preventScroll: false });
  return params.length - unplaced.length;
}

/** A state badge: data-state carries the machine value, the text the same word. */
export function stateBadge(state, testid) {
  const dataset = { state: state || '' };
  if (testid) dataset.testid = testid;
  return el('span', { class: 'state', dataset }, state || '—');
}

async function copyText(text, input) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch { /* no clipboard access: select it instead */ }
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/**
 * A box showing a secret once, with a copy button: data-testid=testid on the
 * read-only field, testid-copy on the button, testid-box on the box.
 */
export function secretBox({ testid, title, secret, note, extra }) {
  const input = el('input', {
    type: 'text', class: 'mono', readOnly: true, value: secret, spellcheck: 'false',
    'aria-label': title, dataset: { testid },
  });
  const status = el('span', { class: 'small muted', role: 'status', dataset: { testid: `${testid}-copied` } });
  const copy = el('button', { type: 'button', dataset: { testid: `${testid}-copy` } }, 'Copy');
  copy.addEventListener('click', async () => {
    const ok = await copyText(secret, input);
    status.textContent = ok ? 'Copied to the clipboard.' : 'Selected: press Ctrl+C (⌘C on a Mac) to copy it.';
  });
  const dismiss = el('button', { type: 'button', class: 'small', dataset: { testid: `${testid}-dismiss` } }, 'I have stored it: hide');
  const box = el('div', { class: 'secret', role: 'group', 'aria-label': title, dataset: { testid: `${testid}-box` } },
    el('p', {}, el('strong', {}, title), ' — shown this once. Store it now: it cannot be retrieved later.'),
    el('div', { class: 'row' }, input, copy),
    status,
    note ? el('p', { class: 'small' }, note) : null,
    extra || null,
    dismiss);
  dismiss.addEventListener('click', () => box.remove());
  return box;
}

function pad(n) {
  return String(n).padStart(2, '0');
}

/** The value of a datetime-local input for an RFC 3339 time, in local time. */
export function toLocalInput(ts) {
  if (!ts) return '';
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The RFC 3339 time (UTC) of a datetime-local input's value; undefined when
 * empty; the raw text when unreadable (so that the API names the field).
 */
export function fromLocalInput(v) {
  if (!v) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toISOString().replace('.000Z', 'Z');
}

/**
 * A number input's value: undefined when empty, else the number (or the raw
 * text when it is not one, so that the API names the field).
 */
export function numberValue(input) {
  const v = input.value.trim();
  if (v === '') return input.validity && input.validity.badInput ? 'not a number' : undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}

let flashTimer = 0;

/** Sets a flash message at the top of the page (kind: 'ok' or 'error'). */
export function flash(text, kind = 'ok') {
  const f = $('flash');
  clearTimeout(flashTimer);
  f.textContent = text;
  f.dataset.kind = kind;
  f.hidden = !text;
  if (text) flashTimer = setTimeout(() => { f.hidden = true; }, 8000);
}

/** Disables a button while fn runs. */
export async function busy(button, fn) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await fn();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** A <time> element for an RFC 3339 time, shown in local time. */
export function timeEl(ts, fmt) {
  if (!ts) return el('span', { class: 'muted' }, '—');
  const d = new Date(ts);
  const text = Number.isNaN(d.getTime()) ? String(ts) : d.toLocaleString(undefined, fmt || { dateStyle: 'medium', timeStyle: 'medium' });
  return el('time', { datetime: String(ts), title: String(ts) }, text);
}

/** Checkboxes of the brand's launches, name=launches, values the ids. */
export function launchChecks(container, launches, checkedIds, name) {
  const prev = new Set([...container.querySelectorAll('input:checked')].map((i) => i.value));
  const want = checkedIds || prev;
  container.replaceChildren(...launches.map((l) => el('label', { class: 'inline' },
    el('input', { type: 'checkbox', name, value: l.id, checked: want.has(l.id), dataset: { testid: `${name}-${l.id}` } }),
    ' ', l.name, ' ', el('span', { class: 'muted small mono' }, l.id), ' ', stateBadge(l.state))));
  if (launches.length === 0) container.append(el('p', { class: 'muted small' }, 'No launch yet.'));
}

/**
 * Copies each column's header text into data-label on the table's cells:
 * on a phone the rows are shown as cards, each value under its label.
 */
export function labelCells(table) {
  const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  table.querySelectorAll('tbody tr').forEach((tr) => {
    [...tr.children].forEach((td, i) => { td.dataset.label = heads[i] || ''; });
  });
}
