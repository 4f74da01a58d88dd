// What `nuqta ledger verify` (and a backup before it calls itself verified) checks, in this order, stopping at the
// first failure: SQLite's own integrity check of the file; the journal's hash chain from entry 1; the signed
// seals over the chain (./seals.ts); and that every derived row equals what replaying the journal makes
// (./replay.ts, one projection per domain). Each step trusts only what the steps before it proved.
import { isDamagedFileError, type Db } from '../db';
import { entryHash, GENESIS_HASH, hashedFieldsOf, JOURNAL_COLUMNS, type JournalRow } from './hash';
import { FORMAT_ENTRY, type Mismatch, type Projection, type ProjectionFactory, type ReplayEntry } from './replay';
import { verifySeals, type SealReport } from './seals';

export type VerifyResult =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

export type LedgerStage = 'integrity' | 'chain' | 'seals' | 'rows';

export type LedgerReport =
  | {
      ok: true;
      entries: number;
      headHash: string;
      /** Entries written by a till version before replay existed: chain checked, rows not replayed. */
      legacyEntries: number;
      seals: SealReport;
      /** Things a person should look at that do not make the ledger wrong (an unsealed stretch). */
      warnings: string[];
    }
  | { ok: false; stage: LedgerStage; entries: number; brokenAt: number | null; reason: string; mismatch?: Mismatch };

const DERIVED_REFERENCES = [
  ['sales', 'opened_seq'],
  ['sales', 'closed_seq'],
  ['sale_lines', 'added_seq'],
  ['sale_lines', 'removed_seq'],
  ['tenders', 'seq'],
  ['receipts', 'seq'],
  ['tenders', 'reversed_seq'],
  ['payment_intents', 'created_seq'],
  ['payment_intents', 'updated_seq'],
  ['print_jobs', 'created_seq'],
  ['print_jobs', 'updated_seq'],
] as const;

/**
 * The chain alone: walks it from entry 1 and reports the first entry whose sequence, link or hash is wrong, then
 * that no derived row refers to an entry past the end (a journal truncated at its tail).
 */
export function verifyJournal(db: Db): VerifyResult {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const rows = db.prepare<[], JournalRow>(`SELECT ${JOURNAL_COLUMNS} FROM journal ORDER BY seq`).iterate();
  for (const row of rows) {
    const fail = (reason: string): VerifyResult => ({ ok: false, entries: expectedSeq - 1, brokenAt: row.seq, reason });
    if (row.seq !== expectedSeq) return fail(`expected entry ${expectedSeq}, found ${row.seq} (an entry is missing)`);
    if (row.prev_hash !== prevHash) return fail('previous-hash link does not match the entry before it');
    const recomputed = entryHash(hashedFieldsOf(row));
    if (recomputed !== row.hash) return fail('entry content does not match its hash (edited)');
    prevHash = row.hash;
    expectedSeq += 1;
  }
  const entries = expectedSeq - 1;
  for (const [table, column] of DERIVED_REFERENCES) {
    // A ledger from an older version may not have every table yet (verify never migrates).
    const columns = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table);
    if (!columns.some((c) => c.name === column)) continue;
    const dangling = db
      .prepare<[number], { seq: number }>(`SELECT ${column} AS seq FROM ${table} WHERE ${column} > ? LIMIT 1`)
      .get(entries);
    if (dangling) {
      return {
        ok: false,
        entries,
        brokenAt: dangling.seq,
        reason: `${table}.${column} refers to journal entry ${dangling.seq}, which is missing (journal truncated)`,
      };
    }
  }
  return { ok: true, entries, headHash: prevHash };
}

/** SQLite's integrity_check: every page, index and constraint of the file. Null when it is sound. */
export function integrityProblems(db: Db, mode: 'integrity_check' | 'quick_check' = 'integrity_check', max = 10): string[] | null {
  const rows = db.pragma(`${mode}(${max})`) as Array<Record<string, string>>;
  const found = rows.map((r) => Object.values(r)[0] ?? '').filter((text) => text !== 'ok');
  return found.length ? found : null;
}

