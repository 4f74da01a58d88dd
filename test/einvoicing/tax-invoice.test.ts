// Standard (B2B) tax invoices on a real till with the platform simulator (real HTTPS): the buyer on the open sale,
// a standard invoice signed and chained in the sale's transaction, cleared by ZATCA before it is printed; when
// ZATCA refuses it or cannot be reached, a simplified invoice instead — and the chain stays whole: the standard
// document is still sent, and should ZATCA clear it after all, a credit note cancels it.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { checkLedgerFile } from '../../main/backup';
import { verifySignedInvoice } from '../../main/fiscal/einvoice';
import { createTillSimulators } from '../../main/sim';
import type { SaleBuyer } from '../../preload/contract';
import { DEMO_SETTINGS } from '../../main/settings';
import { updateSettings } from '../support/providers';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { until } from '../support/until';

const BUYER: SaleBuyer = {
  legalName: ' شركة التموين الحديث ',
  vatNumber: '310175397400003',
  address: { street: 'صلاح الدين', buildingNumber: '1111', district: 'المروج', city: 'الرياض', postalCode: '12222', country: 'SA' },
};

let t: TestTill;
let sims: ReturnType<typeof createTillSimulators>;

beforeEach(async () => {
  sims = createTillSimulators();
  t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0, einvoiceQueueIntervalMs: 100, einvoiceClearanceRetryMs: 50 });
});
afterEach(async () => {
  await t.close();
});

interface Doc {
  icv: number;
  kind: string;
  profile: string;
  number: string;
  xml: Buffer;
}
function documents(): Doc[] {
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare<[], Doc>('SELECT icv, kind, profile, number, xml FROM einvoice_documents ORDER BY icv').all();
  } finally {
    db.close();
  }
}
function clearances(): Array<{ icv: number; state: string; settled: number; replaced_by_icv: number | null; cancelled_by_icv: number | null }> {
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare<[], { icv: number; state: string; settled: number; replaced_by_icv: number | null; cancelled_by_icv: number | null }>('SELECT icv, state, settled, replaced_by_icv, cancelled_by_icv FROM einvoice_clearances ORDER BY icv').all();
  } finally {
    db.close();
  }
}

function reportStates(): string[] {
  const db = new Database(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare<[], { state: string }>('SELECT state FROM einvoice_reports ORDER BY icv').all().map((r) => r.state);
  } finally {
    db.close();
  }
}

async function saleFor(buyer: SaleBuyer | null, barcode: string = DEMO.milk.barcode) {
  const sale = await t.call('scanBarcode', { barcode });
  if (buyer) expect((await t.call('setSaleBuyer', { buyer })).problems).toEqual([]);
  return t.call('tenderCash', { tenderedHalalas: sale.dueHalalas });
}
const printedReceipts = async (receiptNo: string) => (await t.call('listPrintJobs', {})).filter((j) => j.receiptNo === receiptNo && j.kind === 'receipt');

