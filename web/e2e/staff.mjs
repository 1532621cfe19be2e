// Staff check-in by typed code: sign in with the staff key, pick the event,
// admit CODE, reject it the second time (already_checked_in), reject
// TAMPERED_CODE (bad_signature); where the event allows re-entry, let the
// pass out with the exit toggle and back in. Env: METAPASS_BASE, METAPASS_SCREENSHOTS,
// CHROMIUM, STAFF_KEY, EVENT_ID, CODE, TAMPERED_CODE, GATE.
import { base, env, launch, newContext, readResult, run, shot, signIn, track, waitAttr } from './lib.mjs';

run('staff', async (hold) => {
  const browser = hold(await launch());
  const { ctx, report } = await newContext(browser);
  const page = track(await ctx.newPage());
  const shots = [];
  const tid = (id) => page.getByTestId(id);

  await page.goto(`${base()}/staff`);
  await tid('staff-key').waitFor();
  shots.push(await shot(page, 'staff-1-signin'));

  // A wrong key is refused and not kept.
  const wrongKey = await signIn(page, 'staff-key', env('STAFF_KEY'));
  await tid('event-summary').waitFor();
  if (await tid('event-select').isVisible()) await tid('event-select').selectOption(env('EVENT_ID'));
  await waitAttr(page, 'event-summary', 'data-event-id', env('EVENT_ID'));
  const eventName = await tid('event-name').textContent();
  const autoPicked = !(await tid('event-select').isVisible());
  await tid('gate').fill(env('GATE', ''));
  await tid('gate').dispatchEvent('change');
  shots.push(await shot(page, 'staff-2-event'));

  const submit = async (code) => {
    await tid('manual-code').fill(code);
    await tid('manual-submit').click();
  };

  await submit(env('CODE'));
  await waitAttr(page, 'result', 'data-result', 'admitted');
  const admitted = await readResult(page);
  shots.push(await shot(page, 'staff-3-admitted'));

  await submit(env('CODE'));
  await waitAttr(page, 'result', 'data-reason', 'already_checked_in');
  const again = await readResult(page);
  shots.push(await shot(page, 'staff-4-already-checked-in'));

  await submit(env('TAMPERED_CODE'));
  await waitAttr(page, 'result', 'data-reason', 'bad_signature');
  const tampered = await readResult(page);
  shots.push(await shot(page, 'staff-5-bad-signature'));

  // Re-entry: with the exit toggle on, the same pass leaves; then it may
  // come back in.
  const exitToggle = await tid('exit-toggle').isVisible();
  let exited = null, reentered = null;
  if (exitToggle) {
    await tid('exit-toggle').check();
    await submit(env('CODE'));
    await waitAttr(page, 'result', 'data-result', 'exited');
    exited = await readResult(page);
    shots.push(await shot(page, 'staff-6-exited'));
    await tid('exit-toggle').uncheck();
    await submit(env('CODE'));
    await waitAttr(page, 'result', 'data-result', 'admitted');
    reentered = await readResult(page);
  }

  const history = await page.$$eval('[data-testid="history"] li', (lis) => lis.map((li) => ({ result: li.dataset.result, reason: li.dataset.reason })));
  // The counts refresh after each scan, a moment behind the verdict.
  if (exitToggle) {
    await page.waitForFunction(() => document.querySelector('[data-testid="event-inside"]')?.textContent === '1', null, { timeout: 10000 }).catch(() => {});
  }
  const counts = { admitted: await tid('event-admitted').textContent(), inside: await tid('event-inside').textContent() };

  // A reload keeps the tab signed in (sessionStorage), the key out of the URL.
  await page.reload();
  await waitAttr(page, 'event-summary', 'data-event-id', env('EVENT_ID'));
  const afterReload = { url: page.url(), signed_in: await tid('sign-out').isVisible() };

  return { wrong_key: wrongKey, event_name: eventName, auto_picked: autoPicked, admitted, again, tampered, exit_toggle: exitToggle, exited, reentered, history, counts, after_reload: afterReload, shots, ...report() };
});
