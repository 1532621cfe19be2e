// The console's launches: the list and the create form; one launch with its
// state, lifecycle actions, live orders and test-order form, perks with a
// rule editor and dry-runs, and its settings (PATCH).
import { $, el, Problem, describeProblem, shortAddress } from './api.js';
import {
  busy, clearErrors, fail, flash, fromLocalInput, launchChecks, numberValue, show, showProblem,
  labelCells, stateBadge, timeEl, toLocalInput, uid,
} from './console-ui.js';

const ORDERS_EVERY_MS = 2000;

const STATE_HELP = {
  draft: 'Draft: nothing is on chain yet and orders are refused. Publish to deploy the contract.',
  deploying: 'Deploying: the contract deploy is in flight. Orders are accepted and queue; they mint once it is live.',
  live: 'Live: orders are accepted and minted.',
  paused: 'Paused: new orders are refused; queued passes still mint. Resume to take orders again.',
  ended: 'Ended: closed for good. Queued passes still mint.',
};

const ACTIONS = {
  publish: ['draft'],
  pause: ['deploying', 'live'],
  resume: ['paused'],
  end: ['deploying', 'live', 'paused'],
};

const PERK_REASONS = {
  not_holding: 'does not hold the passes this rule needs',
  held_too_short: 'has not held the passes long enough',
  holds_too_many: 'holds more passes than the rule allows',
  excluded: 'is excluded by a "none" rule',
};

// ---- the launch form (create and edit) ----

function field(form, name) {
  return form.querySelector(`[data-field="${name}"]`);
}

function reindex(form) {
  form.querySelectorAll('[data-rows]').forEach((rows) => {
    const name = rows.dataset.rows;
    [...rows.children].forEach((row, i) => {
      row.dataset.field = `${name}[${i}]`;
      row.querySelectorAll('[data-part]').forEach((input) => { input.dataset.field = `${name}[${i}].${input.dataset.part}`; });
    });
  });
}

function rowField(label, input) {
  const id = uid('row');
  input.id = id;
  return el('div', { class: 'field' }, el('label', { for: id }, label), input);
}

function removeButton(form, row, what) {
  const b = el('button', { type: 'button', class: 'small', 'aria-label': `Remove this ${what}` }, 'Remove');
  b.addEventListener('click', () => {
    row.remove();
    reindex(form);
  });
  return b;
}

function addSku(form, sku = {}) {
  const row = el('div', { class: 'row', dataset: { row: 'sku' } });
  row.append(
    rowField('SKU code', el('input', { type: 'text', class: 'mono', maxlength: '64', value: sku.sku || '', spellcheck: 'false', dataset: { testid: 'f-sku', part: 'sku' } })),
    rowField('Passes per unit', el('input', { type: 'number', inputmode: 'numeric', min: '1', max: '100', value: String(sku.passes_per_unit || 1), dataset: { testid: 'f-sku-ppu', part: 'passes_per_unit' } })),
    removeButton(form, row, 'SKU'));
  form.querySelector('[data-rows="skus"]').append(row);
  reindex(form);
  return row;
}

function addAttribute(form, a = {}) {
  const row = el('div', { class: 'row', dataset: { row: 'attribute' } });
  const display = el('select', { dataset: { testid: 'f-attr-display', part: 'display_type' } },
    ...['', 'number', 'boost_number', 'boost_percentage', 'date'].map((v) => el('option', { value: v }, v || 'text')));
  display.value = a.display_type || '';
  row.append(
    rowField('Trait', el('input', { type: 'text', maxlength: '64', value: a.trait_type || '', dataset: { testid: 'f-attr-trait', part: 'trait_type' } })),
    rowField('Value', el('input', { type: 'text', value: a.value === undefined ? '' : String(a.value), dataset: { testid: 'f-attr-value', part: 'value' } })),
    rowField('Shown as', display),
    removeButton(form, row, 'attribute'));
  form.querySelector('[data-rows="attributes"]').append(row);
  reindex(form);
  return row;
}

function buildLaunchForm(slot, testid) {
  const form = document.getElementById('launch-form').content.firstElementChild.cloneNode(true);
  form.dataset.testid = testid;
  form.querySelectorAll('label[data-for]').forEach((label) => {
    const input = field(form, label.dataset.for);
    input.id = uid('lf');
    label.htmlFor = input.id;
  });
  form.querySelector('[data-testid="f-sku-add"]').addEventListener('click', () => {
    addSku(form).querySelector('input').focus();
  });
  form.querySelector('[data-testid="f-attribute-add"]').addEventListener('click', () => {
    addAttribute(form).querySelector('input').focus();
  });
  slot.replaceChildren(form);
  return form;
}