describe('standard (B2B) tax invoices', () => {
  it('refuses a buyer ZATCA would refuse, field by field, and changes nothing', async () => {
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const answer = await t.call('setSaleBuyer', { buyer: { ...BUYER, vatNumber: '12345', address: { ...BUYER.address, postalCode: '1222', district: ' ' } } });
    expect(answer.sale).toBeNull();
    expect(answer.problems.map((p) => `${p.field}:${p.rule}`)).toEqual(['vatNumber:BR-KSA-44', 'district:BR-KSA-63', 'postalCode:BR-KSA-67']);
    expect(answer.problems[0]!.message.ar).toMatch(/الرقم الضريبي/);
    expect((await t.call('getSale', {})).buyer).toBeNull();
  });

  it('clears the standard invoice before it prints: 0100000 naming the buyer, cleared by ZATCA, then the receipt', async () => {
    const completed = await saleFor(BUYER);
    const receiptNo = completed.receipt.receiptNo;
    expect(completed.receipt.buyer?.legalName).toBe('شركة التموين الحديث'); // trimmed as recorded
    expect(completed.receipt.clearance).toBe('waiting');
    expect(await printedReceipts(receiptNo)).toEqual([]); // nothing handed over yet

    const state = await t.call('clearTaxInvoice', { receiptNo, send: true });
    expect(state).toMatchObject({ clearance: 'cleared', messages: [], problem: null });
    expect(state.receipt).toMatchObject({ clearance: 'cleared', buyer: { vatNumber: BUYER.vatNumber } });
    await until(async () => (await printedReceipts(receiptNo)).length === 1);

    const [doc] = documents();
    expect(doc).toMatchObject({ icv: 1, kind: 'invoice', profile: 'standard', number: receiptNo });
    const xml = doc!.xml.toString('utf8');
    expect(xml).toContain('<cbc:InvoiceTypeCode name="0100000">388</cbc:InvoiceTypeCode>');
    expect(xml).toContain('<cbc:CompanyID>310175397400003</cbc:CompanyID>');
    expect(verifySignedInvoice(xml).findings).toEqual([]);
    expect(sims.currentEinvoicing()!.requests('clearance')).toHaveLength(1);
    const [listed] = (await t.call('listEinvoices', { managerPin: '1234', page: 0, pageSize: 20 })).items;
    expect(listed).toMatchObject({ icv: 1, profile: 'standard', clearance: 'cleared', state: 'reported', receiptNo });
    expect(sims.currentEinvoicing()!.requests('reporting')).toHaveLength(0);
    // The next sale, without a buyer, is simplified again and chained after it.
    await saleFor(null, DEMO.dates.barcode);
    expect(documents().map((d) => [d.icv, d.profile])).toEqual([[1, 'standard'], [2, 'simplified']]);
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it('refused by ZATCA: the cashier sees its messages and issues a simplified invoice instead, which prints and is reported', async () => {
    sims.currentEinvoicing()!.script({ call: 'clearance', action: 'rejected', errors: [{ code: 'BR-KSA-44', category: 'KSA', message: 'Buyer VAT number is not registered' }] });
    const receiptNo = (await saleFor(BUYER)).receipt.receiptNo;
    const refused = await t.call('clearTaxInvoice', { receiptNo, send: true });
    expect(refused.clearance).toBe('rejected');
    expect(refused.messages).toEqual([{ code: 'BR-KSA-44', message: 'Buyer VAT number is not registered' }]);
    expect(await printedReceipts(receiptNo)).toEqual([]);
    // The health page says a buyer is without an invoice until it is answered (checked afresh: checkHealth).
    const einvoicingHealth = async () => (await t.call('checkHealth', {})).checks.find((c) => c.id === 'einvoicing')!;
    const warned = await einvoicingHealth();
    expect(warned).toMatchObject({ state: 'warning', facts: expect.objectContaining({ clearanceRefused: 1 }) });
    expect(warned.summary.ar).toContain('رفضتها هيئة الزكاة');

    const instead = await t.call('issueSimplifiedInstead', { receiptNo });
    expect(instead.clearance).toBe('replaced');
    expect(instead.receipt.buyer).toBeUndefined(); // the simplified invoice names no buyer
    expect(documents().map((d) => [d.icv, d.profile, d.number])).toEqual([[1, 'standard', receiptNo], [2, 'simplified', receiptNo]]);
    expect(instead.receipt.einvoiceQr).toBeDefined();
    await until(async () => (await printedReceipts(receiptNo)).length === 1);
    // ZATCA saw both: the refused standard one (so no gap) and the simplified one, reported.
    await until(() => sims.currentEinvoicing()!.requests('reporting').some((r) => r.status === 200));
    expect(await t.attempt('issueSimplifiedInstead', { receiptNo })).toMatchObject({ ok: true }); // twice: the same answer
    expect(documents()).toHaveLength(2);
    // The manager's list has both: the refused standard one (replaced) and the simplified one, reported.
    await until(async () => (await t.call('listEinvoices', { managerPin: '1234', page: 0, pageSize: 20 })).items.every((d) => d.state !== 'waiting'));
    const listed = await t.call('listEinvoices', { managerPin: '1234', page: 0, pageSize: 20 });
    expect(listed.total).toBe(2);
    expect(listed.items.map((d) => [d.icv, d.profile, d.clearance, d.state, d.messages.map((m) => m.code)])).toEqual([
      [2, 'simplified', null, 'reported', []],
      [1, 'standard', 'replaced', 'rejected', ['BR-KSA-44']],
    ]);
    expect((await t.call('listEinvoices', { managerPin: '1234', state: 'rejected', page: 0, pageSize: 20 })).total).toBe(1);
    expect((await einvoicingHealth()).summary.en).not.toContain('refused by ZATCA');
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it('ZATCA unreachable: waiting with the reason; the simplified invoice instead; the standard one, cleared later, is cancelled by a credit note', async () => {
    // ZATCA stays down until the cashier has replaced the invoice (then it comes back: clearScript below).
    sims.currentEinvoicing()!.script({ call: 'clearance', action: 'status', status: 503, count: 1_000 });
    const receiptNo = (await saleFor(BUYER)).receipt.receiptNo;
    const waiting = await t.call('clearTaxInvoice', { receiptNo, send: true });
    expect(waiting.clearance).toBe('waiting');
    expect(waiting.problem).toMatch(/503/);
    const health = (await t.call('checkHealth', {})).checks.find((c) => c.id === 'einvoicing')!;
    expect(health).toMatchObject({ state: 'warning', facts: expect.objectContaining({ clearanceWaiting: 1 }) });
    await t.call('issueSimplifiedInstead', { receiptNo });
    sims.currentEinvoicing()!.clearScript();
    // The background round sends the standard one again (the identical bytes) once ZATCA answers: cleared after
    // all, so a standard credit note for all of it cancels it, and that note is cleared in turn.
    await until(() => clearances().length === 2 && clearances().every((c) => c.settled === 1), 20_000);
    const docs = documents();
    expect(docs.map((d) => [d.icv, d.kind, d.profile, d.number])).toEqual([
      [1, 'invoice', 'standard', receiptNo],
      [2, 'invoice', 'simplified', receiptNo],
      [3, 'credit_note', 'standard', `${receiptNo}-X`],
    ]);
    expect(clearances()).toEqual([
      { icv: 1, state: 'replaced', settled: 1, replaced_by_icv: 2, cancelled_by_icv: 3 },
      { icv: 3, state: 'cleared', settled: 1, replaced_by_icv: null, cancelled_by_icv: null },
    ]);
    const note = docs[2]!.xml.toString('utf8');
    expect(note).toContain('<cbc:InvoiceTypeCode name="0100000">381</cbc:InvoiceTypeCode>');
    expect(note).toContain(`<cbc:ID>${receiptNo}</cbc:ID>`); // the billing reference
    expect(await printedReceipts(receiptNo)).toHaveLength(1); // the simplified one only
    await until(() => reportStates().length === 1 && reportStates()[0] !== 'waiting');
    expect(reportStates()).toEqual(['reported']);
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it('a sale paid while nobody asked for clearance (the till restarted) is cleared and printed in the background', async () => {
    sims.currentEinvoicing()!.script({ call: 'clearance', action: 'status', status: 500, count: 1 });
    const receiptNo = (await saleFor(BUYER)).receipt.receiptNo;
    await t.restart();
    await until(async () => (await t.call('clearTaxInvoice', { receiptNo, send: false })).clearance === 'cleared', 20_000);
    await until(async () => (await printedReceipts(receiptNo)).length === 1);
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it("a return from a B2B sale: its credit note is a standard one naming the same buyer, cleared by ZATCA", async () => {
    const completed = await saleFor(BUYER);
    const receiptNo = completed.receipt.receiptNo;
    await t.call('clearTaxInvoice', { receiptNo, send: true });
    const line = completed.receipt.lines[0]!;
    await t.call('returnSale', { receiptNo, lines: [{ lineId: line.lineId, quantity: 1 }], reason: 'damaged', managerPin: '1234' });
    await until(() => clearances().length === 2 && clearances().every((c) => c.settled === 1), 20_000);
    const [, note] = documents();
    expect(note).toMatchObject({ icv: 2, kind: 'credit_note', profile: 'standard' });
    const xml = note!.xml.toString('utf8');
    expect(xml).toContain('<cbc:InvoiceTypeCode name="0100000">381</cbc:InvoiceTypeCode>');
    expect(xml).toContain('<cbc:CompanyID>310175397400003</cbc:CompanyID>');
    expect(clearances().map((c) => c.state)).toEqual(['cleared', 'cleared']);
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it('the refund receipt of a B2B return (its tax credit note) prints only once ZATCA clears the note', async () => {
    const completed = await saleFor(BUYER);
    const receiptNo = completed.receipt.receiptNo;
    await t.call('clearTaxInvoice', { receiptNo, send: true });
    // The sale's own receipt first (it prints once cleared).
    await until(() => (sims.currentPrinter()?.receipts.length ?? 0) === 1, 10_000);
    const printer = sims.currentPrinter()!;
    const before = printer.receipts.length;
    // ZATCA down: the return stands (the money goes back), its standard credit note waits, and so does its paper.
    sims.currentEinvoicing()!.script({ call: 'clearance', action: 'status', status: 503, count: 1_000 });
    const line = completed.receipt.lines[0]!;
    const issued = await t.call('returnSale', { receiptNo, lines: [{ lineId: line.lineId, quantity: 1 }], reason: 'damaged', managerPin: '1234' });
    expect(issued.refund.clearance).toBe('waiting');
    expect(issued.printError).toBeNull();
    await new Promise((r) => setTimeout(r, 400)); // several background rounds, all refused with 503
    expect(clearances().map((c) => c.settled)).toEqual([1, 0]);
    expect(printer.receipts.length).toBe(before);
    // ZATCA back: cleared in the background, then the refund receipt prints.
    sims.currentEinvoicing()!.clearScript();
    await until(() => clearances().every((c) => c.settled === 1), 20_000);
    await until(() => printer.receipts.length === before + 1, 10_000);
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });

  it('a till that does not issue standard invoices, or whose unit is onboarded for simplified ones only, names no buyer', async () => {
    await t.till.close();
    updateSettings(t.dir, { einvoicing: { ...DEMO_SETTINGS.einvoicing!, standardInvoices: false } });
    await t.restart();
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    expect(await t.attempt('setSaleBuyer', { buyer: BUYER })).toMatchObject({ ok: false, error: { code: 'EINVOICE_STANDARD_OFF' } });
    expect((await t.call('getSale', {})).buyer).toBeNull();
    // Switched on again, but the unit was onboarded (at the first start) as 1100: refused only while it is not.
    await t.till.close();
    updateSettings(t.dir, { einvoicing: { ...DEMO_SETTINGS.einvoicing!, standardInvoices: true } });
    await t.restart();
    expect((await t.call('setSaleBuyer', { buyer: BUYER })).problems).toEqual([]);
  });

  it('the buyer can be taken off again, and a simplified receipt needs no clearance', async () => {
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    await t.call('setSaleBuyer', { buyer: BUYER });
    const sale = await t.call('removeSaleBuyer', {});
    expect(sale.buyer).toBeNull();
    const receiptNo = (await t.call('tenderCash', { tenderedHalalas: sale.dueHalalas })).receipt.receiptNo;
    expect(documents().map((d) => d.profile)).toEqual(['simplified']);
    expect(await t.attempt('clearTaxInvoice', { receiptNo, send: true })).toMatchObject({ ok: false, error: { code: 'TAX_INVOICE_NOT_STANDARD' } });
    expect(checkLedgerFile(ledgerFile(t.dir), LEDGER_PROJECTIONS)).toMatchObject({ ok: true });
  });
});
