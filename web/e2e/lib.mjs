// Shared plumbing of the browser scripts run by cmd/metapass's TestBrowser:
// environment, Chromium, screenshots, the same-origin guard and the one JSON
// line of results the Go test reads.
//
// Every script prints exactly one line starting with RESULT_PREFIX on
// stdout: {"ok": true, ...observations} or {"ok": false, "error": "..."}, and
// exits 0 only when ok.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const RESULT_PREFIX = 'E2E_RESULT ';

/** The environment variable name, or a failure naming it. */
export function env(name, fallback) {
  const v = process.env[name];
  if (v === undefined || v === '') {
    if (fallback !== undefined) return fallback;
    throw new Error(`environment variable ${name} is required`);
  }
  return v;
}

export const base = () => env('METAPASS_BASE').replace(/\/$/, '');
const timeoutMs = () => Number(env('E2E_TIMEOUT_MS', '15000'));

/** Launches headless Chromium (CHROMIUM names the binary) with extra flags. */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: env('CHROMIUM', '/usr/bin/chromium'),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...extraArgs],
    timeout: 30000,
  });
}

/**
 * A browser context that records every request leaving the service's
 * origin and every URL carrying a credential, and the page's uncaught
 * errors; `report()` returns them.
 */
export async function newContext(browser, opts = {}) {
  const origin = new URL(base()).origin;
  const ctx = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1, isMobile: false, ...opts });
  ctx.setDefaultTimeout(timeoutMs());
  const external = [];
  const leaked = [];
  const requests = [];
  ctx.on('request', (r) => {
    const url = r.url();
    let u;
    try { u = new URL(url); } catch { return; }
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return; // data:, blob:
    requests.push(`${r.method()} ${u.pathname}`);
    if (u.origin !== origin) external.push(url);
    if (/mp[ks]_/.test(url)) leaked.push(url);
  });
  const pageErrors = [];
  const consoleErrors = [];
  ctx.on('page', (p) => watchPage(p, pageErrors, consoleErrors));
  return {
    ctx,
    report: () => ({ external, leaked, page_errors: pageErrors, console_errors: consoleErrors, requests: requests.length }),
  };
}

function watchPage(p, pageErrors, consoleErrors) {
  p.on('pageerror', (e) => pageErrors.push(String(e && e.stack ? e.stack : e)));
  p.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
}

let shotDir = '';
let lastPage = null;

/** Saves a full-page screenshot NAME.png in METAPASS_SCREENSHOTS; returns its path. */
export async function shot(page, name) {
  if (!shotDir) {
    shotDir = env('METAPASS_SCREENSHOTS');
    mkdirSync(shotDir, { recursive: true });
  }
  const path = join(shotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Remembers the page to photograph if the script fails. */
export function track(page) {
  lastPage = page;
  return page;
}

/** Waits until the element with data-testid=id has attribute attr = value. */
export async function waitAttr(page, id, attr, value, timeout) {
  await page.waitForFunction(([id, attr, value]) => {
    const e = document.querySelector(`[data-testid="${id}"]`);
    return e && e.getAttribute(attr) === value;
  }, [id, attr, value], { timeout: timeout || timeoutMs() });
}

/**
 * Signs in on a page's key form (the key field data-testid=keyField, then
 * sign-in): first with a wrong key, waiting for the refusal, then with key.
 * Returns the refusal's text; the caller waits for what signing in shows.
 */
export async function signIn(page, keyField, key) {
  const tid = (id) => page.getByTestId(id);
  await tid(keyField).fill('mpk_not_a_real_key');
  await tid('sign-in').click();
  await tid('signin-error').waitFor();
  const refusal = await tid('signin-error').textContent();
  await tid(keyField).fill(key);
  await tid('sign-in').click();
  return refusal;
}

/** The text and data- attributes of the check-in result panel. */
export async function readResult(page) {
  return page.evaluate(() => {
    const r = document.querySelector('[data-testid="result"]');
    const t = (id) => (document.querySelector(`[data-testid="${id}"]`) || {}).textContent || '';
    return {
      result: r.dataset.result || '', reason: r.dataset.reason || '', checkin_id: r.dataset.checkinId || '',
      verdict: t('result-verdict'), sentence: t('result-reason'), pass: t('result-pass'), holder: t('result-holder'),
    };
  });
}

/**
 * Runs main, prints its result line and exits: 0 when main returned, 1
 * (after a screenshot named failure-NAME) when it threw.
 */
export async function run(name, main) {
  let browser = null;
  const hold = (b) => { browser = b; return b; };
  try {
    const out = await main(hold);
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ ok: true, ...out })}\n`);
    if (browser) await browser.close();
    process.exit(0);
  } catch (err) {
    let screenshot = '';
    if (lastPage) {
      try { screenshot = await shot(lastPage, `failure-${name}`); } catch { /* page gone */ }
    }
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ ok: false, error: String(err && err.stack ? err.stack : err), screenshot })}\n`);
    if (browser) await browser.close().catch(() => {});
    process.exit(1);
  }
}
