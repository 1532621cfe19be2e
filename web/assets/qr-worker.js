// Decodes QR codes in camera frames off the main thread with the vendored
// jsQR (classic worker: importScripts). Message in: {id, width, height,
// buffer} (RGBA pixels, transferred); message out: {id, text} (null when no
// code was found).
/* global jsQR */
importScripts('./vendor/jsQR.js');

self.onmessage = (e) => {
  const { id, width, height, buffer } = e.data;
  let text = null;
  try {
    const r = jsQR(new Uint8ClampedArray(buffer), width, height, { inversionAttempts: 'attemptBoth' });
    if (r && r.data) text = r.data;
  } catch (err) {
    // A bad frame is no code.
  }
  self.postMessage({ id, text });
};