export interface VerifyLedgerOptions {
  /** The domains' projections (main/app lists them); none = chain and seals only. */
  projections?: readonly ProjectionFactory[];
}

/**
 * The whole check — integrity, chain, seals, rows — in one read transaction, so it reads one snapshot of the file.
 * The CLI and a backup's check read a file the till goes on committing to; a journal read before a commit and rows
 * read after it would look like a truncated journal.
 */
export function verifyLedger(db: Db, options: VerifyLedgerOptions = {}): LedgerReport {
  if (db.inTransaction) return checkLedger(db, options);
  try {
    return db.transaction(() => checkLedger(db, options)).deferred();
  } catch (e) {
    // A file too damaged for SQLite to begin or end the read says so by throwing, as its integrity check does.
    if (isDamagedFileError(e)) return { ok: false, stage: 'integrity', entries: 0, brokenAt: null, reason: `SQLite integrity check: ${e.message}` };
    throw e;
  }
}

function checkLedger(db: Db, options: VerifyLedgerOptions): LedgerReport {
  let damage: string[] | null;
  try {
    damage = integrityProblems(db);
  } catch (e) {
    // A file too damaged for SQLite to walk says so by throwing (SQLITE_CORRUPT, "not a database").
    damage = [e instanceof Error ? e.message : String(e)];
  }
  if (damage) return { ok: false, stage: 'integrity', entries: 0, brokenAt: null, reason: `SQLite integrity check: ${damage.join('; ')}` };

  const chain = verifyJournal(db);
  if (!chain.ok) return { ok: false, stage: 'chain', entries: chain.entries, brokenAt: chain.brokenAt, reason: chain.reason };

  const seals = verifySeals(db);
  if (!seals.ok) return { ok: false, stage: 'seals', entries: chain.entries, brokenAt: seals.brokenAt, reason: seals.reason };

  const projections = (options.projections ?? []).map((make) => make(db));
  const replay = replayJournal(db, projections);
  if (replay.mismatch) {
    const m = replay.mismatch;
    return {
      ok: false,
      stage: 'rows',
      entries: chain.entries,
      brokenAt: m.seq ?? null,
      reason: `${m.table} ${m.key}: ${m.what}`,
      mismatch: m,
    };
  }
  const warnings = [...seals.report.warnings, ...projections.flatMap((p) => p.warnings?.() ?? [])];
  return { ok: true, entries: chain.entries, headHash: chain.headHash, legacyEntries: replay.legacyEntries, seals: seals.report, warnings };
}

const PAGE = 5000;

/** Feeds every entry to every projection, in pages (a projection reads tables between entries). */
function replayJournal(db: Db, projections: Projection[]): { mismatch?: Mismatch; legacyEntries: number } {
  if (projections.length === 0) return { legacyEntries: 0 };
  const marker = db.prepare<[string], { payload: string }>('SELECT payload FROM journal WHERE type = ? ORDER BY seq LIMIT 1').get(FORMAT_ENTRY);
  const legacyUpTo = marker ? Number((JSON.parse(marker.payload) as { legacyUpTo?: number }).legacyUpTo ?? 0) : 0;
  const page = db.prepare<[number, number], JournalRow>(`SELECT ${JOURNAL_COLUMNS} FROM journal WHERE seq > ? ORDER BY seq LIMIT ?`);
  let after = 0;
  for (;;) {
    const rows = page.all(after, PAGE);
    if (rows.length === 0) break;
    for (const row of rows) {
      const entry: ReplayEntry = { seq: row.seq, at: row.at, tillId: row.till_id, type: row.type, payload: parsePayload(row.payload) };
      for (const p of projections) {
        if (row.seq <= legacyUpTo) {
          p.legacy(entry);
          continue;
        }
        const mismatch = p.apply(entry);
        if (mismatch) return { mismatch, legacyEntries: legacyUpTo };
      }
    }
    after = rows[rows.length - 1]!.seq;
  }
  for (const p of projections) {
    const mismatch = p.finish();
    if (mismatch) return { mismatch, legacyEntries: legacyUpTo };
  }
  return { legacyEntries: legacyUpTo };
}

function parsePayload(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
