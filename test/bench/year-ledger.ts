// The start-up integrity check on a year-sized ledger (issue 9): what `assertLedgerSound` — PRAGMA quick_check
// plus a re-hash of the journal's tail — costs a till whose file holds a year of one busy till's sales, beside a
// full `PRAGMA integrity_check` (what `nuqta ledger verify` starts with).
//
// Playing a million sales through the real checkout would take hours, and quick_check does not care how the
// rows got there: it reads every page and b-tree. So the file is made of the real thing, copied. A real till
// (the demo default: virtual printer and drawer) sells a few template sales; each sale's journal entries and
// derived rows (sale, lines, tender, receipt with its body, print job) are then written again and again with
// fresh ids, receipt numbers and times, the chain hashed as the journal does it and a seal every 64 entries,
// into a file the real migrations made, in big unsynchronised transactions. The result has the real schema and
// the real sizes and shapes of rows; only the seals' signatures are random bytes (nothing here checks them).
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ledgerFile, startTill, type RunningTill } from '../../main/app';
import { openDatabase } from '../../main/db';
import { assertLedgerSound } from '../../main/ledger';
import { createDailyReports, createPeriodReports } from '../../main/closing';
import { createIntentStore } from '../../main/payments';
import { summarise, type Summary } from './stats';
import { entryHash } from '../../main/ledger/hash';

type Value = string | number | null;
type Row = Record<string, Value>;

/** One run of the generator's output: a UUID of the sale, its receipt number, or a moment of it. */
type Slot = { kind: 'uuid'; index: number } | { kind: 'receipt' } | { kind: 'time'; offsetMs: number };
/** A template string cut at its slots. */
type Compiled = Array<string | Slot>;
/** A derived row's column: copied, filled in, a journal entry of the sale (by position), or the receipt's number. */
type Cell = { literal: Value } | { text: Compiled } | { entry: number } | { receiptNumber: true };

interface TemplateSale {
  entries: Array<{ type: string; offsetMs: number; payload: Compiled }>;
  rows: Array<{ table: string; cells: Array<[string, Cell]> }>;
  uuids: number;
  lines: number;
}

