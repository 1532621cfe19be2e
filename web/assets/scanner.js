// A camera QR scanner: getUserMedia (rear camera preferred) into a <video>,
// decoded with the browser's BarcodeDetector when it reads QR codes, else
// with the vendored jsQR in a worker on frames drawn to a canvas.

const MAX_SIDE = 720; // frames are scaled down to this before jsQR reads them
const INTERVAL_MS = 120; // least time between two decode attempts

/** The status line while scanning. */
export const SCANNING = 'Point the camera at the guest\u2019s entry code.';

/** Which decoder this browser will use: 'barcode-detector' or 'jsqr'. */
export async function pickDecoder() {
  const forced = new URLSearchParams(location.search).get('decoder');
  if (forced === 'jsqr') return 'jsqr';
  if (!('BarcodeDetector' in window)) return 'jsqr';
  try {
    const formats = await window.BarcodeDetector.getSupportedFormats();
    return formats.includes('qr_code') ? 'barcode-detector' : 'jsqr';
  } catch {
    return 'jsqr';
  }
}

export class Scanner {
  /**
   * @param {HTMLVideoElement} video where the camera is shown
   * @param {(text: string) => void} onCode called with every code read
   * @param {(state: string, message: string, decoder?: string) => void} onStatus
   */
  constructor(video, onCode, onStatus) {
    this.video = video;
    this.onCode = onCode;
    this.onStatus = onStatus;
    this.stream = null;
    this.timer = 0;
    this.running = false;
    this.worker = null;
    this.detector = null;
    this.canvas = document.createElement('canvas');
    this.ctx = this.canvas.getContext('2d', { willReadFrequently: true });
    this.seq = 0;
    this.waiting = false;
  }

  async start() {
    if (this.running) return;
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      this.onStatus('error', 'This browser cannot use the camera here (it needs HTTPS). Type codes below instead.');
      return;
    }
    this.onStatus('starting', 'Starting the camera…');
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
    } catch (err) {
      const why = err && err.name === 'NotAllowedError'
        ? 'Camera permission was refused. Allow the camera for this site, or type codes below.'
        : `The camera could not be opened (${err && err.name ? err.name : err}). Type codes below instead.`;
      this.onStatus('error', why);
      return;
    }
    this.video.srcObject = this.stream;
    this.video.muted = true;
    this.video.playsInline = true;
    try {
      await this.video.play();
    } catch { /* autoplay of a muted stream is allowed; frames still arrive */ }

    const decoder = await pickDecoder();
    if (decoder === 'barcode-detector') {
      this.detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    } else {
      this.worker = new Worker('/assets/qr-worker.js');
      this.worker.onmessage = (e) => {
        this.waiting = false;
        if (e.data && e.data.text && this.running) this.onCode(e.data.text);
      };
      this.worker.onerror = () => {
        this.waiting = false;
        this.onStatus('error', 'The QR decoder failed to load. Type codes below instead.');
      };
    }
    this.running = true;
    this.decoder = decoder;
    this.onStatus('scanning', SCANNING, decoder);
    this.tick();
  }

  stop() {
    this.running = false;
    clearTimeout(this.timer);
    if (this.stream) for (const t of this.stream.getTracks()) t.stop();
    this.stream = null;
    this.video.srcObject = null;
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.detector = null;
    this.waiting = false;
    this.onStatus('off', 'Camera off.');
  }

  tick() {
    if (!this.running) return;
    this.timer = setTimeout(() => this.tick(), INTERVAL_MS);
    const v = this.video;
    if (v.readyState < 2 || !v.videoWidth || this.waiting || document.hidden) return;
    if (this.detector) {
      this.waiting = true;
      this.detector.detect(v).then((codes) => {
        this.waiting = false;
        const c = codes.find((x) => x.rawValue);
        if (c && this.running) this.onCode(c.rawValue);
      }, () => { this.waiting = false; });
      return;
    }
    const scale = Math.min(1, MAX_SIDE / Math.max(v.videoWidth, v.videoHeight));
    const w = Math.max(1, Math.round(v.videoWidth * scale));
    const h = Math.max(1, Math.round(v.videoHeight * scale));
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    this.ctx.drawImage(v, 0, 0, w, h);
    const img = this.ctx.getImageData(0, 0, w, h);
    this.waiting = true;
    this.worker.postMessage({ id: ++this.seq, width: w, height: h, buffer: img.data.buffer }, [img.data.buffer]);
  }
}
