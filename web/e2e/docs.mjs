// The API reference at /docs: Swagger UI, vendored and embedded, renders
// /openapi.json under a same-origin-only CSP. Reports the operation
// summaries shown, any CSP violation, and (through lib.mjs) every request
// leaving the origin; one operation is expanded to show its request schema.
// Env: METAPASS_BASE, METAPASS_SCREENSHOTS, CHROMIUM.
import { join } from 'node:path';
import { base, env, launch, newContext, run, shot, track, waitAttr } from './lib.mjs';

run('docs', async (hold) => {
  const browser = hold(await launch());
  const { ctx, report } = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  await ctx.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`));
  });
  const page = track(await ctx.newPage());
  const shots = [];
  const started = Date.now();
  const resp = await page.goto(`${base()}/docs`);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  await waitAttr(page, 'swagger-ui', 'data-state', 'ready');
  await page.locator('.opblock-summary-description').first().waitFor();
  const renderMs = Date.now() - started;
  const summaries = await page.$$eval('.opblock-summary-description', (xs) => xs.map((x) => x.textContent.trim()));
  const tags = await page.$$eval('.opblock-tag', (xs) => xs.map((x) => x.getAttribute('data-tag')));
  const title = await page.locator('.info .title').first().textContent();
  shots.push(await shot(page, 'docs-1-overview'));

  // Expand "Create a launch" and show its request body schema.
  const op = page.locator('.opblock').filter({ has: page.locator('.opblock-summary-description', { hasText: /^Create a launch$/ }) });
  await op.locator('.opblock-summary').click();
  await op.locator('.opblock-body').waitFor();
  await op.getByText('Schema', { exact: true }).first().click();
  await op.locator('.model-box').first().waitFor();
  const schemaText = await op.locator('.model-box').first().textContent();
  await op.scrollIntoViewIfNeeded();
  const viewShot = join(env('METAPASS_SCREENSHOTS'), 'docs-2-create-launch.png'); // the viewport: the page is long
  await page.screenshot({ path: viewShot });
  shots.push(viewShot);

  const violations = await page.evaluate(() => window.__csp);
  return {
    status: resp.status(), csp, render_ms: renderMs, title, tags, summaries,
    schema_mentions_supply_cap: schemaText.includes('supply_cap'), csp_violations: violations, shots, ...report(),
  };
});
