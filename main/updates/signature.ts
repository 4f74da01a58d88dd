// The detached signature of latest.json: Ed25519 over the file's exact bytes, base64 in latest.json.sig. The bytes
// are verified before they are parsed, so nothing an attacker wrote is ever interpreted.
import { verify } from 'node:crypto';
import { UpdateError } from './errors';
import type { LoadedKey } from './keys';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Returns the id of the trusted key that signed `bytes`; throws UPDATE_SIGNATURE_* or UPDATE_NO_TRUSTED_KEY. */
export function verifySignature(bytes: Buffer, signatureFile: Buffer | null, keys: readonly LoadedKey[]): string {
  if (keys.length === 0) throw new UpdateError('UPDATE_NO_TRUSTED_KEY');
  if (signatureFile === null) throw new UpdateError('UPDATE_SIGNATURE_MISSING');
  const text = signatureFile.toString('latin1').trim();
  if (!BASE64.test(text)) throw new UpdateError('UPDATE_SIGNATURE_INVALID', 'latest.json.sig is not base64');
  const signature = Buffer.from(text, 'base64');
  if (signature.length !== 64) throw new UpdateError('UPDATE_SIGNATURE_INVALID', `signature is ${signature.length} bytes, not 64`);
  for (const k of keys) {
    if (verify(null, bytes, k.key, signature)) return k.id;
  }
  throw new UpdateError('UPDATE_SIGNATURE_INVALID', 'no trusted key verifies latest.json');
}
