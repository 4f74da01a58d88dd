// The pure parts: amounts without floats, the ServiceID derivation, and what every Result / ErrorCondition and every
// suspicious answer means for money.
import { describe, expect, it } from 'vitest';
import { luhnValid } from '../../../main/payments/ecr/pan';
import { controlServiceId, halalasToSar, isValidReference, referenceOfServiceId, sarText, sarToHalalas, serviceIdOf } from '../../../main/payments/nexo';
import { financialOutcome, statusResult } from '../../../main/payments/nexo/outcome';
import { buildPayment, buildTransactionStatus } from '../../../main/payments/nexo/request';
import { parseAnswer } from '../../../main/payments/nexo/response';
import { schemeOfBrand, toTerminalRecord, walletOfBrand } from '../../../main/payments/nexo/record';
import type { MessageHeader } from '../../../main/payments/nexo/types';

describe('amounts: integer halalas ⇄ decimal SAR, no float arithmetic', () => {
  it('every amount up to 5 000 SAR, and large ones, go out as exactly their decimal text and come back', () => {
    const samples = [...Array.from({ length: 500_001 }, (_, i) => i), 99_999_999_999, 12_345_678_901, 1_000_000_001];
    const wrong: number[] = [];
    for (const h of samples) {
      // JSON drops trailing zeros of a number ("12.30" → 12.3); the value must otherwise be exactly the text.
      const expected = sarText(h).replace(/0+$/, '').replace(/\.$/, '');
      const json = JSON.stringify(halalasToSar(h));
      if (json !== expected || sarToHalalas(JSON.parse(json)) !== h) wrong.push(h);
    }
    expect(wrong).toEqual([]);
    expect(sarText(5)).toBe('0.05');
    expect(sarText(1234)).toBe('12.34');
    expect(JSON.stringify(halalasToSar(1005))).toBe('10.05');
  });

  it('refuses what it cannot read exactly', () => {
    for (const bad of [12.345, 0.1 + 0.2, -1, Number.NaN, Infinity, 1e21, 1e-7, '12.34', null, undefined, 1_000_000_000]) expect(sarToHalalas(bad)).toBeNull();
    expect(() => sarText(-1)).toThrow(RangeError);
    expect(() => sarText(1.5)).toThrow(RangeError);
  });
});

describe('ServiceID derivation', () => {
  it('N + nine base-36 characters of the 14-digit reference: ≤ 10 characters, one-to-one, reversible', () => {
    expect(serviceIdOf('00000000000042')).toBe('N000000016');
    expect(serviceIdOf('99999999999999')).toBe('NZG3D62R5R');
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i += 1) {
      const ref = String(Math.floor(Math.random() * 1e14)).padStart(14, '0');
      const id = serviceIdOf(ref);
      expect(id).toMatch(/^N[0-9A-Z]{9}$/);
      expect(referenceOfServiceId(id)).toBe(ref);
      seen.add(`${ref}:${id}`);
    }
    const ids = new Set([...seen].map((s) => s.split(':')[1]));
    const refs = new Set([...seen].map((s) => s.split(':')[0]));
    expect(ids.size).toBe(refs.size);
  });

  it('only the till’s 14-digit references; control ServiceIDs never look financial', () => {
    for (const bad of ['123', '0123456789012', '123456789012345', '1234567890123a', '']) {
      expect(isValidReference(bad)).toBe(false);
      expect(() => serviceIdOf(bad)).toThrow(RangeError);
    }
    for (const kind of ['status', 'abort', 'reconciliation', 'diagnosis'] as const) {
      const id = controlServiceId(kind);
      expect(id).toHaveLength(10);
      expect(referenceOfServiceId(id)).toBeNull();
    }
  });
});

const parties = { saleId: 'TILL-1', poiId: 'POI-1' };
const now = () => new Date('2026-02-01T10:00:00.000Z');
const REF = '00000000001234';
const sent = buildPayment(parties, { reference: REF, amountHalalas: 1000, at: now() }).SaleToPOIRequest.MessageHeader;
const answerHeader = (over: Partial<MessageHeader> = {}) => ({ ...sent, MessageType: 'Response', ...over });
const paymentAnswer = (response: Record<string, unknown>, extra: Record<string, unknown> = {}, header = answerHeader()) =>
  JSON.stringify({
    SaleToPOIResponse: {
      MessageHeader: header,
      PaymentResponse: {
        Response: response,
        SaleData: { SaleTransactionID: { TransactionID: REF, TimeStamp: '2026-02-01T10:00:00Z' } },
        POIData: { POITransactionID: { TransactionID: 'T1.1', TimeStamp: '2026-02-01T10:00:01Z' } },
        ...extra,
      },
    },
  });
