// The brand console, end to end: a wrong key is refused; the admin key signs
// in; a launch is created through the form (first without symbol and supply
// cap: the API's invalid_params are shown next to those fields), published and
// seen going live with its contract; a test order for WALLET is placed
// through the form and seen turning minted in the live orders list; a change
// of the (now frozen) supply cap shows the API's 409 next to the field, while
// a description change saves; a perk with a holds rule is created and
// dry-run for WALLET (eligible) and OTHER_WALLET (not); a webhook endpoint
// for perk.redeemed at WEBHOOK_URL is added (its secret shown once, copied);
// a second test order for CUSTOMER_REF (custodial) mints, this script redeems
// the perk for that customer through the API, and the delivery appears,
// delivered, and is redelivered from its button; an event is created, a
// staff key issued (secret shown once, link to /staff) and its empty audit
// trail shown; a reload keeps the tab signed in with no key in the URL.
// Env: METAPASS_BASE, METAPASS_SCREENSHOTS, CHROMIUM, ADMIN_KEY, WALLET,
// OTHER_WALLET, CUSTOMER_REF, WEBHOOK_URL, LAUNCH_NAME, ORDER_ID, ORDER_ID2.
import { base, env, launch, newContext, run, shot, signIn, track, waitAttr } from './lib.mjs';

const LONG = 30000; // chain steps: a deploy or a mint takes a few 200 ms blocks

