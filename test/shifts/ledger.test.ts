// `ledger verify` over shifts: a real till opens a shift, sells for cash with change, takes a return, a paid-in,
// a paid-out and a safe drop, is counted short and closed by the manager, then opens a second shift. The ledger it
// leaves replays; then copies of it are edited the ways someone with the sqlite3 shell would (triggers dropped
// first, as they would be), one edit per copy, and verify must name each at the rows stage.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { canonicalJson, verifyLedger, type LedgerReport } from '../../main/ledger';
import { entryHash } from '../../main/ledger/hash';
import { shiftsProjection } from '../../main/shifts';
import { DEMO, startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let source: ReturnType<typeof tempDir>;
const scratch = tempDir('nuqta-shift-tamper-', { verifyLedger: false });

beforeAll(async () => {
  source = tempDir('nuqta-shift-source-');
  const t = await startTestTill(source.dir);
  await t.call('openShift', { float: { n100: 1, n5: 2 } });
  let due = (await t.call('scanBarcode', { barcode: DEMO.dates.barcode })).dueHalalas;
  await t.call('tenderCash', { tenderedHalalas: due + 1500 });
  due = (await t.call('scanBarcode', { barcode: DEMO.milk.barcode })).dueHalalas;
  const milk = (await t.call('tenderCash', { tenderedHalalas: 1000 })).receipt;
  await t.call('returnSale', { receiptNo: milk.receiptNo, lines: [{ lineId: milk.lines[0]!.lineId, quantity: 1 }], reason: 'expired', managerPin: '1234' });
  await t.call('cashMovement', { kind: 'paid_in', amountHalalas: 2000, reason: 'Coins from the bank' });
  await t.call('cashMovement', { kind: 'paid_out', amountHalalas: 700, reason: 'Water delivery' });
  await t.call('cashMovement', { kind: 'safe_drop', amountHalalas: 5000, reason: 'Drop 1' });
  // Expected: 110.00 + 35.00 + 6.50 − 6.50 + 20.00 − 7.00 − 50.00 = 108.00; counted 50 + 20 + 10 + 5 = 85.00.
  const counted = await t.call('closeShift', { count: { n50: 1, n20: 1, n10: 1, n5: 1 } });
  expect(counted).toMatchObject({ outcome: 'needs-manager', result: { expectedHalalas: 10_800, countedHalalas: 8500, differenceHalalas: -2300 } });
  await t.call('approveShiftClose', { managerPin: '1234', reason: 'Paid a supplier without a slip' });
  await t.call('openShift', { float: { n50: 1 } });
  await t.call('cashMovement', { kind: 'paid_in', amountHalalas: 300, reason: 'Float top-up' });
  await t.till.close();
}, 60_000);

afterAll(() => {
  source.cleanup();
  scratch.cleanup();
});

const SHIFT_TRIGGERS = ['shifts_number_gapless', 'shifts_no_delete', 'shifts_closed_once', 'shift_cash_movements_while_open', 'shift_cash_movements_no_update', 'shift_cash_movements_no_delete'];

let copies = 0;
/** A copy of the ledger with `edit` applied by a plain connection, the append-only triggers dropped first. */
function tampered(edit: (db: Database.Database) => void): string {
  const dir = path.join(scratch.dir, `copy-${(copies += 1)}`);
  fs.mkdirSync(dir);
  fs.copyFileSync(ledgerFile(source.dir), ledgerFile(dir));
  const db = new Database(ledgerFile(dir));
  db.pragma('foreign_keys = OFF');
  db.exec(['journal_no_update', 'journal_no_delete', 'journal_seals_no_delete', ...SHIFT_TRIGGERS].map((name) => `DROP TRIGGER ${name};`).join('\n'));
  edit(db);
  db.close();
  return ledgerFile(dir);
}

function verify(file: string, projections = LEDGER_PROJECTIONS): LedgerReport {
  const db = openDatabase(file, { readonly: true });
  try {
    return verifyLedger(db, { projections });
  } finally {
    db.close();
  }
}

describe('ledger verify over shifts', () => {
  it('replays the shifts as the till left them', () => {
    expect(verify(ledgerFile(source.dir))).toMatchObject({ ok: true });
    const db = new Database(ledgerFile(source.dir), { readonly: true });
    const shifts = db.prepare('SELECT number, closed_seq IS NOT NULL AS closed FROM shifts ORDER BY number').all();
    db.close();
    expect(shifts).toEqual([
      { number: 1, closed: 1 },
      { number: 2, closed: 0 },
    ]);
  });

  const edits: Array<[string, string, RegExp]> = [
    ["a shift's float", 'UPDATE shifts SET float_halalas = float_halalas + 1000 WHERE number = 1', /shifts T01-S000001: float_halalas is 12000, the journal says 11000/],
    ["an open shift's float", 'UPDATE shifts SET float_halalas = 0 WHERE number = 2', /shifts T01-S000002: float_halalas/],
    ['a count made to match', 'UPDATE shifts SET counted_halalas = 10800, difference_halalas = 0 WHERE number = 1', /shifts T01-S000001: counted_halalas is 10800, the journal says 8500/],
    ["the manager's reason", "UPDATE shifts SET manager_reason = 'Counted twice' WHERE number = 1", /shifts T01-S000001: manager_reason/],
    ['an open shift closed by hand', "UPDATE shifts SET closed_at = 'now', closed_seq = opened_seq, expected_halalas = 5300, counted_halalas = 5300, difference_halalas = 0 WHERE number = 2", /shifts T01-S000002: closed_at/],
    ['a shift renumbered', 'UPDATE shifts SET number = 3 WHERE number = 2', /shifts T01-S000002: number is 3/],
    ['a paid-out made smaller', "UPDATE shift_cash_movements SET amount_halalas = 100 WHERE kind = 'paid_out'", /shift_cash_movements .*: amount_halalas is 100, the journal says 700/],
    ['a safe drop turned into a paid-in', "UPDATE shift_cash_movements SET kind = 'paid_in' WHERE kind = 'safe_drop'", /shift_cash_movements .*: kind is "paid_in", the journal says "safe_drop"/],
    ["a paid-out's reason", "UPDATE shift_cash_movements SET reason = 'Owner' WHERE kind = 'paid_out'", /shift_cash_movements .*: reason/],
    ["the count's pieces", `UPDATE shift_cash_movements SET denominations = '{"n10":1,"n20":1,"n5":1,"n50":1,"n500":0}' WHERE kind = 'count'`, /shift_cash_movements .*: denominations/],
    ['a deleted safe drop', "DELETE FROM shift_cash_movements WHERE kind = 'safe_drop'", /shift_cash_movements .*: the row is missing/],
    ['a movement no entry made', "INSERT INTO shift_cash_movements SELECT 'forged', shift_id, 'paid_in', 5000, 'x', NULL, at, seq FROM shift_cash_movements WHERE kind = 'float' LIMIT 1", /shift_cash_movements \*: 1 row\(s\) that no journal entry made/],
    ['a shift no entry made', "INSERT INTO shifts (id, till_id, number, demo, opened_at, opened_seq, float_halalas) VALUES ('forged', 'T02', 1, 0, 'now', 1, 0)", /shifts \*: 1 row\(s\) that no journal entry made/],
  ];
  for (const [what, sql, reason] of edits) {
    it(`finds ${what}`, () => {
      const report = verify(tampered((db) => db.exec(sql)));
      expect(report).toMatchObject({ ok: false, stage: 'rows' });
      if (!report.ok) expect(report.reason).toMatch(reason);
    });
  }

  it("finds a count whose expected cash is not what the journal's cash entries give, even with the chain rewritten after the last seal", () => {
    // Someone who knows the format but not the key: the count's entry, the closing entry and the row made to agree
    // on a smaller shortage, the chain re-hashed from there and the seals after it removed (an unsealed tail).
    const file = tampered((db) => {
      const counted = db.prepare<[], { seq: number }>("SELECT seq FROM journal WHERE type = 'shift.counted' ORDER BY seq LIMIT 1").get()!.seq;
      db.prepare('DELETE FROM journal_seals WHERE seq >= ?').run(counted);
      rewriteFrom(db, counted, (type, p) => {
        if (type === 'shift.counted' && p.shiftId !== undefined && p.expectedHalalas === 10_800) return { ...p, expectedHalalas: 8600, differenceHalalas: -100 };
        if (type === 'shift.closed' && p.expectedHalalas === 10_800) return { ...p, expectedHalalas: 8600, differenceHalalas: -100 };
        return p;
      });
      db.exec('UPDATE shifts SET expected_halalas = 8600, difference_halalas = -100 WHERE number = 1');
    });
    // The shifts' rows alone agree with the rewritten entries; the sum of the cash entries does not.
    const report = verify(file, [shiftsProjection]);
    expect(report).toMatchObject({ ok: false, stage: 'rows' });
    if (!report.ok) expect(report.reason).toMatch(/shifts T01-S000001: the count recorded 8600 expected, the journal's cash entries give 10800/);
  });

  it("finds a closing rewritten to hide the shortage its count found (and the manager's reason dropped), chain re-hashed after the last seal", () => {
    // Outside review: only the closing entry and its row were rewritten — counted 108.00, no difference, no reason —
    // while the count entry still said 85.00, short 23.00 with a manager needed; verify used to pass it.
    const file = tampered((db) => {
      const closed = db.prepare<[], { seq: number }>("SELECT seq FROM journal WHERE type = 'shift.closed' ORDER BY seq LIMIT 1").get()!.seq;
      db.prepare('DELETE FROM journal_seals WHERE seq >= ?').run(closed);
      rewriteFrom(db, closed, (type, p) => (type === 'shift.closed' && p.countedHalalas === 8500 ? { ...p, countedHalalas: 10_800, differenceHalalas: 0, managerReason: null } : p));
      db.exec('UPDATE shifts SET counted_halalas = 10800, difference_halalas = 0, manager_reason = NULL WHERE number = 1');
    });
    const report = verify(file, [shiftsProjection]);
    expect(report).toMatchObject({ ok: false, stage: 'rows' });
    if (!report.ok) expect(report.reason).toMatch(/shifts T01-S000001: the closing's expected, counted or difference is not what its count recorded/);
  });

  it("finds a closing without the manager's reason its count needed, chain re-hashed after the last seal", () => {
    const file = tampered((db) => {
      const closed = db.prepare<[], { seq: number }>("SELECT seq FROM journal WHERE type = 'shift.closed' ORDER BY seq LIMIT 1").get()!.seq;
      db.prepare('DELETE FROM journal_seals WHERE seq >= ?').run(closed);
      rewriteFrom(db, closed, (type, p) => (type === 'shift.closed' && p.countedHalalas === 8500 ? { ...p, managerReason: null } : p));
      db.exec('UPDATE shifts SET manager_reason = NULL WHERE number = 1');
    });
    const report = verify(file, [shiftsProjection]);
    expect(report).toMatchObject({ ok: false, stage: 'rows' });
    if (!report.ok) expect(report.reason).toMatch(/closed without a manager's reason although its count needed one/);
  });
});

/** Rewrites entries from `first` on with `change`, re-linking and re-hashing every later entry. */
function rewriteFrom(db: Database.Database, first: number, change: (type: string, payload: Record<string, unknown>) => Record<string, unknown>): void {
  const rows = db.prepare<[number], { seq: number; at: string; till_id: string; type: string; payload: string; prev_hash: string }>('SELECT * FROM journal WHERE seq >= ? ORDER BY seq').all(first);
  let prev = rows[0]!.prev_hash;
  const update = db.prepare('UPDATE journal SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const payload = canonicalJson(change(row.type, JSON.parse(row.payload) as Record<string, unknown>));
    const hash = entryHash({ seq: row.seq, at: row.at, tillId: row.till_id, type: row.type, payload, prevHash: prev });
    update.run(payload, prev, hash, row.seq);
    prev = hash;
  }
}
