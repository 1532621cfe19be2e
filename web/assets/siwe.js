// Sign-In with Ethereum (EIP-4361) in the browser: the message the service
// verifies (see siwe/message.go), the EIP-55 checksummed address it requires,
// and keccak-256, which that checksum needs and browsers do not provide.

const MASK = (1n << 64n) - 1n;

// Rotation offsets r[x + 5y] of Keccak's rho step.
const ROT = [
  0, 1, 62, 28, 27,
  36, 44, 6, 55, 20,
  3, 10, 43, 25, 39,
  41, 45, 15, 21, 8,
  18, 2, 61, 56, 14,
];

// Round constants of the iota step, from Keccak's LFSR (x^8+x^6+x^5+x^4+1).
const RC = (() => {
  const out = [];
  let r = 1;
  for (let round = 0; round < 24; round++) {
    let c = 0n;
    for (let j = 0; j < 7; j++) {
      if (r & 1) c ^= 1n << BigInt((1 << j) - 1);
      r = r & 0x80 ? ((r << 1) ^ 0x71) & 0xff : (r << 1) & 0xff;
    }
    out.push(c);
  }
  return out;
})();

function rotl(x, n) {
  if (n === 0) return x;
  const b = BigInt(n);
  return ((x << b) | (x >> (64n - b))) & MASK;
}

function keccakF(s) {
  const c = new Array(5);
  const b = new Array(25);
  for (let round = 0; round < 24; round++) {
    for (let x = 0; x < 5; x++) c[x] = s[x] ^ s[x + 5] ^ s[x + 10] ^ s[x + 15] ^ s[x + 20];
    for (let x = 0; x < 5; x++) {
      const d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
      for (let y = 0; y < 25; y += 5) s[x + y] ^= d;
    }
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(s[x + 5 * y], ROT[x + 5 * y]);
    }
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) s[x + y] = b[x + y] ^ ((b[((x + 1) % 5) + y] ^ MASK) & b[((x + 2) % 5) + y]);
    }
    s[0] ^= RC[round];
  }
}

/** Keccak-256 (Ethereum's, not SHA3-256) of bytes, as 32 bytes. */
export function keccak256(bytes) {
  const rate = 136;
  const padded = new Uint8Array(Math.floor(bytes.length / rate + 1) * rate);
  padded.set(bytes);
  padded[bytes.length] ^= 0x01;
  padded[padded.length - 1] ^= 0x80;
  const s = new Array(25).fill(0n);
  for (let off = 0; off < padded.length; off += rate) {
    for (let i = 0; i < rate / 8; i++) {
      let lane = 0n;
      for (let k = 7; k >= 0; k--) lane = (lane << 8n) | BigInt(padded[off + 8 * i + k]);
      s[i] ^= lane;
    }
    keccakF(s);
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 4; i++) {
    let lane = s[i];
    for (let k = 0; k < 8; k++) {
      out[8 * i + k] = Number(lane & 0xffn);
      lane >>= 8n;
    }
  }
  return out;
}

export function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The EIP-55 mixed-case checksum form of a 0x address; throws if it is not one. */
export function checksumAddress(address) {
  if (typeof address !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(address)) {
    throw new Error(`not an Ethereum address: ${address}`);
  }
  const lower = address.slice(2).toLowerCase();
  const hash = toHex(keccak256(new TextEncoder().encode(lower)));
  let out = '0x';
  for (let i = 0; i < 40; i++) out += parseInt(hash[i], 16) >= 8 ? lower[i].toUpperCase() : lower[i];
  return out;
}

/**
 * The EIP-4361 message for a nonce answer of GET /v1/auth/siwe/nonce
 * ({nonce, domain, uri, chain_id}), in the exact layout siwe.Parse accepts:
 * LF line endings, no trailing newline, checksummed address.
 */
export function siweMessage({ domain, uri, chainId, nonce, address, statement, issuedAt = new Date() }) {
  const lines = [
    `${domain} wants you to sign in with your Ethereum account:`,
    checksumAddress(address),
    '',
  ];
  if (statement) lines.push(statement, '');
  lines.push(
    `URI: ${uri}`,
    'Version: 1',
    `Chain ID: ${chainId}`,
    `Nonce: ${nonce}`,
    `Issued At: ${issuedAt.toISOString().replace(/\.000Z$/, 'Z')}`,
  );
  return lines.join('\n');
}

/** 0x-hex of the UTF-8 bytes of s, as personal_sign takes its message. */
export function utf8Hex(s) {
  return `0x${toHex(new TextEncoder().encode(s))}`;
}
