// The tamper matrix: a real till sells (cash, card, a refund, a void, a reprint), then its closed ledger file is
// edited the ways someone with the sqlite3 shell or a hex editor would, one edit per copy. `ledger verify` must
// find every one at the right stage — SQLite integrity, the hash chain, the seals, or a derived row that no
// longer equals the journal — and the untouched copy must pass.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { canonicalJson, verifyLedger, type LedgerReport } from '../../main/ledger';
import { entryHash } from '../../main/ledger/hash';
import { DEMO, startTestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let source: ReturnType<typeof tempDir>;
const scratch = tempDir('nuqta-tamper-', { verifyLedger: false });

beforeAll(async () => {
  source = tempDir('nuqta-tamper-source-');
  const t = await startTestTill(source.dir);
  // A cash sale with a changed quantity and a removed line.
  let sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
  sale = await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
  await t.call('setQuantity', { lineId: sale.lines[0]!.lineId, quantity: 3 });
  sale = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
  await t.call('removeLine', { lineId: sale.lines[2]!.lineId });
  const cash = await t.call('tenderCash', { tenderedHalalas: 5000 });
  // A card sale, then part of it returned (refunded to the card, with its credit note).
  await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
  sale = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
  const card = await t.call('payCard', { amountHalalas: sale.dueHalalas });
  const water = card.completed!.receipt.lines.find((l) => l.barcode === DEMO.water.barcode)!;
  await t.call('returnSale', { receiptNo: card.completed!.receipt.receiptNo, lines: [{ lineId: water.lineId, quantity: 1 }], reason: 'damaged', managerPin: '1234' });
  // A standard (B2B) sale: its buyer, its invoice cleared by the platform simulator.
  sale = await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
  await t.call('setSaleBuyer', {
    buyer: { legalName: 'شركة التموين', vatNumber: '310175397400003', address: { street: 'صلاح الدين', buildingNumber: '1111', district: 'المروج', city: 'الرياض', postalCode: '12222', country: 'SA' } },
  });
  const b2b = await t.call('tenderCash', { tenderedHalalas: sale.dueHalalas });
  expect((await t.call('clearTaxInvoice', { receiptNo: b2b.receipt.receiptNo, send: true })).clearance).toBe('cleared');
  // A voided sale and a reprint.
  await t.call('scanBarcode', { barcode: DEMO.dates.barcode });
  await t.call('voidSale', {});
  await t.call('reprintReceipt', { receiptNo: cash.receipt.receiptNo });
  // A parked sale (docs/parked-sales.md), left parked.
  await t.call('scanBarcode', { barcode: DEMO.water.barcode });
  await t.call('parkSale', {});
  await t.till.close();
}, 60_000);

afterAll(() => {
  source.cleanup();
  scratch.cleanup();
});

let copies = 0;
/** A copy of the sold ledger with `edit` applied by a plain connection (no triggers, no foreign keys). */
function tampered(edit: (db: Database.Database) => void): string {
  const dir = path.join(scratch.dir, `copy-${(copies += 1)}`);
  fs.mkdirSync(dir);
  fs.copyFileSync(ledgerFile(source.dir), ledgerFile(dir));
  const db = new Database(ledgerFile(dir));
  db.pragma('foreign_keys = OFF');
  db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete; DROP TRIGGER journal_seals_no_update; DROP TRIGGER journal_seals_no_delete;');
  edit(db);
  db.close();
  return ledgerFile(dir);
}

function verify(file: string): LedgerReport {
  const db = openDatabase(file, { readonly: true });
  try {
    return verifyLedger(db, { projections: LEDGER_PROJECTIONS });
  } finally {
    db.close();
  }
}

describe('ledger verify', () => {
  it('passes the till as it left its ledger: sealed, every row replayed', () => {
    const report = verify(ledgerFile(source.dir));
    expect(report).toMatchObject({ ok: true, legacyEntries: 0, seals: { sealed: true, unsealedTail: 0 } });
  });

  const rows: Array<[string, string, RegExp]> = [
    ['a receipt body', `UPDATE receipts SET body = json_set(body, '$.totals.totalHalalas', 1) WHERE number = 1`, /receipts .*body/],
    ["a completed sale's total", `UPDATE sales SET total_halalas = 1 WHERE status = 'completed'`, /sales .*total_halalas/],
    ["a voided sale's status", `UPDATE sales SET status = 'completed' WHERE status = 'voided'`, /sales .*status/],
    ['a line quantity', `UPDATE sale_lines SET quantity = quantity + 1 WHERE removed_seq IS NULL AND position = 1`, /sale_lines .*quantity/],
    ['a removed line brought back', `UPDATE sale_lines SET removed_seq = NULL WHERE removed_seq IS NOT NULL`, /sale_lines .*removed_seq/],
    ['a cash tender amount', `UPDATE tenders SET amount_halalas = amount_halalas - 100 WHERE kind = 'cash'`, /tenders .*amount_halalas/],
    ['the masked card number of a tender', `UPDATE tenders SET details = json_set(details, '$.card.maskedPan', '411111******1111') WHERE kind = 'card'`, /tenders .*details/],
    ['a refund recorded as declined', `UPDATE payment_intents SET state = 'declined' WHERE kind = 'refund'`, /payment_intents .*state/],
    ['a payment amount', `UPDATE payment_intents SET amount_halalas = 1 WHERE kind = 'purchase'`, /payment_intents .*amount_halalas/],
    ["a payment's card", `UPDATE payment_intents SET card = json_set(card, '$.rrn', '000000000000') WHERE kind = 'purchase'`, /payment_intents .*card/],
    ['a reprint turned into an original', `UPDATE print_jobs SET copy = 'original' WHERE copy = 'copy'`, /print_jobs .*copy/],
    ['a receipt counter moved back', `UPDATE receipt_counters SET last_number = last_number - 1`, /receipt_counters/],
    ['the time a sale was parked', `UPDATE sales SET parked_at = '2026-01-01T00:00:00.000Z' WHERE parked_seq IS NOT NULL`, /sales .*parked_at/],
    ["a parked sale's entry", `UPDATE sales SET parked_seq = parked_seq - 1 WHERE parked_seq IS NOT NULL`, /sales .*parked_seq/],
    ["a B2B sale's buyer", `UPDATE sales SET buyer = json_set(buyer, '$.vatNumber', '399999999900003') WHERE buyer IS NOT NULL`, /sales .*buyer/],
    ['a standard invoice marked refused instead of cleared', `UPDATE einvoice_clearances SET state = 'rejected'`, /einvoice_clearances .*state/],
    ["the cleared copy's QR", `UPDATE einvoice_clearances SET cleared_qr = 'AQ=='`, /einvoice_clearances .*cleared_qr/],
    ['a payment reference counter moved back', `UPDATE payment_reference_counters SET last = last - 1`, /payment_reference_counters/],
    ['a sale no entry made', `INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES ('forged', 'T01', 'voided', '2026-01-01', 1)`, /sales .*no journal entry made/],
    ['a deleted cash tender', `DELETE FROM tenders WHERE kind = 'cash'`, /tenders/],
    ['a deleted receipt', `DELETE FROM receipts WHERE number = 1`, /receipts/],
  ];
  for (const [what, sql, reason] of rows) {
    it(`finds ${what} (derived rows)`, () => {
      const report = verify(tampered((db) => db.exec(sql)));
      expect(report.ok).toBe(false);
      if (report.ok) return;
      expect(report.stage).toBe('rows');
      expect(report.reason).toMatch(reason);
      // The first bad entry named is the one the mismatched row came from (none for a row no entry made).
      expect(report.brokenAt).toBe(report.mismatch?.seq ?? null);
    });
  }

  it('names the entry a tampered receipt body came from', () => {
    const report = verify(tampered((db) => db.exec(`UPDATE receipts SET body = json_set(body, '$.totals.totalHalalas', 1) WHERE number = 1`)));
    expect(report).toMatchObject({ ok: false, stage: 'rows', brokenAt: expect.any(Number) });
    if (!report.ok) expect(report.brokenAt).toBeGreaterThan(0);
  });

  it('finds an edited journal entry (chain)', () => {
    const report = verify(tampered((db) => db.exec(`UPDATE journal SET payload = replace(payload, '"tenderedHalalas":5000', '"tenderedHalalas":500')`)));
    expect(report).toMatchObject({ ok: false, stage: 'chain' });
  });

  it('finds an entry whose own hash was recomputed: the link to the next entry breaks', () => {
    const report = verify(
      tampered((db) => {
        const row = db.prepare<[], { seq: number; at: string; till_id: string; type: string; payload: string; prev_hash: string }>(
          "SELECT * FROM journal WHERE type = 'tender.accepted'",
        ).get()!;
        const payload = row.payload.replace('"tenderedHalalas":5000', '"tenderedHalalas":500');
        const hash = entryHash({ seq: row.seq, at: row.at, tillId: row.till_id, type: row.type, payload, prevHash: row.prev_hash });
        db.prepare('UPDATE journal SET payload = ?, hash = ? WHERE seq = ?').run(payload, hash, row.seq);
      }),
    );
    expect(report).toMatchObject({ ok: false, stage: 'chain', reason: expect.stringMatching(/previous-hash link/) });
  });

  it('finds a whole history rewritten consistently (every later hash and the rows recomputed): the seals break', () => {
    const report = verify(tampered((db) => rewriteFrom(db, "type = 'tender.accepted'", (p) => ({ ...p, tenderedHalalas: 10000, changeHalalas: (p.changeHalalas as number) + 5000 }))));
    expect(report).toMatchObject({ ok: false, stage: 'seals', reason: expect.stringMatching(/does not match/) });
  });

  it('finds a rewritten history whose seals were deleted: the unsealed stretch is refused', () => {
    const report = verify(
      tampered((db) => {
        rewriteFrom(db, "type = 'tender.accepted'", (p) => ({ ...p, tenderedHalalas: 10000, changeHalalas: (p.changeHalalas as number) + 5000 }));
        // Without the key no new seal can be made; pretend the later ones never existed, and pad the journal
        // past the longest unsealed stretch the till can leave.
        db.exec('DELETE FROM journal_seals WHERE seq > (SELECT seq FROM journal WHERE type = \'tender.accepted\')');
        padJournal(db, 600);
      }),
    );
    expect(report).toMatchObject({ ok: false, stage: 'seals', reason: expect.stringMatching(/carry no seal/) });
  });

  it('finds a forged seal', () => {
    const report = verify(tampered((db) => db.exec(`UPDATE journal_seals SET signature = substr(signature, 2) || 'A' WHERE seq = (SELECT MAX(seq) FROM journal_seals)`)));
    expect(report).toMatchObject({ ok: false, stage: 'seals' });
  });

  it('finds a damaged file (SQLite integrity) before anything else', () => {
    const file = tampered(() => undefined);
    // Overwrite one page in the middle of the file with noise, as a failing disk would.
    const fd = fs.openSync(file, 'r+');
    const pageSize = 4096;
    const pages = Math.floor(fs.fstatSync(fd).size / pageSize);
    fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, Math.floor(pages / 2) * pageSize);
    fs.closeSync(fd);
    const report = verify(file);
    expect(report).toMatchObject({ ok: false, stage: 'integrity' });
  });
});