/** The launch as the form describes it: empty optional fields left out. */
function readLaunchForm(form) {
  const body = {};
  for (const name of ['name', 'symbol', 'description', 'image_url', 'external_url', 'royalty_receiver']) {
    const v = field(form, name).value.trim();
    if (v !== '') body[name] = v;
  }
  for (const name of ['supply_cap', 'per_wallet_cap', 'royalty_bps']) {
    const v = numberValue(field(form, name));
    if (v !== undefined) body[name] = v;
  }
  for (const name of ['sale_starts_at', 'sale_ends_at']) {
    const v = fromLocalInput(field(form, name).value);
    if (v !== undefined) body[name] = v;
  }
  body.soulbound = field(form, 'soulbound').checked;
  body.skus = [...form.querySelectorAll('[data-rows="skus"] > .row')].map((row) => {
    const s = { sku: row.querySelector('[data-part="sku"]').value.trim() };
    const ppu = numberValue(row.querySelector('[data-part="passes_per_unit"]'));
    if (ppu !== undefined) s.passes_per_unit = ppu;
    return s;
  });
  body.attributes = [...form.querySelectorAll('[data-rows="attributes"] > .row')].map((row) => {
    const a = { trait_type: row.querySelector('[data-part="trait_type"]').value.trim() };
    const raw = row.querySelector('[data-part="value"]').value.trim();
    const display = row.querySelector('[data-part="display_type"]').value;
    // A trait shown as a number (or date) is sent as a number when it is one.
    a.value = display && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    if (display) a.display_type = display;
    return a;
  });
  return body;
}

function fillLaunchForm(form, l) {
  for (const name of ['name', 'symbol', 'description', 'image_url', 'external_url', 'royalty_receiver']) {
    field(form, name).value = l[name] || '';
  }
  field(form, 'supply_cap').value = l.supply_cap ?? '';
  field(form, 'per_wallet_cap').value = l.per_wallet_cap || '';
  field(form, 'royalty_bps').value = l.royalty_bps || '';
  field(form, 'sale_starts_at').value = toLocalInput(l.sale_starts_at);
  field(form, 'sale_ends_at').value = toLocalInput(l.sale_ends_at);
  field(form, 'soulbound').checked = !!l.soulbound;
  form.querySelector('[data-rows="skus"]').replaceChildren();
  (l.skus || []).forEach((s) => addSku(form, s));
  form.querySelector('[data-rows="attributes"]').replaceChildren();
  (l.attributes || []).forEach((a) => addAttribute(form, a));
  const locked = l.state !== 'draft';
  form.querySelectorAll('.contract .lock').forEach((x) => { x.hidden = !locked; });
  clearErrors(form);
}

/** The fields of now that differ from before; a cleared field is sent empty. */
function launchPatch(before, now) {
  const patch = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(now)])) {
    if (JSON.stringify(before[k]) === JSON.stringify(now[k])) continue;
    if (now[k] !== undefined) patch[k] = now[k];
    else if (['per_wallet_cap', 'royalty_bps'].includes(k)) patch[k] = 0;
    else patch[k] = ''; // the API says whether it can be emptied
  }
  return patch;
}

// ---- sections ----

