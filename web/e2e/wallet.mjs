// The customer page. With SIGNER_URL set, first a SIWE sign-in through a
// stand-in window.ethereum whose personal_sign asks the Go test (which holds
// the wallet's key) to sign. Then, in a fresh tab, the pasted session token:
// passes and perks listed, and the entry QR code of LAUNCH_ID/TOKEN_ID for
// EVENT_ID shown with its code text, which the QR picture must encode.
// Env: METAPASS_BASE, METAPASS_SCREENSHOTS, CHROMIUM, SESSION_TOKEN, WALLET,
// EVENT_ID, LAUNCH_ID, TOKEN_ID; SIGNER_URL, SIWE_WALLET, BRAND_ID.
import { base, env, launch, newContext, run, shot, track, waitAttr } from './lib.mjs';

async function signInWithWallet(browser, shots) {
  const { ctx, report } = await newContext(browser);
  const signer = env('SIGNER_URL');
  const account = env('SIWE_WALLET').toLowerCase(); // wallets hand out lower case; the page checksums it
  await ctx.exposeFunction('__e2eSign', async (hex, address) => {
    const r = await fetch(signer, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message_hex: hex, address }) });
    if (!r.ok) throw new Error(`signer: ${r.status} ${await r.text()}`);
    return (await r.text()).trim();
  });
  await ctx.addInitScript((acct) => {
    window.ethereum = {
      async request({ method, params }) {
        if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [acct];
        if (method === 'personal_sign') return window.__e2eSign(params[0], params[1]);
        throw Object.assign(new Error(`unsupported ${method}`), { code: 4200 });
      },
    };
  }, account);
  const page = track(await ctx.newPage());
  const tid = (id) => page.getByTestId(id);
  await page.goto(`${base()}/wallet`);
  await tid('siwe-sign-in').waitFor();
  await tid('brand-id').fill(env('BRAND_ID'));
  await tid('siwe-sign-in').click();
  await tid('account').waitFor();
  await page.locator('[data-testid="pass-item"]').first().waitFor();
  const wallet = await tid('account-wallet').textContent();
  shots.push(await shot(page, 'wallet-1-siwe'));
  const r = report();
  await ctx.close();
  return { wallet, report: r };
}

run('wallet', async (hold) => {
  const browser = hold(await launch());
  const shots = [];
  const siwe = process.env.SIGNER_URL ? await signInWithWallet(browser, shots) : null;

  const { ctx, report } = await newContext(browser);
  const page = track(await ctx.newPage());
  const tid = (id) => page.getByTestId(id);
  await page.goto(`${base()}/wallet`);
  await tid('session-token').waitFor();
  const siweOffered = await tid('siwe-box').isVisible(); // no window.ethereum here
  await tid('session-token').fill(env('SESSION_TOKEN'));
  await tid('wallet-address').fill(env('WALLET').toLowerCase());
  await tid('token-sign-in').click();
  await tid('account').waitFor();
  await page.locator('[data-testid="pass-item"]').first().waitFor();
  await page.locator('[data-testid="perk-item"]').first().waitFor();
  const passes = await page.$$eval('[data-testid="pass-item"]', (xs) => xs.map((x) => ({ launch_id: x.dataset.launchId, token_id: x.dataset.tokenId, text: x.textContent })));
  const perks = await page.$$eval('[data-testid="perk-item"]', (xs) => xs.map((x) => ({ id: x.dataset.perkId, eligible: x.dataset.eligible, reason: x.dataset.reason, text: x.textContent })));
  const wallet = await tid('account-wallet').textContent();

  await tid('entry-pass').selectOption(`${env('LAUNCH_ID')}:${env('TOKEN_ID')}`);
  await tid('entry-event').selectOption(env('EVENT_ID'));
  await tid('entry-show').click();
  await tid('entry-qr-box').waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid="entry-qr"]');
    return img.complete && img.naturalWidth > 0 && document.querySelector('[data-testid="entry-code"]').textContent.startsWith('MP');
  });
  await waitAttr(page, 'entry-countdown', 'data-state', 'valid');
  const code = await tid('entry-code').textContent();
  const countdown = await tid('entry-countdown').textContent();
  shots.push(await shot(page, 'wallet-2-entry-qr'));

  // The picture encodes the code shown under it: read it back with jsQR.
  await page.addScriptTag({ url: '/assets/vendor/jsQR.js' });
  const decoded = await page.evaluate(async () => {
    const img = document.querySelector('[data-testid="entry-qr"]');
    await img.decode();
    const size = 600, pad = 40;
    const c = document.createElement('canvas');
    c.width = c.height = size + 2 * pad;
    const g = c.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
    g.imageSmoothingEnabled = false;
    g.drawImage(img, pad, pad, size, size);
    const d = g.getImageData(0, 0, c.width, c.height);
    const r = window.jsQR(d.data, c.width, c.height);
    return { text: r ? r.data : null, natural: [img.naturalWidth, img.naturalHeight], type: img.dataset.type || '' };
  });

  return { siwe, siwe_offered_without_wallet: siweOffered, wallet, passes, perks, code, countdown, decoded, shots, ...report() };
});
