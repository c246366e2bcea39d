const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

function encodeTime(ms: number, length: number) {
  let out = "";
  for (let i = 0; i < length; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

// Prefixed, time-sortable ids (`org_01j…`): a glance at an id in a log or URL tells
// which table it belongs to, and btree inserts stay append-mostly.
// Web Crypto rather than node:crypto: client components read enum values from db/schema,
// and node:crypto would pull a 500 kB polyfill (which calls eval) into the browser bundle.
export function createId(prefix: string) {
  const random = globalThis.crypto.getRandomValues(new Uint8Array(10));
  let tail = "";
  for (const byte of random) tail += ALPHABET[byte % 32];
  return `${prefix}_${encodeTime(Date.now(), 10)}${tail}`;
}

// The time-sortable head of an id (`ntf_01j…`) for ids made in SQL by a set-based insert,
// which appends its own random tail of the same length.
export function idHead(prefix: string) {
  return `${prefix}_${encodeTime(Date.now(), 10)}`;
}
