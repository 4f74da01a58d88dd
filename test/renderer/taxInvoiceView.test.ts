// The B2B tax invoice screens' pure parts: the buyer form (what goes to main, where main's problems go, which
// field gets the keyboard, Enter moving on) and the clearance panel (what it says and offers, and when Enter may
// move on to the next sale).
import { describe, expect, it } from 'vitest';
import type { TaxInvoiceState } from '../../preload/contract/tax-invoice';
import type { Receipt } from '../../preload/contract/schemas';
import { buyerOf, draftOf, emptyDraft, firstBadField, nextField, problemsByField } from '../../renderer/taxinvoice/buyerForm';
import { clearanceView } from '../../renderer/taxinvoice/clearanceView';
import { opening, shownDialog, noDialogs, tillDialogs } from '../../renderer/shell/tillDialogs';
import { intent, openSale } from './fixtures';

const typed = {
  ...emptyDraft,
  legalName: 'شركة التموين الحديث',
  vatNumber: '٣١٠١٧٥٣٩٧٤٠٠٠٠٣',
  buildingNumber: '١١١١',
  street: 'صلاح الدين',
  district: 'المروج',
  city: 'الرياض',
  postalCode: ' 12222 ',
};
const problem = (field: 'vatNumber' | 'postalCode' | 'legalName' | 'otherId', rule = 'BR-KSA-44') => ({ field, rule, message: { ar: 'خطأ', en: 'Wrong' } });

describe('the buyer form', () => {
  it('sends the VAT number or the other ID, never both, with Arabic-Indic digits made Latin', () => {
    expect(buyerOf(typed)).toEqual({
      legalName: 'شركة التموين الحديث',
      vatNumber: '310175397400003',
      address: { street: 'صلاح الدين', buildingNumber: '1111', district: 'المروج', city: 'الرياض', postalCode: '12222', country: 'SA' },
    });
    const other = buyerOf({ ...typed, noVat: true, scheme: 'NAT', otherId: '١٠٢٣٤٥٦٧٨٩' });
    expect(other.vatNumber).toBeUndefined();
    expect(other.otherId).toEqual({ scheme: 'NAT', value: '1023456789' });
  });

  it('opens on the buyer already on the sale, so it can be corrected', () => {
    const buyer = buyerOf({ ...typed, noVat: true, scheme: 'CRN', otherId: '1010101010' });
    expect(draftOf(buyer)).toMatchObject({ noVat: true, scheme: 'CRN', otherId: '1010101010', vatNumber: '', postalCode: '12222' });
    expect(draftOf(null)).toEqual(emptyDraft);
    expect(buyerOf(draftOf(buyerOf(typed)))).toEqual(buyerOf(typed));
  });

  it("puts main's problems next to their fields and the keyboard on the first one on screen", () => {
    const problems = [problem('postalCode', 'BR-KSA-67'), problem('vatNumber'), problem('vatNumber', 'BR-KSA-40')];
    expect(problemsByField(problems).vatNumber?.map((p) => p.rule)).toEqual(['BR-KSA-44', 'BR-KSA-40']);
    expect(problemsByField(problems).legalName).toBeUndefined();
    expect(firstBadField(problems, false)).toBe('vatNumber');
    expect(firstBadField([problem('otherId'), problem('postalCode')], true)).toBe('otherId');
    expect(firstBadField([], false)).toBeNull();
  });

  it('moves Enter on to the next field on screen and stops after the last one (Enter never saves)', () => {
    expect(nextField('legalName', false)).toBe('vatNumber');
    expect(nextField('legalName', true)).toBe('otherId');
    expect(nextField('otherId', true)).toBe('buildingNumber');
    expect(nextField('postalCode', false)).toBeNull();
  });
});

const receipt = { receiptNo: 'T01-000001' } as Receipt;
const state = (clearance: TaxInvoiceState['clearance'], problem: string | null = null): TaxInvoiceState => ({ receiptNo: 'T01-000001', clearance, messages: [], problem, receipt });

describe('the clearance panel', () => {
  it('is clearing as it opens and while it asks, with nothing offered and Enter held', () => {
    for (const inputs of [
      { initial: 'waiting' as const, busy: null, answer: null, error: null },
      { initial: 'waiting' as const, busy: 'clearing' as const, answer: null, error: null },
    ]) {
      expect(clearanceView(inputs)).toEqual({ phase: 'clearing', tryAgain: false, simplifiedInstead: false, decided: false });
    }
  });

  it('cleared, reported or replaced: decided, nothing offered', () => {
    for (const c of ['cleared', 'reported', 'replaced'] as const) {
      expect(clearanceView({ initial: 'waiting', busy: null, answer: state(c), error: null })).toEqual({ phase: c, tryAgain: false, simplifiedInstead: false, decided: true });
    }
  });

  it('rejected: only the simplified invoice instead (the same document would be refused again)', () => {
    expect(clearanceView({ initial: 'waiting', busy: null, answer: state('rejected'), error: null })).toEqual({ phase: 'rejected', tryAgain: false, simplifiedInstead: true, decided: false });
  });

  it('unreachable or a failed call: try again, or the simplified invoice instead', () => {
    expect(clearanceView({ initial: 'waiting', busy: null, answer: state('waiting', 'HTTP 503'), error: null })).toEqual({ phase: 'unreachable', tryAgain: true, simplifiedInstead: true, decided: false });
    const failed = clearanceView({ initial: 'waiting', busy: null, answer: null, error: { code: 'CONNECTION_LOST', message_ar: 'x', message_en: 'x' } });
    expect(failed).toEqual({ phase: 'failed', tryAgain: true, simplifiedInstead: true, decided: false });
  });

  it('while the simplified invoice is being issued nothing else is offered', () => {
    expect(clearanceView({ initial: 'waiting', busy: 'issuing', answer: state('rejected'), error: null })).toEqual({ phase: 'issuing', tryAgain: false, simplifiedInstead: false, decided: false });
  });
});

describe('the buyer dialog among the till dialogs', () => {
  const ctx = (sale = openSale()) => ({ sale, selectedLineId: null, cardPayments: false, stcPayPayments: false });

  it('opens on the open sale, even an empty one, but not while a payment is on it', () => {
    expect(opening({ kind: 'buyer' }, ctx())).toEqual({ ok: true, target: { kind: 'buyer', saleId: openSale().saleId }, clearsBanner: true });
    expect(opening({ kind: 'buyer' }, ctx(openSale({ lines: [], dueHalalas: 0 })))).toMatchObject({ ok: true });
    expect(opening({ kind: 'buyer' }, ctx(openSale({ payment: intent() })))).toEqual({ ok: false, code: 'PAYMENT_PENDING' });
  });

  it('goes when its sale does (completed, voided) or a payment starts on it', () => {
    const sale = openSale();
    const state = tillDialogs(noDialogs, { type: 'open', target: { kind: 'buyer', saleId: sale.saleId } });
    expect(shownDialog(state, { sale, paymentCallBusy: false }).kind).toBe('buyer');
    expect(shownDialog(state, { sale: openSale({ saleId: 'S9' }), paymentCallBusy: false }).kind).toBe('none');
    expect(shownDialog(state, { sale: openSale({ payment: intent() }), paymentCallBusy: false }).kind).toBe('none');
  });
});
