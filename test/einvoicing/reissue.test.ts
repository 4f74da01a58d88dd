// A simplified invoice ZATCA rejected is answered in one step, by a manager: a credit note cancelling it (its
// reason naming ZATCA's rule codes) and a new invoice for the same sale, both chained and reported; the receipt
// reprints with the new invoice's QR. Answered once; only a rejected invoice can be answered.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { checkLedgerFile } from '../../main/backup';
import { createTillSimulators } from '../../main/sim';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { until } from '../support/until';

let t: TestTill;
let sims: ReturnType<typeof createTillSimulators>;

beforeEach(async () => {
  sims = createTillSimulators();
  t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0, einvoiceQueueIntervalMs: 100 });
});
afterEach(async () => {
  await t.close();
});

function rows(): Array<{ egs_id: string; icv: number; kind: string; number: string; qr: string; xml: Buffer; state: string | null; reissued_icv: number | null }> {
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  try {
    return db
      .prepare<[], { egs_id: string; icv: number; kind: string; number: string; qr: string; xml: Buffer; state: string | null; reissued_icv: number | null }>(
        'SELECT d.egs_id, d.icv, d.kind, d.number, d.qr, d.xml, r.state, r.reissued_icv FROM einvoice_documents d LEFT JOIN einvoice_reports r USING (egs_id, icv) ORDER BY d.icv',
      )
      .all();
  } finally {
    db.close();
  }
}

describe('a rejected invoice, answered', () => {
  it('by a credit note and a new invoice in one step, with the rule codes as the reason; reported; once', async () => {
    sims.currentEinvoicing()!.script({ call: 'reporting', action: 'rejected', errors: [{ code: 'BR-KSA-37', category: 'KSA', message: "The seller's building number must be 4 digits" }] });
    const sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const receiptNo = (await t.call('tenderCash', { tenderedHalalas: sale.dueHalalas })).receipt.receiptNo;
    await until(() => rows()[0]?.state === 'rejected');
    const { egs_id: egsId } = rows()[0]!;

    expect(await t.attempt('reissueRejectedEinvoice', { egsId, icv: 1, managerPin: '9999' })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    const answer = await t.call('reissueRejectedEinvoice', { egsId, icv: 1, managerPin: '1234' });
    expect(answer).toEqual({ creditNote: { icv: 2, number: `${receiptNo}-C1` }, invoice: { icv: 3, number: receiptNo } });

    await until(() => rows().every((r) => r.state !== 'waiting'));
    const docs = rows();
    expect(docs.map((d) => [d.icv, d.kind, d.number, d.state, d.reissued_icv])).toEqual([
      [1, 'invoice', receiptNo, 'rejected', 3],
      [2, 'credit_note', `${receiptNo}-C1`, 'reported', null],
      [3, 'invoice', receiptNo, 'reported', null],
    ]);
    const note = docs[1]!.xml.toString('utf8');
    expect(note).toContain(`<cbc:ID>${receiptNo}</cbc:ID>`); // the billing reference: the rejected invoice
    expect(note).toContain('Correction of an invoice rejected by ZATCA (BR-KSA-37)');
    // The receipt reprints with the new invoice's QR.
    expect((await t.call('getReceipt', { receiptNo })).einvoiceQr).toBe(docs[2]!.qr);

    expect(await t.attempt('reissueRejectedEinvoice', { egsId, icv: 1, managerPin: '1234' })).toMatchObject({ ok: false, error: { code: 'EINVOICE_ALREADY_REISSUED' } });
    expect(await t.attempt('reissueRejectedEinvoice', { egsId, icv: 3, managerPin: '1234' })).toMatchObject({ ok: false, error: { code: 'EINVOICE_NOT_REJECTED' } });
    expect(await t.attempt('reissueRejectedEinvoice', { egsId, icv: 42, managerPin: '1234' })).toMatchObject({ ok: false, error: { code: 'EINVOICE_UNKNOWN' } });
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });
});
