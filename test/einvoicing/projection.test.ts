// `ledger verify` over e-invoices: a stored document edited by hand (past the table's triggers), a document
// removed, a chain link edited — each is named, with the table and the unit's ICV.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { checkLedgerFile } from '../../main/backup';
import { createTillSimulators } from '../../main/sim';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

let t: TestTill;
beforeEach(async () => {
  t = await startTestTill(undefined, { simulators: createTillSimulators(), providerCheckMs: 0 });
  for (const barcode of [DEMO.milk.barcode, DEMO.bread.barcode]) {
    const due = (await t.call('scanBarcode', { barcode })).dueHalalas;
    await t.call('tenderCash', { tenderedHalalas: due });
  }
  await t.till.close();
});
afterEach(async () => {
  await t.close();
  copy = null;
});

let copy: { dir: string; cleanup: () => void } | null = null;
afterEach(() => copy?.cleanup());

/** Edits a copy (the till's own ledger must stay sound: every test's ledger is verified after it). */
function tamper(sql: string): void {
  copy = tempDir();
  const db = new Database(ledgerFile(t.dir));
  db.exec(`VACUUM INTO '${path.join(copy.dir, 'copy.db')}'`);
  db.close();
  const edit = new Database(path.join(copy.dir, 'copy.db'));
  edit.exec('DROP TRIGGER einvoice_documents_no_update; DROP TRIGGER einvoice_documents_no_delete;');
  edit.exec(sql);
  edit.close();
}

const verify = () => checkLedgerFile(copy ? path.join(copy.dir, 'copy.db') : ledgerFile(t.dir), LEDGER_PROJECTIONS);

describe('ledger verify over e-invoices', () => {
  it('passes untouched', () => {
    expect(verify()).toMatchObject({ ok: true });
  });
  it('finds stored XML that is not the bytes that were signed', () => {
    tamper("UPDATE einvoice_documents SET xml = CAST(replace(CAST(xml AS TEXT), 'PayableAmount currencyID=\"SAR\">', 'PayableAmount currencyID=\"SAR\">1') AS BLOB) WHERE icv = 2");
    expect(JSON.stringify(verify())).toContain('the stored XML is not the document that was signed');
  });
  it('finds a hash edited in a row', () => {
    tamper("UPDATE einvoice_documents SET hash = 'AAAA' WHERE icv = 1");
    expect(JSON.stringify(verify())).toMatch(/einvoice_documents.*hash/);
  });
  it('finds a document removed', () => {
    tamper('DELETE FROM einvoice_reports WHERE icv = 2; DELETE FROM einvoice_documents WHERE icv = 2');
    expect(verify()).toMatchObject({ ok: false });
  });
});
