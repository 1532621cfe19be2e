// The console's webhooks: endpoints (add with the signing secret shown once,
// delete) and deliveries with state, attempts and the last answer, refreshed
// while shown, each with a Redeliver button.
import { $, el } from './api.js';
import {
  busy, clearErrors, fail, flash, labelCells, secretBox, show, showProblem, stateBadge, timeEl,
} from './console-ui.js';

const DELIVERIES_EVERY_MS = 2000;

const EVENT_TYPES = [
  ['order.minted', 'an order’s passes are minted'],
  ['order.failed', 'an order’s mint failed'],
  ['order.refunded', 'an order is refunded'],
  ['pass.transferred', 'a pass changes hands on chain'],
  ['pass.claimed', 'a custodial pass is claimed'],
  ['perk.redeemed', 'a perk is redeemed'],
  ['checkin.admitted', 'a pass is admitted at a door'],
];

export function webhooksSection(ctx) {
  const form = $('webhook-form');
  let endpoints = [];
  let active = false;
  let gen = 0;
  let timer = 0;
  let sig = '';

  $('webhook-events').replaceChildren(...EVENT_TYPES.map(([t, what]) => el('label', { class: 'inline' },
    el('input', { type: 'checkbox', name: 'webhook-event', value: t, dataset: { testid: `webhook-event-${t}` } }),
    ' ', el('span', { class: 'mono' }, t), ' ', el('span', { class: 'muted small' }, what))));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = {
      url: $('webhook-url').value.trim(),
      events: [...form.querySelectorAll('input[name="webhook-event"]:checked')].map((i) => i.value),
    };
    await busy($('webhook-submit'), async () => {
      try {
        const w = await ctx.call('/v1/webhooks', { method: 'POST', body });
        clearErrors(form);
        form.reset();
        $('webhook-secret-slot').replaceChildren(secretBox({
          testid: 'webhook-secret', title: 'Signing secret', secret: w.secret,
          note: 'Verify each delivery’s webhook-signature with it (Standard Webhooks: HMAC-SHA256 keyed with the base64 part after whsec_).',
        }));
        flash(`Endpoint added: ${w.url}`);
        await loadEndpoints();
      } catch (err) {
        showProblem(form, err);
      }
    });
  });

  function endpointItem(w) {
    const del = el('button', { type: 'button', class: 'small danger', dataset: { testid: 'webhook-delete' } }, 'Delete');
    del.addEventListener('click', async () => {
      if (!window.confirm(`Stop delivering to ${w.url}?`)) return;
      await busy(del, async () => {
        try {
          await ctx.call(`/v1/webhooks/${encodeURIComponent(w.id)}`, { method: 'DELETE' });
          flash('Endpoint deleted.');
          await loadEndpoints();
        } catch (err) {
          fail('webhooks-error', err);
        }
      });
    });
    return el('li', { dataset: { testid: 'webhook-item', webhookId: w.id, url: w.url } },
      el('div', { class: 'item-head' }, el('strong', { class: 'mono', dataset: { testid: 'webhook-item-url' } }, w.url)),
      el('div', { class: 'meta' }, ...(w.events || []).flatMap((t) => [el('span', { class: 'pill mono' }, t), ' ']),
        ' · added ', timeEl(w.created_at, { dateStyle: 'medium', timeStyle: 'short' }), ' · ', el('span', { class: 'mono' }, w.id)),
      el('div', { class: 'item-actions' }, del));
  }

  async function loadEndpoints() {
    fail('webhooks-error', null);
    try {
      const r = await ctx.call('/v1/webhooks');
      endpoints = (r && r.data) || [];
      $('webhooks').replaceChildren(...endpoints.map(endpointItem));
      show('webhooks-empty', endpoints.length === 0);
      sig = ''; // endpoint URLs appear in the deliveries
    } catch (err) {
      fail('webhooks-error', err);
    }
  }

  function deliveryRow(dl) {
    const ep = endpoints.find((w) => w.id === dl.endpoint_id);
    const redeliver = el('button', { type: 'button', class: 'small', dataset: { testid: 'redeliver' } }, 'Redeliver');
    redeliver.addEventListener('click', async () => {
      await busy(redeliver, async () => {
        try {
          await ctx.call(`/v1/webhooks/deliveries/${encodeURIComponent(dl.id)}/redeliver`, { method: 'POST' });
          flash(`Delivery of ${dl.event_type} queued again (same webhook-id ${dl.event_id}).`);
          await loadDeliveries();
        } catch (err) {
          fail('deliveries-error', err);
        }
      });
    });
    const answer = [];
    if (dl.last_status) answer.push(el('span', { class: 'mono' }, `HTTP ${dl.last_status}`));
    if (dl.last_error) answer.push(el('span', { class: 'sub error' }, dl.last_error));
    return el('tr', { dataset: { testid: 'delivery-row', id: dl.id, eventType: dl.event_type, state: dl.state, attempts: String(dl.attempts) } },
      el('td', {}, el('span', { class: 'mono' }, dl.event_type), el('span', { class: 'sub mono' }, dl.event_id)),
      el('td', { class: 'mono small' }, ep ? ep.url : dl.endpoint_id),
      el('td', {}, stateBadge(dl.state, 'delivery-state')),
      el('td', { dataset: { testid: 'delivery-attempts' } }, String(dl.attempts)),
      el('td', {}, answer.length ? answer : el('span', { class: 'muted' }, '—')),
      el('td', {}, dl.state === 'delivered' ? timeEl(dl.delivered_at) : timeEl(dl.next_attempt_at)),
      el('td', {}, redeliver));
  }

  async function loadDeliveries() {
    const r = await ctx.call('/v1/webhooks/deliveries?limit=100');
    const list = (r && r.data) || [];
    const s = JSON.stringify(list);
    if (s === sig) return;
    sig = s;
    $('deliveries-body').replaceChildren(...list.map(deliveryRow));
    labelCells($('deliveries'));
    show('deliveries-empty', list.length === 0);
  }

  function stop() {
    gen += 1;
    clearTimeout(timer);
  }

  function poll() {
    stop();
    const g = gen;
    const tick = async () => {
      if (g !== gen) return;
      if (!document.hidden) {
        try {
          await loadDeliveries();
          fail('deliveries-error', null);
        } catch (err) {
          if (g === gen) fail('deliveries-error', err);
        }
      }
      if (g === gen) timer = setTimeout(tick, DELIVERIES_EVERY_MS);
    };
    tick();
  }

  $('deliveries-refresh').addEventListener('click', () => {
    sig = '';
    if (active) poll();
  });

  return {
    async enter() {
      active = true;
      await loadEndpoints();
      if (active) poll();
    },
    leave() {
      active = false;
      stop();
    },
  };
}