/**
 * Edits the first entry matching `where` and rewrites every later entry's link and hash so the chain is whole
 * again, and recomputes the derived rows a cash tender edit touches: what an attacker who knows the format (but
 * not the till's key) can do.
 */
function rewriteFrom(db: Database.Database, where: string, change: (payload: Record<string, unknown>) => Record<string, unknown>): void {
  const first = db.prepare<[], { seq: number }>(`SELECT seq FROM journal WHERE ${where} ORDER BY seq LIMIT 1`).get()!.seq;
  const rows = db.prepare<[number], { seq: number; at: string; till_id: string; type: string; payload: string; prev_hash: string }>(
    'SELECT * FROM journal WHERE seq >= ? ORDER BY seq',
  ).all(first);
  let prev = rows[0]!.prev_hash;
  const update = db.prepare('UPDATE journal SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    let payload = row.payload;
    if (row.seq === first) {
      const changed = change(JSON.parse(payload) as Record<string, unknown>);
      payload = canonicalJson(changed);
      db.prepare("UPDATE tenders SET tendered_halalas = ?, change_halalas = ? WHERE kind = 'cash'").run(changed.tenderedHalalas, changed.changeHalalas);
    }
    const hash = entryHash({ seq: row.seq, at: row.at, tillId: row.till_id, type: row.type, payload, prevHash: prev });
    update.run(payload, prev, hash, row.seq);
    prev = hash;
  }
  // The receipt body carries the tender too.
  const receipt = db.prepare<[], { receipt_no: string; body: string }>('SELECT receipt_no, body FROM receipts WHERE number = 1').get()!;
  const body = JSON.parse(receipt.body) as { tenders: Array<Record<string, unknown>> };
  const replayed = JSON.parse(db.prepare<[], { payload: string }>("SELECT payload FROM journal WHERE type = 'sale.completed' ORDER BY seq LIMIT 1").get()!.payload) as {
    tenders: Array<Record<string, unknown>>;
  };
  body.tenders = replayed.tenders;
  db.prepare('UPDATE receipts SET body = ? WHERE receipt_no = ?').run(JSON.stringify(body), receipt.receipt_no);
}

/** Appends `n` well-chained entries of a type no table derives from. */
function padJournal(db: Database.Database, n: number): void {
  let head = db.prepare<[], { seq: number; hash: string; till_id: string }>('SELECT seq, hash, till_id FROM journal ORDER BY seq DESC LIMIT 1').get()!;
  const insert = db.prepare('INSERT INTO journal (seq, at, till_id, type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (let i = 0; i < n; i += 1) {
    const fields = { seq: head.seq + 1, at: new Date().toISOString(), tillId: head.till_id, type: 'test.padding', payload: '{}', prevHash: head.hash };
    const hash = entryHash(fields);
    insert.run(fields.seq, fields.at, fields.tillId, fields.type, fields.payload, fields.prevHash, hash);
    head = { seq: fields.seq, hash, till_id: head.till_id };
  }
}
