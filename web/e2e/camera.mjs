// Staff check-in through the camera: Chromium's fake capture device plays
// Y4M_FILE (frames showing an entry QR code); the page must read it and
// admit the pass exactly once while the code stays in view. Env:
// METAPASS_BASE, METAPASS_SCREENSHOTS, CHROMIUM, STAFF_KEY, EVENT_ID,
// Y4M_FILE, HOLD_MS (how long to keep watching after the admission).
import { base, env, launch, newContext, readResult, run, shot, track, waitAttr } from './lib.mjs';

run('camera', async (hold) => {
  const browser = hold(await launch([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${env('Y4M_FILE')}`,
  ]));
  const { ctx, report } = await newContext(browser);
  const page = track(await ctx.newPage());
  const tid = (id) => page.getByTestId(id);

  await page.goto(`${base()}/staff`);
  await tid('staff-key').fill(env('STAFF_KEY'));
  await tid('sign-in').click();
  await tid('event-summary').waitFor();
  if (await tid('event-select').isVisible()) await tid('event-select').selectOption(env('EVENT_ID'));
  await waitAttr(page, 'event-summary', 'data-event-id', env('EVENT_ID'));

  await tid('camera-start').click();
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="camera-status"]').dataset.state;
    return s === 'scanning' || s === 'error';
  });
  const status = await page.evaluate(() => {
    const s = document.querySelector('[data-testid="camera-status"]');
    return { state: s.dataset.state, decoder: s.dataset.decoder || '', text: s.textContent };
  });
  if (status.state !== 'scanning') {
    await shot(page, 'camera-unavailable');
    return { camera: 'unavailable', status, ...report() };
  }
  await page.waitForFunction(() => document.querySelector('[data-testid="camera-video"]').videoWidth > 0, null, { timeout: 10000 });
  const video = await page.evaluate(() => {
    const v = document.querySelector('[data-testid="camera-video"]');
    return { width: v.videoWidth, height: v.videoHeight };
  });

  await waitAttr(page, 'result', 'data-result', 'admitted', 30000);
  const admitted = await readResult(page);
  const shots = [await shot(page, 'camera-1-admitted')];

  // The code stays in front of the camera: it must not be submitted again.
  await page.waitForTimeout(Number(env('HOLD_MS', '6000')));
  const after = await readResult(page);
  const history = await page.$$eval('[data-testid="history"] li', (lis) => lis.map((li) => ({ result: li.dataset.result, reason: li.dataset.reason })));
  shots.push(await shot(page, 'camera-2-held'));
  await tid('camera-stop').click();

  return { camera: 'ok', status, video, admitted, after, history, shots, ...report() };
});
