// STC Pay sales through the whole till (payStcPay over mutual TLS to the STC Pay simulator, the demo's virtual
// printer): the print queue gets the receipt and no mada card slip for the STC Pay tender, while a card tender
// in the same sale still gets its two slips. A slip job for an STC Pay tender (queued by an older version)
// fails visibly instead of printing mada wording.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { OTP } from '../../main/sim/stcpay';
import { resolveProfile } from '../../main/printing/service/profile';
import { renderAndEncode } from '../../main/printing/worker/render-encode';
import { DEMO_SETTINGS } from '../../main/settings';
import type { CardPaymentResult, PaymentProgress, PrintJob } from '../../preload/contract';
import { startStcPayTill, type StcPayTill } from '../support/providers';
import { DEMO } from '../support/till';
import { stcPayReceipt } from './fixtures';

let t: StcPayTill;
beforeAll(async () => {
  t = await startStcPayTill();
  // The customer reads the code off their phone at once: answer every prompt with the paying code.
  t.till.subscribe((event, payload) => {
    const p = payload as PaymentProgress;
    if (event === 'paymentProgress' && p.stage === 'awaiting_otp') void t.attempt('submitStcPayOtp', { intentId: p.intentId, otp: OTP.paid });
  });
});
afterAll(async () => {
  await t.close();
});

const ring = async (...barcodes: string[]) => {
  let sale = await t.call('getSale', {});
  for (const barcode of barcodes) sale = await t.call('scanBarcode', { barcode });
  return sale;
};

/** The receipt's jobs once the virtual printer has printed them (oldest first). */
async function printedJobs(receiptNo: string): Promise<PrintJob[]> {
  for (let i = 0; i < 500; i += 1) {
    const jobs = (await t.call('listPrintJobs', {})).filter((j) => j.receiptNo === receiptNo);
    if (jobs.length > 0 && jobs.every((j) => j.state === 'printed')) return jobs.reverse();
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`jobs of ${receiptNo} did not print`);
}

/** intent_id of each card slip job of a receipt, straight from the ledger. */
function slipIntents(receiptNo: string): Array<string | null> {
  const db = openDatabase(ledgerFile(t.dir), { readonly: true });
  try {
    return db
      .prepare<[string], { intent_id: string | null }>("SELECT intent_id FROM print_jobs WHERE receipt_no = ? AND kind = 'card_slip' ORDER BY rowid")
      .all(receiptNo)
      .map((r) => r.intent_id);
  } finally {
    db.close();
  }
}

const approved = (r: CardPaymentResult) => {
  expect(r.outcome).toBe('approved');
  return r;
};

describe('printing an STC Pay sale', () => {
  it('queues the receipt only: no card slip for an STC Pay tender', async () => {
    const sale = await ring(DEMO.milk.barcode, DEMO.coffee.barcode);
    const paid = approved(await t.call('payStcPay', { amountHalalas: sale.dueHalalas, mobile: '0551234567' }));
    const receipt = paid.completed!.receipt;
    const tender = receipt.tenders[0]!;
    expect(tender.kind === 'card' && tender.card.scheme).toBe('STCPAY');

    const jobs = await printedJobs(receipt.receiptNo);
    expect(jobs.map((j) => [j.kind, j.copy])).toEqual([['receipt', 'original']]);
    expect(slipIntents(receipt.receiptNo)).toEqual([]);
  });

  it('split STC Pay + card: the card tender gets its customer and merchant slips, STC Pay none', async () => {
    const sale = await ring(DEMO.dates.barcode, DEMO.bread.barcode);
    const part = approved(await t.call('payStcPay', { amountHalalas: 1000, mobile: '+966551234567' }));
    expect(part.completed).toBeNull();
    const rest = approved(await t.call('payCard', { amountHalalas: sale.dueHalalas - 1000 }));
    const receipt = rest.completed!.receipt;
    const [stc, card] = receipt.tenders;
    if (stc?.kind !== 'card' || card?.kind !== 'card') throw new Error('two electronic tenders expected');
    expect([stc.card.scheme, card.card.scheme]).toEqual(['STCPAY', 'MADA']);

    const jobs = await printedJobs(receipt.receiptNo);
    expect(jobs.map((j) => [j.kind, j.copy])).toEqual([
      ['receipt', 'original'],
      ['card_slip', 'customer'],
      ['card_slip', 'merchant'],
    ]);
    expect(slipIntents(receipt.receiptNo)).toEqual([card.intentId, card.intentId]);
  });
});

describe('a card slip job for an STC Pay tender', () => {
  it('fails to render (PRINT_RENDER_FAILED) rather than print a mada slip', () => {
    const receipt = stcPayReceipt();
    const tender = receipt.tenders[0]!;
    if (tender.kind !== 'card') throw new Error('fixture has an STC Pay tender');
    const request = {
      doc: { kind: 'card_slip', copy: 'customer', intentId: tender.intentId, mayHavePrinted: false },
      receipt,
      settings: DEMO_SETTINGS,
      profile: resolveProfile('epson-tm-t88'),
    } as const;
    expect(() => renderAndEncode(request)).toThrow(/PRINT_RENDER_FAILED: .*STC Pay/);
    // The receipt itself renders.
    expect(renderAndEncode({ ...request, doc: { ...request.doc, kind: 'receipt', copy: 'original', intentId: null } }).byteLength).toBeGreaterThan(0);
  });
});