const live = (text: string) => financialOutcome(parseAnswer(text), sent, { reference: REF, requestedHalalas: 1000, poiId: 'POI-1', now });
const amounts = (sar: unknown, currency = 'SAR') => ({ PaymentResult: { AmountsResp: { Currency: currency, AuthorizedAmount: sar } } });

describe('what a live answer means', () => {
  it('Success → approved (amount from AuthorizedAmount, else what we asked); Partial → approved for less', () => {
    expect(live(paymentAnswer({ Result: 'Success' }, amounts(10)))).toMatchObject({ kind: 'approved', record: { amountHalalas: 1000 } });
    expect(live(paymentAnswer({ Result: 'Success' }))).toMatchObject({ kind: 'approved', record: { amountHalalas: 1000 } });
    expect(live(paymentAnswer({ Result: 'Partial' }, amounts(4.5)))).toMatchObject({ kind: 'approved', record: { amountHalalas: 450 } });
    expect(live(paymentAnswer({ Result: 'Partial' }))).toMatchObject({ kind: 'unknown', why: 'corrupt' });
  });

  it.each([
    ['Refusal', 'declined'],
    ['WrongPIN', 'declined'],
    ['InvalidCard', 'declined'],
    ['Cancel', 'declined'],
    ['Aborted', 'declined'],
    ['PaymentRestriction', 'declined'],
    ['NotAllowed', 'declined'],
    ['MessageFormat', 'declined'],
    ['UnavailableService', 'declined'],
    ['Busy', 'unknown'],
    ['InProgress', 'unknown'],
    ['DeviceOut', 'unknown'],
    ['UnavailableDevice', 'unknown'],
    ['UnreachableHost', 'unknown'],
    ['NotFound', 'unknown'],
    ['', 'unknown'],
    ['SomethingNew', 'unknown'],
  ])('Failure %s → %s', (condition, kind) => {
    const outcome = live(paymentAnswer(condition ? { Result: 'Failure', ErrorCondition: condition } : { Result: 'Failure' }));
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === 'declined') expect(outcome.reason.ar).not.toBe('');
  });

  it('anything that is not clearly our answer is unknown, never declined', () => {
    const cases = [
      paymentAnswer({ Result: 'Success' }, amounts(10, 'USD')),
      paymentAnswer({ Result: 'Success' }, amounts(10.005)),
      paymentAnswer({ Result: 'Success' }, amounts('10.00')),
      paymentAnswer({ Result: 'Maybe' }),
      paymentAnswer({ Result: 'Success' }, {}, answerHeader({ ServiceID: 'N999999999' })),
      paymentAnswer({ Result: 'Success' }, {}, answerHeader({ SaleID: 'OTHER-TILL' })),
      paymentAnswer({ Result: 'Success' }, {}, answerHeader({ MessageCategory: 'Reversal' })),
      paymentAnswer({ Result: 'Success' }, { SaleData: { SaleTransactionID: { TransactionID: '99999999999999', TimeStamp: 'x' } } }),
      JSON.stringify({ SaleToPOIRequest: { MessageHeader: { MessageCategory: 'Event' }, EventNotification: { EventToNotify: 'Reject', EventDetails: 'message=Did+not+receive+a+response+from+the+POI.' } } }),
      '{"SaleToPOIResponse": {',
      '',
      '"ok"',
      '{}',
    ];
    for (const text of cases) expect(live(text).kind, text).toBe('unknown');
    expect(live(cases[8]!)).toMatchObject({ why: 'timeout', detail: expect.stringContaining('Did not receive a response from the POI') });
  });
});