const DERIVED: ReadonlyArray<{ table: string; where: string; by: 'sale' | 'receipt' }> = [
  { table: 'sales', where: 'id = ?', by: 'sale' },
  { table: 'sale_lines', where: 'sale_id = ? ORDER BY position', by: 'sale' },
  { table: 'tenders', where: 'sale_id = ?', by: 'sale' },
  { table: 'receipts', where: 'sale_id = ?', by: 'sale' },
  { table: 'print_jobs', where: 'receipt_no = ?', by: 'receipt' },
];
const SEQ_COLUMNS = new Set(['opened_seq', 'closed_seq', 'added_seq', 'removed_seq', 'seq', 'created_seq', 'updated_seq']);
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ISO_TIME = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';
const SEAL_EVERY = 64;
/** A year of one busy till: ~2,700 sales a day. */
export const YEAR_SALES = 1_000_000;
const YEAR_MS = 365 * 24 * 3600 * 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function call(till: RunningTill, method: Parameters<RunningTill['dispatch']>[0], input: unknown): Promise<unknown> {
  const r = await till.dispatch(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code}`);
  return r.value;
}

/** Sells the template sales on a real till in `dir`: 4, 5 and 6 lines (one rescanned), paid cash, printed. */
async function sellTemplates(dir: string): Promise<void> {
  const till = await startTill({ host: 'browser', dataDir: dir });
  try {
    const db = openDatabase(ledgerFile(dir), { readonly: true });
    const barcodes = db.prepare("SELECT barcode FROM products WHERE sold_by = 'each' ORDER BY id LIMIT 40").pluck().all() as string[];
    db.close();
    let next = 0;
    for (const lines of [4, 5, 6]) {
      for (let i = 0; i < lines; i += 1) await call(till, 'scanBarcode', { barcode: barcodes[(next += 7) % barcodes.length]! });
      if (lines === 5) await call(till, 'scanBarcode', { barcode: barcodes[next % barcodes.length]! });
      const { dueHalalas } = (await call(till, 'getSale', {})) as { dueHalalas: number };
      await call(till, 'tenderCash', { tenderedHalalas: dueHalalas });
    }
    for (let waited = 0; ; waited += 50) {
      const jobs = (await call(till, 'listPrintJobs', {})) as Array<{ state: string }>;
      if (jobs.length >= 3 && jobs.every((j) => j.state === 'printed')) break;
      if (waited > 30_000) throw new Error('template receipts not printed in 30 s');
      await sleep(50);
    }
  } finally {
    await till.close();
  }
}

/** Each completed sale of the template ledger, cut into slots. */
function readTemplates(file: string): TemplateSale[] {
  const db = new Database(file, { readonly: true });
  try {
    const receipts = db.prepare<[], { sale_id: string; receipt_no: string }>('SELECT sale_id, receipt_no FROM receipts').all();
    const saleOfReceipt = new Map(receipts.map((r) => [r.receipt_no, r.sale_id]));
    const groups = new Map<string, Array<{ seq: number; at: string; type: string; payload: string }>>();
    for (const e of db.prepare<[], { seq: number; at: string; type: string; payload: string }>('SELECT seq, at, type, payload FROM journal ORDER BY seq').all()) {
      const p = JSON.parse(e.payload) as { saleId?: string; receiptNo?: string };
      const sale = p.saleId ?? (p.receiptNo ? saleOfReceipt.get(p.receiptNo) : undefined);
      if (sale) groups.set(sale, [...(groups.get(sale) ?? []), e]);
    }
    return receipts.map(({ sale_id: saleId, receipt_no: receiptNo }) => {
      const entries = groups.get(saleId)!;
      const start = Date.parse(entries[0]!.at);
      const seqIndex = new Map(entries.map((e, i) => [e.seq, i]));
      const rows = DERIVED.flatMap(({ table, where, by }) =>
        (db.prepare(`SELECT * FROM ${table} WHERE ${where}`).all(by === 'sale' ? saleId : receiptNo) as Row[]).map((row) => ({ table, row })),
      );
      // Every UUID, time and the receipt number in the sale's text becomes a slot.
      const slots = new Map<string, Slot>([[receiptNo, { kind: 'receipt' }]]);
      const texts = [...entries.map((e) => e.payload), ...rows.flatMap(({ row }) => Object.values(row).filter((v): v is string => typeof v === 'string'))];
      for (const text of texts) {
        for (const [found] of text.matchAll(new RegExp(`${UUID}|${ISO_TIME}`, 'g'))) {
          if (slots.has(found)) continue;
          slots.set(found, /^\d{4}-/.test(found) ? { kind: 'time', offsetMs: Date.parse(found) - start } : { kind: 'uuid', index: slots.size });
        }
      }
      const cut = new RegExp([...slots.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
      const compile = (text: string): Compiled => {
        const out: Compiled = [];
        let at = 0;
        for (const m of text.matchAll(cut)) {
          out.push(text.slice(at, m.index), slots.get(m[0])!);
          at = m.index + m[0].length;
        }
        out.push(text.slice(at));
        return out;
      };
      const cell = (table: string, column: string, value: Value): Cell => {
        if (SEQ_COLUMNS.has(column) && typeof value === 'number') {
          const index = seqIndex.get(value);
          if (index === undefined) throw new Error(`${table}.${column} refers to entry ${value}, outside its sale`);
          return { entry: index };
        }
        if (table === 'receipts' && column === 'number') return { receiptNumber: true };
        return typeof value === 'string' ? { text: compile(value) } : { literal: value };
      };
      return {
        entries: entries.map((e) => ({ type: e.type, offsetMs: Date.parse(e.at) - start, payload: compile(e.payload) })),
        rows: rows.map(({ table, row }) => ({ table, cells: Object.entries(row).map(([c, v]): [string, Cell] => [c, cell(table, c, v)]) })),
        uuids: slots.size,
        lines: rows.filter((r) => r.table === 'sale_lines').length,
      };
    });
  } finally {
    db.close();
  }
}

interface Fill {
  uuids: string[];
  receiptNo: string;
  startMs: number;
}

const render = (text: Compiled, fill: Fill): string => {
  let out = '';
  for (const part of text) {
    if (typeof part === 'string') out += part;
    else if (part.kind === 'uuid') out += fill.uuids[part.index];
    else if (part.kind === 'receipt') out += fill.receiptNo;
    else out += new Date(fill.startMs + part.offsetMs).toISOString();
  }
  return out;
};

export interface GeneratedLedger {
  file: string;
  sales: number;
  lines: number;
  journalEntries: number;
  generationMs: number;
}

/**
 * Writes `sales` sales after whatever the till in `dir` already journaled (its start: format, signing key),
 * spread over a year ending now, cycling through `templates`.
 */
function generate(dir: string, templates: TemplateSale[], sales: number, progress: (line: string) => void): GeneratedLedger {
  const started = performance.now();
  const file = ledgerFile(dir);
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1500000');
  const tillId = (JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'till'").pluck().get() as string) as { tillId: string }).tillId;
  const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get()!;
  const keyId = (db.prepare('SELECT key_id FROM journal_seals LIMIT 1').pluck().get() as string | undefined) ?? randomBytes(8).toString('hex');
  const insertEntry = db.prepare('INSERT INTO journal (seq, at, till_id, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertSeal = db.prepare('INSERT INTO journal_seals (seq, key_id, signature, at) VALUES (?, ?, ?, ?)');
  const inserts = new Map<string, Database.Statement>();
  const insertRow = (table: string, columns: string[]) => {
    let stmt = inserts.get(table);
    if (!stmt) {
      stmt = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      inserts.set(table, stmt);
    }
    return stmt;
  };
  const firstNumber = (db.prepare('SELECT COALESCE(MAX(number), 0) FROM receipts').pluck().get() as number) + 1;
  const yearStart = Date.now() - YEAR_MS;
  const spacing = YEAR_MS / sales;
  let seq = head.seq;
  let prevHash = head.hash;
  let lines = 0;
  const BATCH = 10_000;
  db.exec('BEGIN');
  for (let s = 0; s < sales; s += 1) {
    const t = templates[s % templates.length]!;
    const number = firstNumber + s;
    const fill: Fill = {
      uuids: Array.from({ length: t.uuids }, () => randomUUID()),
      receiptNo: `${tillId}-${String(number).padStart(6, '0')}`,
      startMs: yearStart + Math.floor(s * spacing),
    };
    const firstSeq = seq + 1;
    for (const e of t.entries) {
      seq += 1;
      const fields = { seq, at: new Date(fill.startMs + e.offsetMs).toISOString(), tillId, type: e.type, payload: render(e.payload, fill), prevHash };
      const hash = entryHash(fields);
      insertEntry.run(seq, fields.at, tillId, e.type, fields.payload, prevHash, hash);
      prevHash = hash;
      if (seq % SEAL_EVERY === 0) insertSeal.run(seq, keyId, randomBytes(64).toString('base64'), fields.at);
    }
    for (const { table, cells } of t.rows) {
      const values = cells.map(([, c]) =>
        'literal' in c ? c.literal : 'text' in c ? render(c.text, fill) : 'entry' in c ? firstSeq + c.entry : number,
      );
      insertRow(table, cells.map(([col]) => col)).run(...values);
    }
    lines += t.lines;
    if ((s + 1) % BATCH === 0) {
      db.exec('COMMIT');
      if ((s + 1) % (BATCH * 10) === 0) progress(`${s + 1} sales written (${Math.round((performance.now() - started) / 1000)} s)`);
      db.exec('BEGIN');
    }
  }
  db.prepare('INSERT OR REPLACE INTO receipt_counters (till_id, last_number) VALUES (?, ?)').run(tillId, firstNumber + sales - 1);
  db.exec('COMMIT');
  // The till's own mode, so what is measured below opens the file as the till does.
  db.pragma('journal_mode = WAL');
  db.close();
  return { file, sales, lines, journalEntries: seq, generationMs: Math.round(performance.now() - started) };
}

/**
 * Writes the file's pages to disk and asks the kernel to drop them from its cache (GNU dd's nocache), so the
 * next read comes from the disk as after a reboot. False when that is not possible here.
 */
function dropFromCache(file: string): boolean {
  const fd = fs.openSync(file, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  try {
    execFileSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Share of the file's pages in the OS cache (util-linux fincore), or null when it cannot say. */
function cachedShare(file: string): number | null {
  try {
    const out = execFileSync('fincore', ['--bytes', '--noheadings', '--output', 'RES,SIZE', file], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
    return out.length === 2 && out[1]! > 0 ? Math.round((out[0]! / out[1]!) * 1000) / 1000 : null;
  } catch {
    return null;
  }
}

/** The disk's cold sequential read rate over the file, for reading the check times against. */
function sequentialReadMBps(file: string): number {
  const buffer = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, 'r');
  const t0 = performance.now();
  let total = 0;
  for (let n = 1; n > 0; total += n) n = fs.readSync(fd, buffer, 0, buffer.length, null);
  fs.closeSync(fd);
  return Math.round(total / 2 ** 20 / ((performance.now() - t0) / 1000));
}

const timed = (fn: () => void): number => {
  const t0 = performance.now();
  fn();
  return Math.round(performance.now() - t0);
};

function pragmaMs(file: string, pragma: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return timed(() => {
      const rows = db.pragma(pragma) as Array<Record<string, string>>;
      const said = rows.map((r) => Object.values(r)[0]).join('; ');
      if (said !== 'ok') throw new Error(`${pragma} on the generated ledger: ${said}`);
    });
  } finally {
    db.close();
  }
}

export interface YearLedgerFigures {
  /** Set when the disk could not hold the size asked for. */
  sizeNote?: string;
  sales: number;
  saleLines: number;
  journalEntries: number;
  fileBytes: number;
  fileGiB: number;
  generationS: number;
  /** Whether the timings marked cold read the file from disk (its pages dropped from the OS cache first). */
  coldCache: boolean;
  cachedShareBeforeColdRuns: number | null;
  quickCheckColdMs: number;
  quickCheckWarmMs: number;
  integrityCheckColdMs: number;
  /** What the till does at start: open (migrations: none pending), quick_check, re-hash of the journal tail. */
  openAndAssertLedgerSoundColdMs: number;
  openAndAssertLedgerSoundWarmMs: number;
  /** Reading the whole file front to back from disk: the checks read it in b-tree order instead. */
  coldSequentialReadMBps: number;
  /** The file read front to back once, from disk into the OS cache (the first part of the next figure). */
  readAheadColdMs: number;
  /** The file read front to back once (into the OS cache), then the till's start-up check. */
  readAheadThenOpenAndAssertLedgerSoundColdMs: number;
  /**
   * The X report (what a Z keeps) over the year's last day (2,740 sales) and last month (83,000 sales), read through
   * the period's journal entries: issue 15 asks a Z p99 ≤ 200 ms and a month's report p99 ≤ 300 ms.
   */
  xReportLastDayMs: Summary;
  xReportLastMonthMs: Summary;
  /**
   * The same reports over whole business days read from the daily totals (migration 0240): the year's last 30 days
   * and its last day (issue 15: a month's report p99 ≤ 300 ms), with how many sales each covered.
   */
  monthReportFromDailyTotalsMs: Summary & { sales: number };
  dayReportFromDailyTotalsMs: Summary & { sales: number };
  extrapolatedTo1MSales?: {
    note: string;
    fileGiB: number;
    generationS: number;
    quickCheckColdMs: number;
    integrityCheckColdMs: number;
    openAndAssertLedgerSoundColdMs: number;
    openAndAssertLedgerSoundWarmMs: number;
    readAheadThenOpenAndAssertLedgerSoundColdMs: number;
  };
}

/** Measured: ~12.1 kB of file per sale of ~5 lines with its receipt, print job and seals (indexes included). */
const BYTES_PER_SALE = 12_500;

/** As many of the `requested` sales as fit in 80 % of the free space under `root`, with a note when fewer. */
function salesThatFit(root: string, requested: number): { sales: number; note?: string } {
  const { bavail, bsize } = fs.statfsSync(root);
  const fit = Math.floor((bavail * bsize * 0.8) / BYTES_PER_SALE);
  if (fit >= requested) return { sales: requested };
  return { sales: fit, note: `${requested} sales asked for, ${fit} fit in the free space of ${root}` };
}

/** The X report of the file's last `sales` sales, `runs` times (the first one after the other checks warmed the cache). */
function periodReportMs(file: string, sales: number, runs: number): Summary {
  const db = openDatabase(file, { readonly: true });
  try {
    const after = db.prepare<[number], { seq: number }>(`SELECT seq FROM journal WHERE type = 'sale.completed' ORDER BY seq DESC LIMIT 1 OFFSET ?`).get(sales);
    const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1');
    const reports = createPeriodReports({ db, journal: { head: () => head.get()! }, intents: createIntentStore(db), tillId: () => 'T01' });
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) times.push(timed(() => reports.report(after?.seq ?? 0)));
    return summarise(times);
  } finally {
    db.close();
  }
}

/** The report over the file's last `days` business days from the daily totals, `runs` times. */
function dailyReportMs(file: string, days: number, runs: number): Summary & { sales: number } {
  const db = openDatabase(file, { readonly: true });
  try {
    const last = db.prepare<[], { day: string }>(`SELECT MAX(day) AS day FROM daily_totals WHERE dim = 'sales'`).get()!.day;
    const first = new Date(Date.parse(`${last}T00:00:00Z`) - (days - 1) * 24 * 3600_000).toISOString().slice(0, 10);
    const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1');
    const journal = { head: () => head.get()! };
    const reports = createDailyReports({ db, journal, reports: createPeriodReports({ db, journal, intents: createIntentStore(db), tillId: () => 'T01' }), tillId: () => 'T01' });
    const times: number[] = [];
    let sales = 0;
    for (let i = 0; i < runs; i += 1) {
      // In microseconds' resolution: `timed` rounds to whole milliseconds, too coarse here.
      const t0 = performance.now();
      sales = reports.days(first, last).receipts.count;
      times.push(Math.round((performance.now() - t0) * 1000) / 1000);
    }
    return { ...summarise(times), sales };
  } finally {
    db.close();
  }
}

/** What a kept year ledger was generated with (`NUQTA_BENCH_YEAR_DIR`), so a later run can reuse it. */
const KEPT_MARKER = 'generated.json';
type KeptLedger = Omit<GeneratedLedger, 'file'>;

/**
 * The report figures alone on a year ledger kept by an earlier run (generating a million sales takes an hour): the
 * file is opened read-write once so the current code's migrations apply, then the X of the last day and month and
 * the daily-totals reports are timed as in the full run. Null when `root` holds no kept ledger.
 */
export function yearReportsOnKeptLedger(root: string, progress: (line: string) => void): (KeptLedger & Pick<YearLedgerFigures, 'fileGiB' | 'xReportLastDayMs' | 'xReportLastMonthMs' | 'monthReportFromDailyTotalsMs' | 'dayReportFromDailyTotalsMs'> & { reusedLedger: true }) | null {
  const yearDir = path.join(root, 'year');
  const marker = path.join(yearDir, KEPT_MARKER);
  if (!fs.existsSync(marker)) return null;
  const kept = JSON.parse(fs.readFileSync(marker, 'utf8')) as KeptLedger;
  const file = ledgerFile(yearDir);
  progress(`reusing the year ledger in ${yearDir} (${kept.sales} sales); migrating…`);
  openDatabase(file).close();
  return {
    reusedLedger: true,
    ...kept,
    fileGiB: Math.round((fs.statSync(file).size / 2 ** 30) * 100) / 100,
    xReportLastDayMs: periodReportMs(file, 2_740, 30),
    xReportLastMonthMs: periodReportMs(file, 83_000, 5),
    monthReportFromDailyTotalsMs: dailyReportMs(file, 30, 100),
    dayReportFromDailyTotalsMs: dailyReportMs(file, 1, 100),
  };
}

/** `keep`: leave the generated ledger in `root` with its marker, for yearReportsOnKeptLedger. */
export async function yearLedgerStartupCheck(root: string, requested: number, progress: (line: string) => void, keep = false): Promise<YearLedgerFigures> {
  const templateDir = path.join(root, 'template');
  const yearDir = path.join(root, 'year');
  const { sales, note: sizeNote } = salesThatFit(root, requested);
  if (sizeNote) progress(sizeNote);
  try {
    await sellTemplates(templateDir);
    const templates = readTemplates(ledgerFile(templateDir));
    // The year's till: started once on the demo default (catalog, settings, format, signing key), then stopped.
    await (await startTill({ host: 'browser', dataDir: yearDir })).close();
    progress(`writing ${sales} sales…`);
    const made = generate(yearDir, templates, sales, progress);
    const fileBytes = fs.statSync(made.file).size;
    if (keep) {
      const { file: _file, ...counts } = made;
      fs.writeFileSync(path.join(yearDir, KEPT_MARKER), JSON.stringify(counts));
    }
    progress(`${(fileBytes / 2 ** 30).toFixed(2)} GiB in ${Math.round(made.generationMs / 1000)} s; checking…`);

    const cold = dropFromCache(made.file);
    const cachedShareBeforeColdRuns = cachedShare(made.file);
    const quickCheckColdMs = pragmaMs(made.file, 'quick_check');
    const quickCheckWarmMs = pragmaMs(made.file, 'quick_check');
    dropFromCache(made.file);
    const integrityCheckColdMs = pragmaMs(made.file, 'integrity_check');
    const tillStart = () =>
      timed(() => {
        const db = openDatabase(made.file);
        try {
          assertLedgerSound(db);
        } finally {
          db.close();
        }
      });
    dropFromCache(made.file);
    const openAndAssertLedgerSoundColdMs = tillStart();
    const openAndAssertLedgerSoundWarmMs = tillStart();
    dropFromCache(made.file);
    const coldSequentialReadMBps = sequentialReadMBps(made.file);
    // The checks read pages in b-tree order, which on a file written over a year is scattered: reading the file
    // front to back first turns that into one sequential read. Measured as one option for the till's start.
    dropFromCache(made.file);
    const readAheadColdMs = timed(() => sequentialReadMBps(made.file));
    const readAheadThenOpenAndAssertLedgerSoundColdMs = readAheadColdMs + tillStart();

    const xReportLastDayMs = periodReportMs(made.file, 2_740, 30);
    const xReportLastMonthMs = periodReportMs(made.file, 83_000, 5);
    const monthReportFromDailyTotalsMs = dailyReportMs(made.file, 30, 100);
    const dayReportFromDailyTotalsMs = dailyReportMs(made.file, 1, 100);

    const figures: YearLedgerFigures = {
      ...(sizeNote ? { sizeNote } : {}),
      sales: made.sales,
      saleLines: made.lines,
      journalEntries: made.journalEntries,
      fileBytes,
      fileGiB: Math.round((fileBytes / 2 ** 30) * 100) / 100,
      generationS: Math.round(made.generationMs / 1000),
      coldCache: cold,
      cachedShareBeforeColdRuns,
      quickCheckColdMs,
      quickCheckWarmMs,
      integrityCheckColdMs,
      openAndAssertLedgerSoundColdMs,
      openAndAssertLedgerSoundWarmMs,
      coldSequentialReadMBps,
      readAheadColdMs,
      readAheadThenOpenAndAssertLedgerSoundColdMs,
      xReportLastDayMs,
      xReportLastMonthMs,
      monthReportFromDailyTotalsMs,
      dayReportFromDailyTotalsMs,
    };
    if (sales < YEAR_SALES) {
      // Both checks read every page once, so their time grows with the file: linear, labelled as such.
      const k = YEAR_SALES / sales;
      figures.extrapolatedTo1MSales = {
        note:
          `measured at ${sales} sales, scaled linearly ×${Math.round(k * 100) / 100} (not measured); the read-ahead ` +
          'figure assumes the whole file fits in the OS cache',
        fileGiB: Math.round(figures.fileGiB * k * 100) / 100,
        generationS: Math.round(figures.generationS * k),
        quickCheckColdMs: Math.round(quickCheckColdMs * k),
        integrityCheckColdMs: Math.round(integrityCheckColdMs * k),
        openAndAssertLedgerSoundColdMs: Math.round(openAndAssertLedgerSoundColdMs * k),
        openAndAssertLedgerSoundWarmMs: Math.round(openAndAssertLedgerSoundWarmMs * k),
        readAheadThenOpenAndAssertLedgerSoundColdMs: Math.round(readAheadThenOpenAndAssertLedgerSoundColdMs * k),
      };
    }
    return figures;
  } finally {
    fs.rmSync(templateDir, { recursive: true, force: true });
    if (!keep) fs.rmSync(yearDir, { recursive: true, force: true });
  }
}
