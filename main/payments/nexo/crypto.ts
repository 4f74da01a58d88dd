// The local (LAN) Terminal API's SaleToPOISecuredMessage (payments.md §3), written from the description and matched
// byte for byte against the reference implementation (@adyen/api-library src/security/nexoCrypto.ts and
// nexoDerivedKeyGenerator.ts; cross-checked both ways in test/payments/nexo/adyen-reference.test.ts):
//
//   key material = PBKDF2-HMAC-SHA1(passphrase as Latin-1 bytes, salt "AdyenNexoV1Salt", 4000 iterations), 80 bytes:
//                  bytes 0–31 HMAC key · 32–63 AES-256 key · 64–79 IV
//                  (the reference asks PBKDF2 for 640 bytes and keeps the first 80; PBKDF2 output is a prefix
//                  stream, so deriving 80 gives the same bytes)
//   NexoBlob     = base64(AES-256-CBC(PKCS#7)(utf-8 JSON of the whole {"SaleToPOIRequest": …}), IV = derivedIV XOR nonce)
//   Nonce        = base64 of 16 fresh random bytes per message
//   Hmac         = base64(HMAC-SHA256(hmacKey, utf-8 JSON plaintext)) — over the plaintext, as the reference does
//   SecurityTrailer = {AdyenCryptoVersion: 1, KeyIdentifier, KeyVersion, Nonce, Hmac}; MessageHeader is copied in
//                  clear (it is not authenticated, so after decrypting we trust only the inner header).
//
// Decrypting checks, and fails closed on any of: key identifier/version not ours, nonce not 16 bytes, padding,
// HMAC mismatch (constant-time compare).
import { createCipheriv, createDecipheriv, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { obj, str } from './json';
import type { SaleToPOISecuredMessage } from './types';

const SALT = Buffer.from('AdyenNexoV1Salt', 'latin1');
const ITERATIONS = 4000;
const HMAC_KEY_LENGTH = 32;
const CIPHER_KEY_LENGTH = 32;
const IV_LENGTH = 16;

export interface NexoSecurityKey {
  keyIdentifier: string;
  keyVersion: number;
  passphrase: string;
  /** SecurityTrailer.AdyenCryptoVersion; 1 is the only version described. */
  cryptoVersion?: number;
}

export interface DerivedKey {
  hmacKey: Buffer;
  cipherKey: Buffer;
  iv: Buffer;
}

const cache = new Map<string, DerivedKey>();

/** PBKDF2 is deliberately slow (4000 rounds): derive once per passphrase. */
export function deriveKeyMaterial(passphrase: string): DerivedKey {
  // The reference converts with Buffer.from(passphrase, "binary"), which silently truncates characters above
  // U+00FF; refuse those instead of deriving a key the terminal would not.
  if (!passphrase || /[^\u0000-\u00ff]/.test(passphrase)) throw new RangeError('nexo passphrase must be non-empty Latin-1 text');
  const hit = cache.get(passphrase);
  if (hit) return hit;
  const key = pbkdf2Sync(Buffer.from(passphrase, 'latin1'), SALT, ITERATIONS, HMAC_KEY_LENGTH + CIPHER_KEY_LENGTH + IV_LENGTH, 'sha1');
  const derived = {
    hmacKey: key.subarray(0, HMAC_KEY_LENGTH),
    cipherKey: key.subarray(HMAC_KEY_LENGTH, HMAC_KEY_LENGTH + CIPHER_KEY_LENGTH),
    iv: key.subarray(HMAC_KEY_LENGTH + CIPHER_KEY_LENGTH),
  };
  cache.set(passphrase, derived);
  return derived;
}

function ivFor(derived: DerivedKey, nonce: Buffer): Buffer {
  const iv = Buffer.alloc(IV_LENGTH);
  for (let i = 0; i < IV_LENGTH; i += 1) iv[i] = derived.iv[i]! ^ nonce[i]!;
  return iv;
}

/** Encrypts the JSON text of a whole TerminalApiRequest/Response; `header` is copied in clear. */
export function encryptMessage(
  header: SaleToPOISecuredMessage['MessageHeader'],
  json: string,
  key: NexoSecurityKey,
  nonce: Buffer = randomBytes(IV_LENGTH),
): SaleToPOISecuredMessage {
  if (nonce.length !== IV_LENGTH) throw new RangeError('nonce must be 16 bytes');
  const derived = deriveKeyMaterial(key.passphrase);
  const plain = Buffer.from(json, 'utf8');
  const cipher = createCipheriv('aes-256-cbc', derived.cipherKey, ivFor(derived, nonce));
  const blob = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    MessageHeader: header,
    NexoBlob: blob.toString('base64'),
    SecurityTrailer: {
      AdyenCryptoVersion: key.cryptoVersion ?? 1,
      KeyIdentifier: key.keyIdentifier,
      KeyVersion: key.keyVersion,
      Nonce: nonce.toString('base64'),
      Hmac: createHmac('sha256', derived.hmacKey).update(plain).digest().toString('base64'),
    },
  };
}

export type Decrypted = { ok: true; json: string } | { ok: false; detail: string };

/** The plaintext JSON of a secured message, or why it cannot be trusted. Never throws. */
export function decryptMessage(secured: unknown, key: NexoSecurityKey): Decrypted {
  const message = obj(secured);
  const trailer = obj(message?.SecurityTrailer);
  const blobText = str(message?.NexoBlob);
  if (!message || !trailer || blobText === null) return { ok: false, detail: 'not a secured message (NexoBlob / SecurityTrailer missing)' };
  if (trailer.KeyIdentifier !== key.keyIdentifier || trailer.KeyVersion !== key.keyVersion) {
    return { ok: false, detail: `secured with key ${String(trailer.KeyIdentifier)} v${String(trailer.KeyVersion)}, not ours` };
  }
  const nonce = Buffer.from(str(trailer.Nonce) ?? '', 'base64');
  const mac = Buffer.from(str(trailer.Hmac) ?? '', 'base64');
  if (nonce.length !== IV_LENGTH) return { ok: false, detail: 'nonce is not 16 bytes' };
  let plain: Buffer;
  let derived: DerivedKey;
  try {
    derived = deriveKeyMaterial(key.passphrase);
    const decipher = createDecipheriv('aes-256-cbc', derived.cipherKey, ivFor(derived, nonce));
    plain = Buffer.concat([decipher.update(Buffer.from(blobText, 'base64')), decipher.final()]);
  } catch {
    return { ok: false, detail: 'secured message does not decrypt' };
  }
  const expected = createHmac('sha256', derived.hmacKey).update(plain).digest();
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return { ok: false, detail: 'secured message HMAC mismatch' };
  return { ok: true, json: plain.toString('utf8') };
}
