// The console's events: the list with live counts, the create form, staff
// keys (the secret shown once, with the way to the door scanner) and each
// event's audit trail of door scans.
import { $, el, shortAddress } from './api.js';
import {
  busy, clearErrors, fail, flash, fromLocalInput, labelCells, launchChecks, numberValue, secretBox, show,
  showProblem, stateBadge, timeEl,
} from './console-ui.js';

const REASONS = {
  expired_code: 'expired code',
  bad_signature: 'bad signature',
  not_owner_now: 'not the owner now',
  already_checked_in: 'already checked in',
  wrong_event: 'wrong event',
  outside_hours: 'outside hours',
  capacity_full: 'capacity full',
  not_inside: 'not inside',
};

export function eventsSection(ctx) {
  const form = $('event-form');
  let active = false;

  function toggleCreate(open) {
    show('event-create', open);
    $('event-new').setAttribute('aria-expanded', String(open));
    if (open) $('event-name').focus();
  }
  $('event-new').addEventListener('click', () => toggleCreate($('event-create').hidden));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      name: $('event-name').value.trim(),
      launches: [...$('event-launches').querySelectorAll('input:checked')].map((i) => i.value),
      reentry: $('event-reentry').value,
    };
    const venue = $('event-venue').value.trim();
    if (venue) body.venue = venue;
    const cap = numberValue($('event-capacity'));
    if (cap !== undefined) body.capacity = cap;
    for (const [k, id] of [['starts_at', 'event-starts'], ['ends_at', 'event-ends'], ['doors_open_at', 'event-doors']]) {
      const v = fromLocalInput($(id).value);
      if (v !== undefined) body[k] = v;
    }
    await busy($('event-submit'), async () => {
      try {
        const ev = await ctx.call('/v1/events', { method: 'POST', body });
        clearErrors(form);
        form.reset();
        toggleCreate(false);
        flash(`Event “${ev.name}” created. Issue a staff key for its door below.`);
        await load();
      } catch (err) {
        showProblem(form, err);
      }
    });
  });

  function auditTable(rows) {
    if (rows.length === 0) return el('p', { class: 'muted small', dataset: { testid: 'audit-empty' } }, 'No scans yet.');
    return el('div', { class: 'table-wrap' }, el('table', { class: 'data', dataset: { testid: 'audit' } },
      el('caption', { class: 'sr-only' }, 'Door scans, newest first'),
      el('thead', {}, el('tr', {}, ...['When', 'Result', 'Direction', 'Gate', 'Pass', 'Holder', 'Staff key'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...rows.map((c) => el('tr', { dataset: { testid: 'audit-row', result: c.result, reason: c.reason || '' } },
        el('td', {}, timeEl(c.at)),
        el('td', {}, stateBadge(c.result), c.reason ? el('span', { class: 'sub' }, REASONS[c.reason] || c.reason) : null),
        el('td', {}, c.direction === 'out' ? 'exit' : 'entry'),
        el('td', {}, c.gate || el('span', { class: 'muted' }, '—')),
        el('td', {}, c.pass ? `#${c.pass.token_id}` : '—', c.pass ? el('span', { class: 'sub' }, ctx.launchName(c.pass.launch_id)) : null),
        el('td', { class: 'mono' }, c.holder ? el('span', { title: c.holder.wallet }, shortAddress(c.holder.wallet)) : '—'),
        el('td', { class: 'mono small' }, c.staff_key_id))))));
  }

  function eventItem(ev) {
    const slot = el('div', { dataset: { testid: 'staff-key-slot' } });
    const label = el('input', { type: 'text', maxlength: '200', placeholder: 'Label, e.g. North door phone', 'aria-label': `Label of a new staff key for “${ev.name}”`, dataset: { testid: 'staff-key-label' } });
    const issue = el('button', { type: 'submit', class: 'small', dataset: { testid: 'staff-key-issue' } }, 'Issue staff key');
    const keyForm = el('form', { class: 'item-actions', autocomplete: 'off', novalidate: true }, label, issue);
    const keyError = el('p', { class: 'error small', role: 'alert', hidden: true, dataset: { testid: 'staff-key-error' } });
    keyForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      keyError.hidden = true;
      await busy(issue, async () => {
        try {
          const body = label.value.trim() ? { label: label.value.trim() } : {};
          const k = await ctx.call(`/v1/events/${encodeURIComponent(ev.id)}/staff-keys`, { method: 'POST', body });
          label.value = '';
          const validity = k.valid_from || k.valid_until
            ? `It scans at this event only, from ${new Date(k.valid_from).toLocaleString()} until ${new Date(k.valid_until).toLocaleString()}.`
            : 'It scans at this event only.';
          slot.replaceChildren(secretBox({
            testid: 'staff-key-secret', title: `Staff key${k.label ? ` “${k.label}”` : ''}`, secret: k.secret,
            note: `${validity} On the door's phone, open the check-in page and paste it there.`,
            extra: el('p', {}, el('a', { href: '/staff', target: '_blank', rel: 'noopener noreferrer', dataset: { testid: 'open-staff' } }, 'Open the check-in page (/staff) ↗')),
          }));
        } catch (err) {
          keyError.textContent = err.message ? `Could not issue a key: ${err.message}` : String(err);
          keyError.hidden = false;
        }
      });
    });

    const audit = el('div', { class: 'sub-panel', hidden: true, dataset: { testid: 'audit-panel' } });
    const auditToggle = el('button', { type: 'button', class: 'small', 'aria-expanded': 'false', dataset: { testid: 'audit-toggle' } }, 'Audit trail');
    const loadAudit = async () => {
      audit.replaceChildren(el('p', { class: 'muted small' }, 'Loading…'));
      try {
        const r = await ctx.call(`/v1/events/${encodeURIComponent(ev.id)}/checkins?limit=200`);
        const refresh = el('button', { type: 'button', class: 'small', dataset: { testid: 'audit-refresh' } }, 'Refresh');
        refresh.addEventListener('click', loadAudit);
        audit.replaceChildren(el('div', { class: 'card-head' }, el('strong', {}, 'Audit trail'), refresh), auditTable((r && r.data) || []));
        const table = audit.querySelector('table');
        if (table) labelCells(table);
      } catch (err) {
        audit.replaceChildren(el('p', { class: 'error small', role: 'alert' }, err.message || String(err)));
      }
    };
    auditToggle.addEventListener('click', () => {
      const open = audit.hidden;
      audit.hidden = !open;
      auditToggle.setAttribute('aria-expanded', String(open));
      if (open) loadAudit();
    });

    const starts = new Date(ev.starts_at);
    const doors = new Date(ev.doors_open_at);
    return el('li', { dataset: { testid: 'event-item', eventId: ev.id } },
      el('div', { class: 'item-head' }, el('strong', { dataset: { testid: 'event-item-name' } }, ev.name),
        el('span', { class: 'pill' }, ev.reentry === 'reentry' ? 're-entry' : 'entry once'),
        el('span', { class: 'meta mono' }, ev.id)),
      el('div', { class: 'meta' }, ev.venue ? `${ev.venue} · ` : '', `${starts.toLocaleString()} – ${new Date(ev.ends_at).toLocaleString()}`,
        doors.getTime() !== starts.getTime() ? ` · doors ${doors.toLocaleString()}` : ''),
      el('div', { class: 'meta' },
        el('span', { dataset: { testid: 'event-admitted' } }, String(ev.admitted)), ' admitted · ',
        el('span', { dataset: { testid: 'event-inside' } }, String(ev.inside)), ` inside · capacity ${ev.capacity}`,
        ' · passes of ', (ev.launches || []).map((id) => ctx.launchName(id)).join(', ')),
      keyForm, keyError, slot,
      el('div', { class: 'item-actions' }, auditToggle),
      audit);
  }

  async function load() {
    fail('events-error', null);
    try {
      const [events] = await Promise.all([ctx.call('/v1/events'), ctx.loadLaunches()]);
      if (!active) return;
      const list = (events && events.data) || [];
      $('events').replaceChildren(...list.map(eventItem));
      show('events-empty', list.length === 0);
      launchChecks($('event-launches'), ctx.launches, null, 'event-launch');
    } catch (err) {
      fail('events-error', err);
    }
  }

  return {
    enter() {
      active = true;
      load();
    },
    leave() {
      active = false;
    },
  };
}
