// How a journal entry is hashed. Kept apart from the writer so `verify` recomputes with exactly the same
// function, and so the format is documented in one place: fields joined by a newline, which none of them
// can contain except `payload` (last, so it cannot shift the others).
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  seq: number;
  at: string;
  tillId: string;
  type: string;
  payload: string;
  prevHash: string;
}

export function entryHash(f: HashedFields): string {
  return createHash('sha256')
    .update([f.prevHash, String(f.seq), f.at, f.tillId, f.type, f.payload].join('\n'), 'utf8')
    .digest('hex');
}

/** JSON with sorted keys, so the same payload always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
