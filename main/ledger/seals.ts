// Signed seals over the journal. The hash chain shows an edit to anyone who recomputes it, but someone who can
// write the database file can also recompute every later hash and leave a consistent chain. A seal is the till's
// Ed25519 signature over (till, seq, hash) of an entry, made with a key from the till's sealed secret store:
// without that key nobody can make one, so any rewrite of an entry at or before a seal breaks a signature.
//
// What it protects and what it does not (docs/ledger.md): entries after the last seal are protected by the
// chain only; the till seals every SEAL_EVERY entries, every 30 s while it runs, at start and at close, and
// verify fails when a stretch of more than MAX_UNSEALED entries carries no seal. Someone holding both the file
// and the key can still rewrite everything.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Db } from '../db';

export const SEAL_EVERY = 64;
/** The longest run of unsealed entries verify accepts (a crash before the next seal, the CLI while stopped). */
export const MAX_UNSEALED = 512;
export const SIGNING_KEY_ENTRY = 'ledger.signing_key';
/** Where the private key is kept in the till's secret store. */
export const SIGNING_KEY_SECRET = 'ledger.signingKey';

export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  /** DER SubjectPublicKeyInfo, base64: what the journal records. */
  publicKey: string;
}

export interface KeyStore {
  get(name: string): Uint8Array | undefined;
  put(name: string, bytes: Uint8Array): void;
}

const keyIdOf = (spkiDer: Buffer) => createHash('sha256').update(spkiDer).digest('hex').slice(0, 16);

function fromPrivate(privateKey: KeyObject): SigningKey {
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { keyId: keyIdOf(spki), privateKey, publicKey: spki.toString('base64') };
}

/** The till's signing key from its secret store; made (and stored) on first use. */
export function loadOrCreateSigningKey(store: KeyStore): SigningKey {
  const stored = store.get(SIGNING_KEY_SECRET);
  if (stored) return fromPrivate(createPrivateKey({ key: Buffer.from(stored), format: 'der', type: 'pkcs8' }));
  const { privateKey } = generateKeyPairSync('ed25519');
  store.put(SIGNING_KEY_SECRET, privateKey.export({ type: 'pkcs8', format: 'der' }));
  return fromPrivate(privateKey);
}

/** What a seal signs: the entry's till, its place and its hash (which commits to every entry before it). */
const sealedText = (tillId: string, seq: number, hash: string) => Buffer.from(`nuqta-seal/1\n${tillId}\n${seq}\n${hash}`, 'utf8');

export interface Sealer {
  /** Called by the journal after each append, inside its transaction: seals every SEAL_EVERY entries. */
  afterAppend(entry: { seq: number; tillId: string; hash: string }): void;
  /** Seals the head now if it is not sealed yet (start, close, the timer). Opens its own transaction. */
  sealHead(): void;
}