export function launchSections(ctx) {
  // ---- the list ----
  let createForm = null;

  function renderLaunches(list) {
    $('launches-body').replaceChildren(...list.map((l) => el('tr', { dataset: { testid: 'launch-row', launchId: l.id, state: l.state } },
      el('td', {}, el('a', { href: `#/launches/${encodeURIComponent(l.id)}/orders`, dataset: { testid: 'launch-link' } }, l.name),
        el('span', { class: 'sub mono' }, `${l.symbol} · ${l.id}`)),
      el('td', {}, stateBadge(l.state)),
      el('td', {}, `${l.minted} minted`, el('span', { class: 'sub' }, `${l.allocated} ordered of ${l.supply_cap}`)),
      el('td', { class: 'mono' }, l.contract_address ? el('span', { title: l.contract_address }, shortAddress(l.contract_address)) : el('span', { class: 'muted' }, '—')),
      el('td', {}, timeEl(l.created_at, { dateStyle: 'medium', timeStyle: 'short' })))));
    labelCells($('launches'));
    show('launches-empty', list.length === 0);
  }

  function toggleCreate(open) {
    show('launch-create', open);
    $('launch-new').setAttribute('aria-expanded', String(open));
    if (open) {
      if (!createForm) setupCreateForm();
      field(createForm, 'name').focus();
    }
  }

  function setupCreateForm() {
    createForm = buildLaunchForm(document.querySelector('#launch-create [data-slot="launch-form"]'), 'launch-create-form');
    addSku(createForm);
    const submit = createForm.querySelector('[data-testid="f-submit"]');
    submit.textContent = 'Create launch';
    const cancel = createForm.querySelector('[data-testid="f-cancel"]');
    cancel.hidden = false;
    cancel.addEventListener('click', () => toggleCreate(false));
    createForm.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = readLaunchForm(createForm);
      if (body.attributes.length === 0) delete body.attributes;
      await busy(submit, async () => {
        try {
          const l = await ctx.call('/v1/launches', { method: 'POST', body });
          clearErrors(createForm);
          createForm.remove();
          createForm = null;
          toggleCreateQuiet(false);
          location.hash = `#/launches/${encodeURIComponent(l.id)}/orders`;
          flash(`Launch “${l.name}” created as a draft. Publish it to deploy its contract.`);
        } catch (err) {
          showProblem(createForm, err);
        }
      });
    });
  }

  function toggleCreateQuiet(open) {
    show('launch-create', open);
    $('launch-new').setAttribute('aria-expanded', String(open));
  }

  $('launch-new').addEventListener('click', () => toggleCreate($('launch-create').hidden));

  const list = {
    async enter() {
      fail('launches-error', null);
      try {
        renderLaunches(await ctx.loadLaunches());
      } catch (err) {
        fail('launches-error', err);
      }
    },
    leave() {},
  };

  // ---- one launch ----
  const d = {
    id: '',
    tab: '',
    launch: null,
    polling: false,
    pollGen: 0,
    pollTimer: 0,
    ordersSig: '',
    orderStates: new Map(),
    editForm: null,
    editBefore: null,
  };

  function setTab(tab) {
    d.tab = tab;
    document.querySelectorAll('[data-view="launch"] [data-tab]').forEach((p) => { p.hidden = p.dataset.tab !== tab; });
    document.querySelectorAll('[data-tab-link]').forEach((a) => {
      a.href = `#/launches/${encodeURIComponent(d.id)}/${a.dataset.tabLink}`;
      if (a.dataset.tabLink === tab) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
  }

  function renderLaunch(l) {
    const prev = d.launch;
    d.launch = l;
    $('launch-title').textContent = l.name;
    const badge = $('launch-state');
    badge.textContent = l.state;
    badge.dataset.state = l.state;
    document.querySelectorAll('[data-testid="lifecycle"] li').forEach((li) => {
      if (li.dataset.step === l.state) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    });
    $('launch-id').textContent = l.id;
    const c = $('launch-contract');
    c.textContent = l.contract_address || 'none yet: deployed on publish';
    c.dataset.address = l.contract_address || '';
    c.classList.toggle('muted', !l.contract_address);
    $('launch-chain').textContent = `${l.chain_id}${l.deployed ? ' · deploy final' : ''}`;
    $('launch-deploy-tx').textContent = l.deploy_tx_hash || '—';
    $('launch-passes').textContent = `${l.minted} minted · ${l.allocated} ordered · cap ${l.supply_cap}${l.per_wallet_cap ? ` · ${l.per_wallet_cap} per wallet` : ''}`;
    $('launch-skus').textContent = (l.skus || []).map((s) => `${s.sku} (${s.passes_per_unit} pass${s.passes_per_unit === 1 ? '' : 'es'}/unit)`).join(', ');
    const de = $('launch-deploy-error');
    de.textContent = l.deploy_error ? `The last deploy failed: ${l.deploy_error}` : '';
    de.hidden = !l.deploy_error;
    for (const [action, states] of Object.entries(ACTIONS)) {
      $(`launch-${action}`).hidden = !states.includes(l.state);
    }
    $('launch-action-help').textContent = STATE_HELP[l.state] || '';
    $('settings-help').textContent = l.state === 'draft'
      ? 'A draft: every field can change.'
      : 'Published: name, symbol, supply cap, soulbound and royalty are written into the contract and can no longer change. Description, links, attributes, SKUs, the per-wallet cap and the sale window still can.';
    // The test order form offers the launch's SKUs.
    const sel = $('order-sku');
    const skus = (l.skus || []).map((s) => s.sku);
    if ([...sel.options].map((o) => o.value).join('\n') !== skus.join('\n')) {
      const keep = sel.value;
      sel.replaceChildren(...skus.map((s) => el('option', { value: s }, s)));
      if (skus.includes(keep)) sel.value = keep;
    }
    if (d.editForm && (!prev || prev.state !== l.state)) {
      d.editForm.querySelectorAll('.contract .lock').forEach((x) => { x.hidden = l.state === 'draft'; });
    }
    if (prev && prev.state !== l.state) {
      $('orders-announce').textContent = `The launch is now ${l.state}.`;
    }
  }

  function passLine(p) {
    const bits = [`#${p.token_id}`, ' ', stateBadge(p.state)];
    if (p.tx_hash) bits.push(' ', el('span', { class: 'mono small', title: p.tx_hash }, `tx ${shortAddress(p.tx_hash)}`));
    if (p.block_number !== undefined && p.block_number !== null) bits.push(el('span', { class: 'muted small' }, ` · block ${p.block_number}`));
    if (p.fail_reason) bits.push(el('div', { class: 'error small' }, p.fail_reason));
    return el('li', { dataset: { testid: 'order-pass', tokenId: String(p.token_id), state: p.state } }, ...bits);
  }

  function renderOrders(orders) {
    const sig = JSON.stringify(orders);
    $('orders-updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
    if (sig === d.ordersSig) return;
    d.ordersSig = sig;
    const news = [];
    for (const o of orders) {
      const before = d.orderStates.get(o.id);
      if (before && before !== o.state) news.push(`Order ${o.order_id} is ${o.state}.`);
      d.orderStates.set(o.id, o.state);
    }
    if (news.length) $('orders-announce').textContent = news.join(' ');
    $('orders-body').replaceChildren(...orders.map((o) => el('tr', {
      dataset: { testid: 'order-row', id: o.id, orderId: o.order_id, state: o.state, wallet: o.wallet },
    },
    el('td', {}, el('strong', {}, o.order_id), el('span', { class: 'sub mono' }, o.id)),
    el('td', {}, `${o.sku} × ${o.quantity}`),
    el('td', {}, el('span', { class: 'mono', title: o.wallet }, shortAddress(o.wallet)),
      o.customer_ref ? el('span', { class: 'sub' }, `customer ${o.customer_ref}`) : null),
    el('td', {}, stateBadge(o.state, 'order-state')),
    el('td', {}, el('ul', {}, ...(o.passes || []).map(passLine)),
      // A list carries an order's first passes; pass_count tells them all.
      o.pass_count > (o.passes || []).length ? el('span', { class: 'sub' }, `and ${o.pass_count - o.passes.length} more`) : null),
    el('td', {}, timeEl(o.created_at, { timeStyle: 'medium' })))));
    labelCells($('orders'));
    show('orders-empty', orders.length === 0);
  }

  async function refresh() {
    const id = d.id;
    const wantOrders = d.tab === 'orders';
    const [l, orders] = await Promise.all([
      ctx.call(`/v1/launches/${encodeURIComponent(id)}`),
      wantOrders ? ctx.call(`/v1/launches/${encodeURIComponent(id)}/orders?limit=50`) : null,
    ]);
    if (id !== d.id) return;
    renderLaunch(l);
    if (orders && d.tab === 'orders') renderOrders(orders.data || []);
  }

  function stopPolling() {
    d.polling = false;
    d.pollGen += 1;
    clearTimeout(d.pollTimer);
  }

  // Refreshes the launch (and, on the orders tab, its orders) every 2 s
  // while the tab is visible.
  function startPolling() {
    stopPolling();
    d.polling = true;
    const gen = d.pollGen;
    const tick = async () => {
      if (gen !== d.pollGen) return;
      if (!document.hidden) {
        try {
          await refresh();
          fail('orders-error', null);
        } catch (err) {
          if (gen !== d.pollGen) return;
          if (err instanceof Problem && err.status === 404) {
            fail('launch-action-error', err);
            stopPolling();
            return;
          }
          if (err instanceof Problem && err.status === 401) return;
          fail('orders-error', err); // keep polling through a bad connection
        }
      }
      if (gen === d.pollGen) d.pollTimer = setTimeout(tick, ORDERS_EVERY_MS);
    };
    tick();
  }

  // Back to a hidden tab: refresh now rather than at the next tick.
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && d.polling) startPolling();
  });

  // Lifecycle actions.
  document.querySelectorAll('[data-testid="launch-actions"] [data-action]').forEach((b) => {
    b.addEventListener('click', async () => {
      const action = b.dataset.action;
      const l = d.launch;
      if (!l) return;
      if (action === 'end' && !window.confirm(`End “${l.name}” for good? New orders will be refused; queued passes still mint.`)) return;
      if (action === 'publish' && !window.confirm(`Publish “${l.name}”? This deploys its contract: name, symbol, supply cap, soulbound and royalty can no longer change.`)) return;
      fail('launch-action-error', null);
      await busy(b, async () => {
        try {
          renderLaunch(await ctx.call(`/v1/launches/${encodeURIComponent(l.id)}/${action}`, { method: 'POST' }));
          flash({
            publish: 'Published: the contract is being deployed.', pause: 'Paused: new orders are refused.',
            resume: 'Resumed.', end: 'Ended.',
          }[action]);
        } catch (err) {
          fail('launch-action-error', err);
        }
      });
    });
  });

  // Test order.
  const orderForm = $('order-form');
  orderForm.querySelectorAll('input[name="order-customer"]').forEach((r) => r.addEventListener('change', () => {
    const kind = orderForm.querySelector('input[name="order-customer"]:checked').value;
    orderForm.querySelectorAll('[data-customer]').forEach((x) => { x.hidden = x.dataset.customer !== kind; });
  }));
  const newOrderId = () => `test-${Date.now().toString(36)}`;
  orderForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const kind = orderForm.querySelector('input[name="order-customer"]:checked').value;
    const body = {
      order_id: $('order-id').value.trim(),
      sku: $('order-sku').value,
      quantity: numberValue($('order-quantity')),
      customer: kind === 'wallet' ? { wallet: $('order-wallet').value.trim() } : { ref: $('order-ref').value.trim() },
    };
    await busy($('order-submit'), async () => {
      try {
        const o = await ctx.call(`/v1/launches/${encodeURIComponent(d.id)}/orders`, { method: 'POST', body });
        clearErrors(orderForm);
        d.orderStates.set(o.id, o.state);
        flash(`Order ${o.order_id} accepted: ${o.passes.length} pass${o.passes.length === 1 ? '' : 'es'} ${o.state}.`);
        $('order-id').value = newOrderId();
        startPolling(); // show it now
      } catch (err) {
        showProblem(orderForm, err);
      }
    });
  });

  // Perks.
  const perkForm = $('perk-form');
  const ruleMode = () => perkForm.querySelector('input[name="perk-rule-mode"]:checked').value;

  function holdsRule() {
    const holds = { launches: [...perkForm.querySelectorAll('[data-testid="perk-launches"] input:checked')].map((i) => i.value) };
    for (const [k, id] of [['min', 'perk-min'], ['max', 'perk-max'], ['held_days', 'perk-held-days']]) {
      const v = numberValue($(id));
      if (v !== undefined) holds[k] = v;
    }
    return { holds };
  }

  perkForm.querySelectorAll('input[name="perk-rule-mode"]').forEach((r) => r.addEventListener('change', () => {
    const mode = ruleMode();
    if (mode === 'json' && !$('perk-rule-text').value.trim()) {
      $('perk-rule-text').value = JSON.stringify(holdsRule(), null, 2);
    }
    if (mode === 'holds') {
      // Bring a plain holds rule back into the fields.
      try {
        const r = JSON.parse($('perk-rule-text').value);
        if (r && r.holds && Object.keys(r).length === 1) {
          const ids = new Set(r.holds.launches || []);
          perkForm.querySelectorAll('[data-testid="perk-launches"] input').forEach((i) => { i.checked = ids.has(i.value); });
          $('perk-min').value = r.holds.min ?? '';
          $('perk-max').value = r.holds.max ?? '';
          $('perk-held-days').value = r.holds.held_days ?? '';
        }
      } catch { /* keep the fields */ }
    }
    perkForm.querySelectorAll('[data-rule-mode]').forEach((x) => { x.hidden = x.dataset.ruleMode !== mode; });
  }));

  function readPerkForm() {
    const body = { kind: $('perk-kind').value, title: $('perk-title').value.trim() };
    const desc = $('perk-description').value.trim();
    if (desc) body.description = desc;
    if (ruleMode() === 'holds') {
      body.rule = holdsRule();
    } else {
      try {
        body.rule = JSON.parse($('perk-rule-text').value);
      } catch (err) {
        throw new Problem(400, { title: 'Bad Request', detail: 'The rule is not valid JSON.', invalid_params: [{ name: 'rule', reason: `is not valid JSON: ${err.message}` }] });
      }
    }
    const limit = {};
    for (const [k, id] of [['per_token', 'perk-per-token'], ['per_wallet', 'perk-per-wallet']]) {
      const v = numberValue($(id));
      if (v !== undefined) limit[k] = v;
    }
    if ($('perk-period').value) limit.period = $('perk-period').value;
    if (Object.keys(limit).length) body.limit = limit;
    const starts = fromLocalInput($('perk-starts').value);
    const ends = fromLocalInput($('perk-ends').value);
    if (starts) body.starts_at = starts;
    if (ends) body.ends_at = ends;
    const inv = numberValue($('perk-inventory'));
    if (inv !== undefined) body.inventory = inv;
    const payload = {};
    const msg = $('perk-message').value.trim();
    const url = $('perk-url').value.trim();
    const codes = $('perk-codes').value.split('\n').map((s) => s.trim()).filter(Boolean);
    if (msg) payload.message = msg;
    if (url) payload.url = url;
    if (codes.length) payload.codes = codes;
    if (Object.keys(payload).length) body.payload = payload;
    return body;
  }

  perkForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    await busy($('perk-submit'), async () => {
      try {
        const body = readPerkForm();
        const p = await ctx.call(`/v1/launches/${encodeURIComponent(d.id)}/perks`, { method: 'POST', body });
        clearErrors(perkForm);
        flash(`Perk “${p.title}” created.`);
        for (const id of ['perk-title', 'perk-description', 'perk-message', 'perk-url', 'perk-codes', 'perk-inventory']) $(id).value = '';
        await loadPerks();
      } catch (err) {
        showProblem(perkForm, err);
      }
    });
  });

  function limitText(p) {
    const l = p.limit || {};
    const parts = [];
    if (l.per_token) parts.push(`${l.per_token} per pass`);
    if (l.per_wallet) parts.push(`${l.per_wallet} per wallet`);
    let text = parts.length ? parts.join(', ') : 'no limit';
    if (parts.length && l.period) text += ` per ${l.period}`;
    return text;
  }

  function perkItem(p) {
    const wallet = el('input', {
      type: 'text', class: 'mono', placeholder: '0x… wallet to check', spellcheck: 'false', autocapitalize: 'off',
      'aria-label': `Wallet to dry-run “${p.title}” for`, dataset: { testid: 'dry-run-wallet' },
    });
    const run = el('button', { type: 'submit', class: 'small', dataset: { testid: 'dry-run-submit' } }, 'Dry-run');
    const verdict = el('span', { class: 'verdict', role: 'status', dataset: { testid: 'dry-run-result' } });
    const form = el('form', { class: 'item-actions', autocomplete: 'off', novalidate: true }, wallet, run, verdict);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      verdict.textContent = '…';
      delete verdict.dataset.eligible;
      delete verdict.dataset.reason;
      await busy(run, async () => {
        try {
          const v = await ctx.call(`/v1/perks/${encodeURIComponent(p.id)}/dry-run`, { method: 'POST', body: { wallet: wallet.value.trim() } });
          verdict.dataset.eligible = String(!!v.eligible);
          verdict.dataset.reason = v.reason || '';
          verdict.textContent = v.eligible ? 'Eligible now' : `Not eligible: ${PERK_REASONS[v.reason] || v.reason || 'the rule is not met'}`;
        } catch (err) {
          verdict.dataset.eligible = 'error';
          verdict.textContent = describeProblem(err);
        }
      });
    });
    const stock = [`${p.redeemed} redeemed`];
    if (p.inventory !== undefined && p.inventory !== null) stock.push(`inventory ${p.inventory}`);
    if (p.code_pool) stock.push(`${p.code_pool} codes`);
    return el('li', { dataset: { testid: 'perk-item', perkId: p.id } },
      el('div', { class: 'item-head' }, el('strong', {}, p.title), el('span', { class: 'pill' }, p.kind), el('span', { class: 'meta' }, stock.join(' · '))),
      p.description ? el('div', { class: 'small' }, p.description) : null,
      el('div', { class: 'meta' }, `Limits: ${limitText(p)}`,
        p.starts_at || p.ends_at ? ` · available ${p.starts_at ? `from ${new Date(p.starts_at).toLocaleString()}` : ''}${p.ends_at ? ` until ${new Date(p.ends_at).toLocaleString()}` : ''}` : '',
        ' · ', el('span', { class: 'mono' }, p.id)),
      el('details', {}, el('summary', { class: 'small' }, 'Rule'), el('pre', { class: 'rule', dataset: { testid: 'perk-rule' } }, JSON.stringify(p.rule, null, 2))),
      form);
  }

  async function loadPerks() {
    const id = d.id;
    fail('perks-error', null);
    try {
      const [perks] = await Promise.all([
        ctx.call(`/v1/launches/${encodeURIComponent(id)}/perks`),
        ctx.loadLaunches(),
      ]);
      if (id !== d.id) return;
      const list = (perks && perks.data) || [];
      $('perks').replaceChildren(...list.map(perkItem));
      show('perks-empty', list.length === 0);
      const box = $('perk-launches');
      const fresh = box.dataset.launchId !== id;
      launchChecks(box, ctx.launches, fresh ? new Set([id]) : null, 'perk-launch');
      box.dataset.launchId = id;
    } catch (err) {
      fail('perks-error', err);
    }
  }

  // Settings (PATCH).
  function setupEditForm() {
    d.editForm = buildLaunchForm(document.querySelector('[data-tab="settings"] [data-slot="launch-form"]'), 'launch-edit-form');
    const form = d.editForm;
    const submit = form.querySelector('[data-testid="f-submit"]');
    submit.textContent = 'Save changes';
    const revert = form.querySelector('[data-testid="f-cancel"]');
    revert.textContent = 'Revert';
    revert.hidden = false;
    revert.addEventListener('click', () => {
      if (d.launch) fillEdit(d.launch);
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const patch = launchPatch(d.editBefore || {}, readLaunchForm(form));
      if (Object.keys(patch).length === 0) {
        clearErrors(form);
        const g = form.querySelector('[data-role="form-error"]');
        g.textContent = 'Nothing changed.';
        g.hidden = false;
        return;
      }
      await busy(submit, async () => {
        try {
          const l = await ctx.call(`/v1/launches/${encodeURIComponent(d.id)}`, { method: 'PATCH', body: patch });
          renderLaunch(l);
          fillEdit(l);
          flash(`Saved: ${Object.keys(patch).join(', ')}.`);
        } catch (err) {
          showProblem(form, err);
        }
      });
    });
  }

  function fillEdit(l) {
    fillLaunchForm(d.editForm, l);
    d.editBefore = readLaunchForm(d.editForm);
  }

  const detail = {
    async enter({ id, tab }) {
      const same = d.id === id;
      if (!same) {
        stopPolling();
        d.id = id;
        d.launch = null;
        d.ordersSig = '';
        d.orderStates = new Map();
        d.editBefore = null;
        $('orders-body').replaceChildren();
        $('orders-updated').textContent = '';
        $('perks').replaceChildren();
        show('perks-empty', false);
        show('orders-empty', false);
        $('launch-title').textContent = 'Loading…';
        $('launch-state').textContent = '';
        fail('launch-action-error', null);
        fail('orders-error', null);
        clearErrors(orderForm);
        clearErrors(perkForm);
        $('order-id').value = newOrderId();
        $('perk-launches').dataset.launchId = '';
        if (d.editForm) {
          d.editForm.remove();
          d.editForm = null;
        }
      }
      setTab(tab);
      startPolling();
      if (tab === 'perks') loadPerks();
      if (tab === 'settings') {
        if (!d.editForm) setupEditForm();
        try {
          const l = d.launch && same ? d.launch : await ctx.call(`/v1/launches/${encodeURIComponent(id)}`);
          if (d.id === id && d.tab === 'settings') {
            renderLaunch(l);
            fillEdit(l);
          }
        } catch (err) {
          fail('launch-action-error', err);
        }
      }
    },
    leave() {
      stopPolling();
      d.id = ''; // coming back reloads everything (another key may sign in meanwhile)
    },
  };

  return { list, detail };
}