describe('what a TransactionStatus answer means', () => {
  const status = buildTransactionStatus(parties, { reference: REF, category: 'Payment' }).SaleToPOIRequest.MessageHeader;
  const statusAnswer = (body: Record<string, unknown>) =>
    parseAnswer(JSON.stringify({ SaleToPOIResponse: { MessageHeader: { ...status, MessageType: 'Response' }, TransactionStatusResponse: body } }));
  const repeated = (header: Partial<MessageHeader>, payment: Record<string, unknown>) => ({
    Response: { Result: 'Success' },
    RepeatedMessageResponse: { MessageHeader: { ...sent, MessageType: 'Response', ...header }, RepeatedResponseMessageBody: { PaymentResponse: payment } },
  });
  const payment = (response: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    Response: response,
    SaleData: { SaleTransactionID: { TransactionID: REF, TimeStamp: 'x' } },
    POIData: { POITransactionID: { TransactionID: 'T1.1', TimeStamp: '2026-02-01T10:00:01Z' } },
    ...extra,
  });
  const read = (body: Record<string, unknown>) => statusResult(statusAnswer(body), status, { reference: REF, category: 'Payment' }, { poiId: 'POI-1', now });

  it('found / in progress / not found', () => {
    expect(read(repeated({}, payment({ Result: 'Success' }, amounts(10))))).toMatchObject({ kind: 'found', outcome: { kind: 'approved', record: { amountHalalas: 1000 } } });
    // The stored final result: any Failure is a decline, even one that would be unknown live.
    expect(read(repeated({}, payment({ Result: 'Failure', ErrorCondition: 'UnreachableHost' }))).kind).toBe('found');
    expect(read({ Response: { Result: 'Failure', ErrorCondition: 'InProgress' } })).toMatchObject({ kind: 'in-progress' });
    expect(read(repeated({}, payment({ Result: 'Failure', ErrorCondition: 'InProgress' })))).toMatchObject({ kind: 'in-progress' });
    expect(read({ Response: { Result: 'Failure', ErrorCondition: 'NotFound' } })).toEqual({ kind: 'not-found' });
  });

  it('a repeated response that is not exactly ours, or an approval without an amount, stays unreachable', () => {
    const cases = [
      repeated({ ServiceID: 'N000000099' }, payment({ Result: 'Success' }, amounts(10))),
      repeated({ MessageCategory: 'Reversal' }, payment({ Result: 'Success' }, amounts(10))),
      repeated({ SaleID: 'OTHER' }, payment({ Result: 'Success' }, amounts(10))),
      repeated({}, payment({ Result: 'Success' }, { ...amounts(10), SaleData: { SaleTransactionID: { TransactionID: '00000000009999', TimeStamp: 'x' } } })),
      repeated({}, payment({ Result: 'Success' })),
      { Response: { Result: 'Success' } },
      { Response: { Result: 'Failure', ErrorCondition: 'Busy' } },
    ];
    for (const body of cases) expect(read(body).kind, JSON.stringify(body)).toBe('unreachable');
  });
});

describe('the record', () => {
  const card = (extra: Record<string, unknown>) => ({
    POIData: { POITransactionID: { TransactionID: 'T9.4111111111111111', TimeStamp: '2026-02-01T13:00:00+03:00' } },
    PaymentResult: {
      PaymentInstrumentData: { PaymentInstrumentType: 'Card', CardData: { MaskedPan: '476173******0010', PaymentBrand: 'visa', EntryMode: ['ICC'], ...extra } },
      PaymentAcquirerData: { AcquirerPOIID: 'TID1', MerchantID: 'M1', ApprovalCode: '123456', AcquirerTransactionID: { TransactionID: 'RRN 4761739001010010', TimeStamp: 'x' } },
    },
  });
  const record = (body: Record<string, unknown>) =>
    toTerminalRecord(body, { reference: REF, amountHalalas: 1, approved: true, responseCode: 'Success', poiId: 'POI', fallbackAt: 'fallback', texts: { en: 'a', ar: 'b' } });

  it('identifiers stay verbatim (a Luhn-valid 16-digit PSP reference is not a card number) unless they hold this card’s number', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    const r = record(card({}));
    expect(r.rrn).toBe('T9.4111111111111111');
    expect(r.stan).toBe('RRN 476173******0010');
    expect(r.at).toBe('2026-02-01T13:00:00+03:00');
  });

  it('a full number in MaskedPan is masked, and then masked wherever else it appears', () => {
    const r = record(card({ MaskedPan: '4761739001010010' }));
    expect(r.maskedPan).toBe('476173******0010');
    expect(r.stan).toBe('RRN 476173******0010');
  });

  it('brands: scheme before the underscore, wallets by name', () => {
    expect(schemeOfBrand('mc_applepay')).toBe('MASTERCARD');
    expect(schemeOfBrand('mada')).toBe('MADA');
    expect(schemeOfBrand('cup')).toBe('UNIONPAY');
    expect(schemeOfBrand('visadebit')).toBe('VISA');
    expect(schemeOfBrand('applepay')).toBe('OTHER');
    expect(walletOfBrand('visa_applepay', [])).toBe('apple_pay');
    expect(walletOfBrand('paywithgoogle', [])).toBe('google_pay');
    expect(walletOfBrand('samsungpay', [])).toBe('samsung_pay');
    expect(walletOfBrand('mada', ['Mobile'])).toBe('other_wallet');
    expect(walletOfBrand('mada', ['Contactless'])).toBeNull();
  });
});