/** YYYY-MM-DDTHH:mm in local time, offset by minutes: a datetime-local value. */
function localInput(offsetMin) {
  const d = new Date(Date.now() + offsetMin * 60000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

async function fieldErrors(form) {
  return form.locator('[data-testid="field-error"]').evaluateAll((xs) => xs.map((x) => {
    const near = x.closest('.field, fieldset');
    const control = near && (near.matches('[data-field]') ? near : near.querySelector('[data-field]'));
    return { field: x.dataset.field, text: x.textContent, next_to: control ? control.dataset.field : '' };
  }));
}

async function invalidFields(form) {
  return form.locator('[aria-invalid="true"]').evaluateAll((xs) => xs.map((x) => x.dataset.field || ''));
}

run('console', async (hold) => {
  const browser = hold(await launch());
  const { ctx, report } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base() });
  await ctx.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = track(await ctx.newPage());
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.accept();
  });
  const tid = (id) => page.getByTestId(id);
  const shots = [];
  const timings = {};
  let t0 = Date.now();
  const lap = (name) => {
    timings[name] = Date.now() - t0;
    t0 = Date.now();
  };
  // A full-page screenshot resizes the page and leaves a stale scroll
  // position that Chromium corrects at the next mouse press, moving the page
  // under the pointer mid-click: put the position back explicitly.
  const snap = async (name) => {
    const y = await page.evaluate(() => window.scrollY);
    shots.push(await shot(page, name));
    await page.evaluate((top) => window.scrollTo(0, top), y);
  };
  const csp = [];
  const collectCSP = async () => { csp.push(...await page.evaluate(() => window.__csp || [])); };

  // ---- sign in ----
  await page.goto(`${base()}/console`);
  await tid('admin-key').waitFor();
  await snap('console-1-signin');
  const wrongKey = await signIn(page, 'admin-key', env('ADMIN_KEY'));
  await tid('view-launches').waitFor();
  await tid('launches-empty').waitFor();
  lap('sign_in');

  // ---- create a launch: first with fields missing ----
  await tid('launch-new').click();
  const cf = tid('launch-create-form');
  await cf.getByTestId('f-name').fill(env('LAUNCH_NAME'));
  await cf.getByTestId('f-sku').first().fill('TEE-001');
  await cf.getByTestId('f-submit').click();
  await cf.locator('[data-testid="field-error"]').first().waitFor();
  const createErrors = { errors: await fieldErrors(cf), invalid: await invalidFields(cf), message: await cf.getByTestId('f-error').textContent() };
  await snap('console-2-launch-field-errors');
  await cf.getByTestId('f-symbol').fill('CON');
  await cf.getByTestId('f-supply-cap').fill('100');
  await cf.getByTestId('f-description').fill('Created in the console.');
  await cf.getByTestId('f-attribute-add').click();
  await cf.getByTestId('f-attr-trait').fill('Edition');
  await cf.getByTestId('f-attr-value').fill('Console');
  await cf.getByTestId('f-submit').click();
  await tid('view-launch').waitFor();
  await waitAttr(page, 'launch-state', 'data-state', 'draft');
  const launchId = (await tid('launch-id').textContent()).trim();
  await snap('console-3-launch-draft');
  lap('create_launch');

  // ---- publish, until live ----
  await page.evaluate(() => {
    const b = document.querySelector('[data-testid="launch-state"]');
    window.__launchStates = [b.dataset.state];
    new MutationObserver(() => {
      const s = b.dataset.state;
      if (window.__launchStates[window.__launchStates.length - 1] !== s) window.__launchStates.push(s);
    }).observe(b, { attributes: true });
  });
  await tid('launch-publish').click();
  await waitAttr(page, 'launch-state', 'data-state', 'live', LONG);
  const launchStates = await page.evaluate(() => window.__launchStates);
  const contract = await tid('launch-contract').getAttribute('data-address');
  const actionsLive = await page.$$eval('[data-testid="launch-actions"] button', (bs) => bs.filter((b) => !b.hidden).map((b) => b.dataset.action));
  await snap('console-4-launch-live');
  lap('publish_to_live');

  // ---- a test order for a fresh wallet, until minted ----
  await page.evaluate((orderId) => {
    window.__orderStates = [];
    const body = document.querySelector('[data-testid="orders-body"]');
    new MutationObserver(() => {
      const row = [...body.querySelectorAll('[data-testid="order-row"]')].find((r) => r.dataset.orderId === orderId);
      const s = row && row.dataset.state;
      if (s && window.__orderStates[window.__orderStates.length - 1] !== s) window.__orderStates.push(s);
    }).observe(body, { childList: true, subtree: true, attributes: true });
  }, env('ORDER_ID'));
  await tid('order-id').fill(env('ORDER_ID'));
  await tid('order-wallet').fill(env('WALLET'));
  await tid('order-quantity').fill('1');
  await tid('order-submit').click();
  const row = page.locator(`[data-testid="order-row"][data-order-id="${env('ORDER_ID')}"]`);
  await row.waitFor();
  await page.waitForFunction((orderId) => {
    const r = [...document.querySelectorAll('[data-testid="order-row"]')].find((x) => x.dataset.orderId === orderId);
    return r && r.dataset.state === 'minted';
  }, env('ORDER_ID'), { timeout: LONG });
  const order = await row.evaluate((r) => ({
    id: r.dataset.id, order_id: r.dataset.orderId, state: r.dataset.state, wallet: r.dataset.wallet,
    passes: [...r.querySelectorAll('[data-testid="order-pass"]')].map((p) => ({ token_id: p.dataset.tokenId, state: p.dataset.state })),
  }));
  order.states_seen = await page.evaluate(() => window.__orderStates);
  await snap('console-5-order-minted');
  lap('order_to_minted');

  // ---- settings: the supply cap is frozen now; the description is not ----
  await tid('tab-settings').click();
  const ef = tid('launch-edit-form');
  await page.waitForFunction(() => {
    const f = document.querySelector('[data-testid="launch-edit-form"] [data-testid="f-supply-cap"]');
    return f && f.value === '100';
  });
  const lockShown = await ef.locator('.contract .lock').first().isVisible();
  await ef.getByTestId('f-supply-cap').fill('200');
  await ef.getByTestId('f-submit').click();
  await ef.locator('[data-testid="field-error"]').first().waitFor();
  const frozen = { errors: await fieldErrors(ef), invalid: await invalidFields(ef), message: await ef.getByTestId('f-error').textContent() };
  await snap('console-6-frozen-field');
  await ef.getByTestId('f-cancel').click(); // Revert
  await ef.getByTestId('f-description').fill('Edited after publish.');
  await ef.getByTestId('f-submit').click();
  await page.waitForFunction(() => /Saved: description/.test(document.querySelector('[data-testid="flash"]').textContent));
  const saved = await tid('flash').textContent();
  lap('edit');

  // ---- perks: create with the holds editor, dry-run ----
  await tid('tab-perks').click();
  const ownLaunch = page.getByTestId(`perk-launch-${launchId}`);
  await ownLaunch.waitFor();
  const ownLaunchChecked = await ownLaunch.isChecked();
  await tid('perk-kind').selectOption('gift');
  await tid('perk-title').fill('Welcome drink');
  await tid('perk-description').fill('One glass at the bar.');
  await tid('perk-min').fill('1');
  await tid('perk-held-days').fill('0');
  await tid('perk-per-token').fill('1');
  await tid('perk-message').fill('Show this at the bar.');
  await tid('perk-submit').click();
  const perk = page.locator('[data-testid="perk-item"]').filter({ hasText: 'Welcome drink' });
  await perk.waitFor();
  const perkId = await perk.getAttribute('data-perk-id');
  const perkRule = JSON.parse(await perk.getByTestId('perk-rule').textContent());
  // The ownership index follows the chain a moment behind the mint: ask again.
  const dryRun = async (wallet, want) => {
    const deadline = Date.now() + 15000;
    for (;;) {
      await perk.getByTestId('dry-run-wallet').fill(wallet);
      await perk.getByTestId('dry-run-submit').click();
      await page.waitForFunction((id) => {
        const li = [...document.querySelectorAll('[data-testid="perk-item"]')].find((x) => x.dataset.perkId === id);
        const v = li && li.querySelector('[data-testid="dry-run-result"]');
        return v && v.dataset.eligible;
      }, perkId);
      const v = await perk.getByTestId('dry-run-result').evaluate((x) => ({ eligible: x.dataset.eligible, reason: x.dataset.reason, text: x.textContent }));
      if (v.eligible === want || Date.now() > deadline) return v;
      await page.waitForTimeout(300);
    }
  };
  const dryOther = await dryRun(env('OTHER_WALLET'), 'false');
  const dryHolder = await dryRun(env('WALLET'), 'true');
  await snap('console-7-perk-dry-run');
  lap('perk');

  // ---- webhooks: an endpoint for perk.redeemed ----
  await tid('nav-webhooks').click();
  await tid('view-webhooks').waitFor();
  await tid('webhook-url').fill(env('WEBHOOK_URL'));
  await tid('webhook-event-perk.redeemed').check();
  await tid('webhook-submit').click();
  await tid('webhook-secret').waitFor();
  const webhookSecret = await tid('webhook-secret').inputValue();
  await tid('webhook-secret-copy').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="webhook-secret-copied"]').textContent !== '');
  let clipboard = null;
  try { clipboard = await page.evaluate(() => navigator.clipboard.readText()); } catch { /* no clipboard here */ }
  const endpoint = page.locator('[data-testid="webhook-item"]').filter({ hasText: env('WEBHOOK_URL') });
  await endpoint.waitFor();
  const endpointId = await endpoint.getAttribute('data-webhook-id');
  await snap('console-8-webhook-secret');
  lap('webhook');

  // ---- a custodial test order, a redemption, its delivery, a redelivery ----
  await tid('nav-launches').click();
  await page.locator(`[data-testid="launch-row"][data-launch-id="${launchId}"] [data-testid="launch-link"]`).click();
  await waitAttr(page, 'launch-state', 'data-state', 'live');
  await tid('order-customer-ref').check();
  await tid('order-ref').fill(env('CUSTOMER_REF'));
  await tid('order-id').fill(env('ORDER_ID2'));
  await tid('order-submit').click();
  await page.waitForFunction((orderId) => {
    const r = [...document.querySelectorAll('[data-testid="order-row"]')].find((x) => x.dataset.orderId === orderId);
    return r && r.dataset.state === 'minted';
  }, env('ORDER_ID2'), { timeout: LONG });
  const custodial = await page.locator(`[data-testid="order-row"][data-order-id="${env('ORDER_ID2')}"]`).evaluate((r) => ({ wallet: r.dataset.wallet, state: r.dataset.state }));
  lap('custodial_order_to_minted');

  // The brand's backend redeems for its customer (not a console feature).
  let redemption = null;
  {
    const deadline = Date.now() + 20000;
    for (;;) {
      const r = await fetch(`${base()}/v1/perks/${perkId}/redemptions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${env('ADMIN_KEY')}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ customer_ref: env('CUSTOMER_REF') }),
      });
      const body = await r.json();
      if (r.status === 201) {
        redemption = body;
        break;
      }
      // 403 not_holding until the ownership index has the custodial pass.
      if (r.status !== 403 || Date.now() > deadline) throw new Error(`redeem: ${r.status} ${JSON.stringify(body)}`);
      await new Promise((res) => setTimeout(res, 300));
    }
  }
  lap('redeem');

  await tid('nav-webhooks').click();
  const delivery = page.locator('[data-testid="delivery-row"][data-event-type="perk.redeemed"]');
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid="delivery-row"][data-event-type="perk.redeemed"]');
    return r && r.dataset.state === 'delivered';
  }, null, { timeout: LONG });
  const delivered = await delivery.evaluate((r) => ({ id: r.dataset.id, state: r.dataset.state, attempts: r.dataset.attempts, text: r.textContent }));
  await snap('console-9-delivery');
  await delivery.getByTestId('redeliver').click();
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid="delivery-row"][data-event-type="perk.redeemed"]');
    return r && r.dataset.state === 'delivered' && Number(r.dataset.attempts) >= 2;
  }, null, { timeout: LONG });
  const redelivered = await delivery.evaluate((r) => ({ id: r.dataset.id, state: r.dataset.state, attempts: r.dataset.attempts }));
  await snap('console-10-redelivered');
  lap('delivery_and_redelivery');

  // ---- events: create, staff key, audit trail ----
  await tid('nav-events').click();
  await tid('view-events').waitFor();
  await tid('event-new').click();
  await tid('event-name').fill('Console Night');
  await tid('event-venue').fill('Hall 2');
  await tid('event-starts').fill(localInput(-10));
  await tid('event-ends').fill(localInput(180));
  await tid('event-capacity').fill('50');
  await page.getByTestId(`event-launch-${launchId}`).check();
  await tid('event-reentry').selectOption('reentry');
  await tid('event-submit').click();
  const eventItem = page.locator('[data-testid="event-item"]').filter({ hasText: 'Console Night' });
  await eventItem.waitFor();
  const eventId = await eventItem.getAttribute('data-event-id');
  await eventItem.getByTestId('staff-key-label').fill('Door 1');
  await eventItem.getByTestId('staff-key-issue').click();
  await eventItem.getByTestId('staff-key-secret').waitFor();
  const staffKey = await eventItem.getByTestId('staff-key-secret').inputValue();
  const staffLink = await eventItem.getByTestId('open-staff').getAttribute('href');
  await eventItem.getByTestId('audit-toggle').click();
  await eventItem.getByTestId('audit-empty').waitFor();
  await snap('console-11-event-staff-key');
  lap('event');

  // ---- a reload keeps the tab signed in, the key out of the URL ----
  await page.reload();
  await tid('view-events').waitFor();
  await eventItem.waitFor();
  const afterReload = { url: page.url(), signed_in: await tid('sign-out').isVisible() };
  // A phone-sized window: the console still lays out (screenshot only).
  await page.setViewportSize({ width: 412, height: 915 });
  await tid('nav-launches').click();
  await page.locator(`[data-testid="launch-row"][data-launch-id="${launchId}"] [data-testid="launch-link"]`).click();
  await page.locator(`[data-testid="order-row"][data-order-id="${env('ORDER_ID')}"]`).waitFor();
  await snap('console-12-phone');
  await collectCSP();
  lap('reload');

  return {
    wrong_key: wrongKey, create_errors: createErrors, launch_id: launchId, launch_states: launchStates, contract,
    actions_live: actionsLive, order, frozen, lock_shown: lockShown, saved, own_launch_checked: ownLaunchChecked,
    perk_id: perkId, perk_rule: perkRule, dry_run_holder: dryHolder, dry_run_other: dryOther,
    webhook_secret: webhookSecret, clipboard, endpoint_id: endpointId, custodial, redemption, delivered, redelivered,
    event_id: eventId, staff_key: staffKey, staff_link: staffLink, after_reload: afterReload, dialogs, csp,
    timings, shots, ...report(),
  };
});