export function createSealer(db: Db, key: SigningKey, now: () => Date = () => new Date()): Sealer {
  const insert = db.prepare('INSERT OR IGNORE INTO journal_seals (seq, key_id, signature, at) VALUES (?, ?, ?, ?)');
  const lastSealed = db.prepare<[], { seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM journal_seals');
  const head = db.prepare<[], { seq: number; till_id: string; hash: string }>('SELECT seq, till_id, hash FROM journal ORDER BY seq DESC LIMIT 1');
  let last = lastSealed.get()!.seq;
  const seal = (seq: number, tillId: string, hash: string) => {
    insert.run(seq, key.keyId, sign(null, sealedText(tillId, seq, hash), key.privateKey).toString('base64'), now().toISOString());
    last = seq;
  };
  return {
    afterAppend(entry) {
      if (entry.seq - last >= SEAL_EVERY) seal(entry.seq, entry.tillId, entry.hash);
    },
    sealHead() {
      db.transaction(() => {
        last = lastSealed.get()!.seq;
        const h = head.get();
        if (h && h.seq > last) seal(h.seq, h.till_id, h.hash);
      }).immediate();
    },
  };
}

export interface SealReport {
  /** False when the journal names no signing key (a ledger from before seals). */
  sealed: boolean;
  seals: number;
  lastSealedSeq: number;
  /** Entries after the last seal. */
  unsealedTail: number;
  /** Every key the journal registered, in order (a change of key is worth a look: a reinstalled key store). */
  keys: Array<{ keyId: string; fromSeq: number }>;
  warnings: string[];
}

export type SealCheck = { ok: true; report: SealReport } | { ok: false; brokenAt: number; reason: string };

/** Checks every seal against the chain and the keys the journal registered (run after the chain is verified). */
export function verifySeals(db: Db): SealCheck {
  const hasTable = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'journal_seals'").get()!.n > 0;
  const keyRows = db
    .prepare<[string], { seq: number; payload: string }>('SELECT seq, payload FROM journal WHERE type = ? ORDER BY seq')
    .all(SIGNING_KEY_ENTRY);
  const keys = new Map<string, { publicKey: KeyObject; fromSeq: number }>();
  for (const row of keyRows) {
    try {
      const p = JSON.parse(row.payload) as { keyId: string; publicKey: string };
      const der = Buffer.from(p.publicKey, 'base64');
      if (keyIdOf(der) !== p.keyId) return { ok: false, brokenAt: row.seq, reason: 'a signing key entry whose key id does not match its key' };
      if (!keys.has(p.keyId)) keys.set(p.keyId, { publicKey: createPublicKey({ key: der, format: 'der', type: 'spki' }), fromSeq: row.seq });
    } catch {
      return { ok: false, brokenAt: row.seq, reason: 'an unreadable signing key entry' };
    }
  }
  const headSeq = db.prepare<[], { seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM journal').get()!.seq;
  const keyList = [...keys].map(([keyId, k]) => ({ keyId, fromSeq: k.fromSeq }));
  if (keys.size === 0) {
    return {
      ok: true,
      report: { sealed: false, seals: 0, lastSealedSeq: 0, unsealedTail: headSeq, keys: [], warnings: headSeq > 0 ? ['the journal is not sealed: it names no signing key'] : [] },
    };
  }
  const firstKeySeq = Math.min(...keyList.map((k) => k.fromSeq));
  const seals = hasTable
    ? db
        .prepare<[], { seq: number; key_id: string; signature: string; hash: string | null; till_id: string | null }>(
          'SELECT s.seq, s.key_id, s.signature, j.hash, j.till_id FROM journal_seals s LEFT JOIN journal j ON j.seq = s.seq ORDER BY s.seq',
        )
        .all()
    : [];
  let previous = firstKeySeq;
  for (const s of seals) {
    if (s.hash === null || s.till_id === null) return { ok: false, brokenAt: s.seq, reason: `a seal for entry ${s.seq}, which is not in the journal` };
    const key = keys.get(s.key_id);
    if (!key || key.fromSeq > s.seq) return { ok: false, brokenAt: s.seq, reason: `the seal of entry ${s.seq} names a key the journal had not registered by then` };
    if (!verify(null, sealedText(s.till_id, s.seq, s.hash), key.publicKey, Buffer.from(s.signature, 'base64'))) {
      return { ok: false, brokenAt: s.seq, reason: `the seal of entry ${s.seq} does not match it: the journal was rewritten up to there, or the seal forged` };
    }
    if (s.seq - previous > MAX_UNSEALED) {
      return { ok: false, brokenAt: previous + 1, reason: `entries ${previous + 1}–${s.seq - 1} carry no seal: seals were removed, or the entries written without the till's key` };
    }
    previous = Math.max(previous, s.seq);
  }
  const unsealedTail = headSeq - previous;
  if (unsealedTail > MAX_UNSEALED) {
    return { ok: false, brokenAt: previous + 1, reason: `the last ${unsealedTail} entries (from ${previous + 1}) carry no seal: written without the till's key` };
  }
  const warnings: string[] = [];
  if (keyList.length > 1) warnings.push(`the signing key changed ${keyList.length - 1} time(s) (at entries ${keyList.slice(1).map((k) => k.fromSeq).join(', ')})`);
  return { ok: true, report: { sealed: true, seals: seals.length, lastSealedSeq: seals.length ? previous : 0, unsealedTail, keys: keyList, warnings } };
}
