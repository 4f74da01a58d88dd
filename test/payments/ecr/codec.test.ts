import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { declineReason, isCancellation } from '../../../main/payments/ecr/codes';
import { formatEcrDateTime, parseEcrDateTime } from '../../../main/payments/ecr/datetime';
import { encodeFrame, ETX, FrameReader, FS, splitFrame, STX } from '../../../main/payments/ecr/frame';
import { decodeIso88596Hex, encodeIso88596Hex } from '../../../main/payments/ecr/iso8859-6';
import { lrcFor, matchLrc, sdkAsciiHexLrc, xorLrc } from '../../../main/payments/ecr/lrc';
import { containsFullPan, sanitizePanField, sanitizeText } from '../../../main/payments/ecr/pan';
import { entryModeOf, schemeOf, toTerminalRecord, verificationOf, walletOf } from '../../../main/payments/ecr/record';
import { buildRequestFrame, decodeRequest, previousEcrNumber, type EcrRequest } from '../../../main/payments/ecr/request';
import { IDX, parseResponse, type TransactionResponse } from '../../../main/payments/ecr/response';
import { sha256Signature, zerosSignature } from '../../../main/payments/ecr/signature';
import { DEFAULT_MERCHANT, settlementFields, statusFields, transactionFields } from '../../../main/sim/ecr-terminal/responses';

const SIG = { sign: () => 'S'.repeat(64) };

describe('LRC', () => {
  it('is the XOR of STX..ETX inclusive', () => {
    const body = Uint8Array.from([STX, FS, 0x41, 0x31, FS, ETX]);
    expect(xorLrc(body)).toBe(0x02 ^ 0xfc ^ 0x41 ^ 0x31 ^ 0xfc ^ 0x03);
  });

  it("reproduces the SDK's ascii-hex mangling (0x8e → 0x87, 0xbd → 0x46) and leaves 0–9 nibbles alone", () => {
    expect(sdkAsciiHexLrc(0x8e)).toBe(0x87);
    expect(sdkAsciiHexLrc(0xbd)).toBe(0x46);
    expect(sdkAsciiHexLrc(0x59)).toBe(0x59);
    expect(sdkAsciiHexLrc(0xff)).toBe(0x88);
    expect(sdkAsciiHexLrc(0x0a)).toBe(0x03);
  });

  it('accepts either form on receive and rejects anything else', () => {
    // Find a body whose XOR has a nibble >= 0xA, so the two forms differ.
    const body = Buffer.from([STX, FS, 0x8e ^ STX ^ FS ^ ETX, ETX]);
    expect(xorLrc(body)).toBe(0x8e);
    expect(lrcFor(body, 'xor')).toBe(0x8e);
    expect(lrcFor(body, 'sdk-ascii-hex')).toBe(0x87);
    expect(matchLrc(body, 0x8e)).toBe('xor');
    expect(matchLrc(body, 0x87)).toBe('sdk-ascii-hex');
    expect(matchLrc(body, 0x88)).toBeNull();
  });
});

describe('frames', () => {
  it('encodes STX FS fields FS ETX LRC and splits back with SDK indices', () => {
    const frame = encodeFrame(['A1', '000000001000', 'x'], 'xor');
    expect(frame[0]).toBe(STX);
    expect(frame[1]).toBe(FS);
    expect(frame[frame.length - 3]).toBe(FS);
    expect(frame[frame.length - 2]).toBe(ETX);
    expect(frame[frame.length - 1]).toBe(xorLrc(frame.subarray(0, frame.length - 1)));
    expect(splitFrame(frame)).toEqual(['', 'A1', '000000001000', 'x']);
  });

  it('refuses fields that would break the framing', () => {
    expect(() => encodeFrame(['A1', 'a\x03b'], 'xor')).toThrow(RangeError);
    expect(() => encodeFrame(['A1', 'a\xfcb'], 'xor')).toThrow(RangeError);
    expect(() => encodeFrame(['A1', 'مدى'], 'xor')).toThrow(RangeError);
  });

  it('reader: garbage before STX, byte-by-byte delivery, both LRC forms, corrupt, ACK/NAK outside frames', () => {
    const a = encodeFrame(['C3', '000', 'APPROVED'], 'xor');
    const b = encodeFrame(['C3', '116', 'DECLINED'], 'sdk-ascii-hex');
    const bad = Buffer.from(a);
    bad[bad.length - 1] = bad.at(-1)! ^ 0x55;
    const reader = new FrameReader();
    const stream = Buffer.concat([Buffer.from('\x00\x02zz\x06noise'), a, Buffer.from([0x15]), b, bad]);
    const events = [...stream].flatMap((byte) => reader.push(Uint8Array.of(byte)));
    expect(events.map((e) => e.type)).toEqual(['control', 'frame', 'control', 'frame', 'corrupt']);
    expect(events[1]).toMatchObject({ type: 'frame', lrc: 'xor' });
    expect(events[3]).toMatchObject({ type: 'frame', lrc: 'sdk-ascii-hex' });
  });

  it('reader resynchronises on a real frame hidden behind a stray STX FS', () => {
    const real = encodeFrame(['C3', '000', 'APPROVED', 'x', 'REF1'], 'xor');
    const reader = new FrameReader();
    const events = reader.push(Buffer.concat([Buffer.from([STX, FS, 0x41, 0x42]), real]));
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('frame');
    expect(splitFrame((events[0] as { frame: Buffer }).frame)[5]).toBe('REF1');
  });
});

describe('requests (exact SDK pack() layout)', () => {
  const opts = { lrcMode: 'xor' as const, signature: SIG };
  const dt = '311225235959';

  it('A1 purchase: STX FS A1 FS amount FS datetime FS ref FS print FS sig FS 120 FS ETX LRC', () => {
    const frame = buildRequestFrame({ command: 'A1', datetime: dt, ecrRef: '00000000000042', amountHalalas: 1234, printFlag: '1' }, opts);
    const expected = Buffer.concat([
      Buffer.from([STX, FS]),
      Buffer.from(['A1', '000000001234', dt, '00000000000042', '1', 'S'.repeat(64), '120'].join('\xfc') + '\xfc', 'latin1'),
      Buffer.from([ETX]),
    ]);
    expect(frame.subarray(0, -1)).toEqual(expected);
    expect(frame.at(-1)).toBe(xorLrc(expected));
  });

  it('builds and decodes every command (round trip), with and without the refund original date', () => {
    const requests: EcrRequest[] = [
      { command: 'A1', datetime: dt, ecrRef: '12345678901234', amountHalalas: 999_999_999_999, printFlag: '0' },
      { command: 'A6', datetime: dt, ecrRef: 'R1', amountHalalas: 500, originalRrn: '251231000001', printFlag: '1' },
      { command: 'A6', datetime: dt, ecrRef: 'R2', amountHalalas: 500, originalRrn: '251231000001', originalDate: '311225', printFlag: '1' },
      { command: 'A5', datetime: dt, ecrRef: 'V1', printFlag: '1' },
      { command: 'B1', datetime: dt, ecrRef: 'S1', printFlag: '1' },
      { command: 'C3', datetime: dt, ecrRef: 'Q1' },
      { command: 'C2', datetime: dt, ecrRef: 'Q2', previousEcrNumber: previousEcrNumber('00000000123456') },
      { command: 'A0', datetime: dt, cashRegisterNo: 'TILL0001' },
    ];
    for (const request of requests) {
      for (const lrcMode of ['xor', 'sdk-ascii-hex'] as const) {
        const frame = buildRequestFrame(request, { lrcMode, signature: sha256Signature });
        const events = new FrameReader().push(frame);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ type: 'frame', lrc: lrcFor(frame.subarray(0, -1), 'xor') === frame.at(-1) ? 'xor' : 'sdk-ascii-hex' });
        const decoded = decodeRequest(splitFrame(frame));
        expect(decoded?.request).toEqual(request);
        expect(decoded?.timeoutS).toBe(120);
      }
    }
    expect(previousEcrNumber('00000000123456')).toBe('123456');
  });

  it('register sends neither reference nor signature (as pack() does)', () => {
    const fields = splitFrame(buildRequestFrame({ command: 'A0', datetime: dt, cashRegisterNo: 'TILL0001' }, opts));
    expect(fields).toEqual(['', 'A0', dt, 'TILL0001', '120']);
  });

  it('validates amounts, references, RRNs and signature length before anything is built', () => {
    const bad: Array<[EcrRequest, typeof opts]> = [
      [{ command: 'A1', datetime: dt, ecrRef: 'R', amountHalalas: 0, printFlag: '1' }, opts],
      [{ command: 'A1', datetime: dt, ecrRef: 'R', amountHalalas: 1.5, printFlag: '1' }, opts],
      [{ command: 'A1', datetime: dt, ecrRef: 'R', amountHalalas: 1e12, printFlag: '1' }, opts],
      [{ command: 'A1', datetime: dt, ecrRef: '123456789012345', amountHalalas: 1, printFlag: '1' }, opts],
      [{ command: 'A1', datetime: dt, ecrRef: 'a;b', amountHalalas: 1, printFlag: '1' }, opts],
      [{ command: 'A6', datetime: dt, ecrRef: 'R', amountHalalas: 1, originalRrn: '', printFlag: '1' }, opts],
      [{ command: 'A1', datetime: dt, ecrRef: 'R', amountHalalas: 1, printFlag: '1' }, { lrcMode: 'xor', signature: { sign: () => 'short' } }],
    ];
    for (const [request, o] of bad) expect(() => buildRequestFrame(request, o)).toThrow(RangeError);
  });

  it('signature providers: our SHA-256 convention and zeros', () => {
    const s = sha256Signature.sign({ command: 'A1', ecrRef: 'R1', amount: '000000001000', datetime: dt });
    expect(s).toMatch(/^[0-9a-f]{64}$/);
    expect(s).toBe(createHash('sha256').update(`R1000000001000${dt}`).digest('hex'));
    expect(zerosSignature.sign({ command: 'A0', ecrRef: '', amount: '', datetime: dt })).toBe('0'.repeat(64));
  });
});

function response(overrides: Partial<Parameters<typeof transactionFields>[0]> = {}) {
  const fields = transactionFields(
    {
      command: 'A1',
      responseCode: '000',
      message: 'APPROVED',
      amountHalalas: 2775,
      stan: '000017',
      datetime: '150325143005',
      rrn: '250315000017',
      authCode: '123456',
      card: 'mada',
      cvm: 'pin',
      entry: 'chip',
      wallet: null,
      ecrRef: '00000000000077',
      ...overrides,
    },
    DEFAULT_MERCHANT,
  );
  return encodeFrame(fields.slice(1), 'xor');
}

describe('responses', () => {
  it('parses every documented index, including the ISO-8859-6 hex Arabic texts', () => {
    const parsed = parseResponse(response()) as TransactionResponse;
    expect(parsed).toMatchObject({
      kind: 'transaction',
      command: 'A1',
      responseCode: '000',
      message: 'APPROVED',
      maskedPan: '588845******2017',
      amountHalalas: 2775,
      stan: '000017',
      at: '2025-03-15T14:30:05+03:00',
      rrn: '250315000017',
      authCode: '123456',
      tid: DEFAULT_MERCHANT.tid,
      mid: DEFAULT_MERCHANT.mid,
      aid: 'A0000002281010',
      cvr: '420300',
      entryModeRaw: '051',
      schemeLabel: 'mada',
      ecrRef: '00000000000077',
      merchant: { nameEn: 'NUQTA DEMO STORE', nameAr: 'متجر نقطة التجريبي', addressAr: 'شارع العليا، الرياض' },
    });
    const record = toTerminalRecord(parsed, { reference: 'x', fallbackAmount: 0, fallbackAt: '' });
    expect(record).toMatchObject({ approved: true, scheme: 'MADA', verification: 'pin', entryMode: 'chip', wallet: null, amountHalalas: 2775 });
    expect(record.texts.ar).toBe('متجر نقطة التجريبي\nشارع العليا، الرياض');
  });

  it('decodes hand-written ISO-8859-6 hex (م=E5 د=CF ى=E9; الرياض; Arabic comma AC)', () => {
    expect(decodeIso88596Hex('E5CFE9')).toBe('مدى');
    expect(decodeIso88596Hex('C7E4D1EAC7D6')).toBe('الرياض');
    expect(decodeIso88596Hex('c7e4d1eac7d6ac20')).toBe('الرياض، ');
    expect(encodeIso88596Hex('مدى')).toBe('E5CFE9');
    expect(decodeIso88596Hex('not hex')).toBe('not hex');
    expect(decodeIso88596Hex('A0')).toBe('\u00a0');
    expect(decodeIso88596Hex('A1')).toBe('\ufffd');
  });

  it('Apple Pay: CVR 640300 / DEVICE OWNER IDENTITY VERIFIED → cdcvm + apple_pay, contactless; VISA, MC, AMEX schemes', () => {
    const apple = parseResponse(response({ wallet: 'apple_pay', cvm: 'cdcvm', entry: 'contactless', card: 'visa' })) as TransactionResponse;
    const record = toTerminalRecord(apple, { reference: 'x', fallbackAmount: 0, fallbackAt: '' });
    expect(record).toMatchObject({ scheme: 'VISA', verification: 'cdcvm', wallet: 'apple_pay', entryMode: 'contactless' });
    expect(schemeOf('MASTERCARD', '')).toBe('MASTERCARD');
    expect(schemeOf('AMERICAN EXPRESS', '')).toBe('AMEX');
    expect(schemeOf('', 'A0000002281010')).toBe('MADA');
    expect(schemeOf('', 'A0000000041010')).toBe('MASTERCARD');
    expect(schemeOf('mada', 'A0000000031010')).toBe('MADA'); // co-badged: the label says which application
    expect(schemeOf('???', '')).toBe('OTHER');
    expect(verificationOf({ cvr: '1F0302', productInfo: '', disclaimer: '', message: '' })).toBe('no_cvm');
    expect(verificationOf({ cvr: '5E0300', productInfo: '', disclaimer: '', message: '' })).toBe('signature');
    expect(verificationOf({ cvr: '', productInfo: '', disclaimer: 'DEVICE OWNER IDENTITY VERIFIED', message: '' })).toBe('cdcvm');
    expect(walletOf({ schemeLabel: 'VISA', productInfo: '', disclaimer: '' }, 'cdcvm')).toBe('other_wallet');
    expect(walletOf({ schemeLabel: 'VISA', productInfo: 'APPLE PAY', disclaimer: '' }, 'pin')).toBeNull();
    expect(entryModeOf('071')).toBe('contactless');
    // Terminals that send the two-digit PAN entry mode alone.
    expect(entryModeOf('07')).toBe('contactless');
    expect(entryModeOf('05')).toBe('chip');
    expect(entryModeOf('02')).toBe('swipe');
    expect(entryModeOf('021')).toBe('swipe');
    expect(entryModeOf('CHIP')).toBe('chip');
    expect(entryModeOf('')).toBe('unknown');
  });

  it('masks a full PAN wherever it appears before it leaves the codec', () => {
    const leaked = parseResponse(response({ unmaskedPan: true })) as TransactionResponse;
    expect(leaked.maskedPan).toBe('588845******2017');
    // In free text and in the Arabic hex fields too.
    const fields = transactionFields(
      { command: 'A1', responseCode: '000', message: 'APPROVED', amountHalalas: 1, stan: '1', datetime: '150325143005', rrn: '1', authCode: '1', card: 'visa', cvm: 'pin', entry: 'chip', wallet: null, ecrRef: 'R' },
      DEFAULT_MERCHANT,
    );
    fields[IDX.disclaimer] = 'CARD 4111 1111 1111 1111 USED';
    fields[IDX.merchantNameAr] = Buffer.from('4111111111111111', 'latin1').toString('hex');
    fields[IDX.pan] = '4111-1111-1111-1111';
    fields[IDX.rrn] = '4111111111111111';
    const parsed = parseResponse(encodeFrame(fields.slice(1), 'xor')) as TransactionResponse;
    expect(parsed.maskedPan).toBe('411111******1111');
    expect(parsed.disclaimer).toBe('CARD 411111******1111 USED');
    expect(parsed.merchant.nameAr).toBe('411111******1111');
    expect(parsed.rrn).toBe('411111******1111');
    expect(containsFullPan(JSON.stringify(parsed))).toBe(false);
    expect(sanitizePanField('5888450000002014')).toBe('588845******2014');
    expect(sanitizeText('VAT 300000000000003')).toBe('VAT 300000000000003'); // not Luhn-valid: not a PAN
    expect(sanitizeText('VAT 300000000000007')).toBe('VAT 300000*****0007'); // Luhn-valid: masked, to be safe
    expect(sanitizeText('x 0000000000000000004111111111111111 y')).not.toContain('4111111111111111');
    expect(sanitizeText('A0000002281010')).toBe('A0000002281010'); // AIDs: leading zeros are not a PAN
    expect(sanitizeText('0'.repeat(64))).toBe('0'.repeat(64));
    expect(sanitizeText('12345678901234567890123')).toBe('123456*************0123'); // > 19 digits: always masked
  });

  it('our own identifiers survive verbatim even when they happen to be Luhn-valid', () => {
    const ref = '10000000000008'; // Luhn-valid 14 digits
    expect(containsFullPan(ref)).toBe(true);
    const fields = transactionFields(
      { command: 'A1', responseCode: '000', message: 'APPROVED', amountHalalas: 1, stan: '1', datetime: '150325143005', rrn: '1', authCode: '1', card: 'visa', cvm: 'pin', entry: 'chip', wallet: null, ecrRef: ref },
      { ...DEFAULT_MERCHANT, mid: '880000012345679' },
    );
    const parsed = parseResponse(encodeFrame(fields.slice(1), 'xor')) as TransactionResponse;
    expect(parsed.ecrRef).toBe(ref);
    expect(parsed.mid).toBe('880000012345679');
    expect(containsFullPan('880000012345679')).toBe(true);
    expect(parsed.aid).toBe('A0000000031010');
    expect(parseResponse(encodeFrame(statusFields('000', 'APPROVED', '150325143005', ref).slice(1), 'xor'))).toMatchObject({ ecrRef: ref });
    // …but a card number in their place is still masked.
    fields[IDX.ecrRef] = '4111111111111111';
    fields[IDX.mid] = '4111111111111111';
    const leaked = parseResponse(encodeFrame(fields.slice(1), 'xor')) as TransactionResponse;
    expect([leaked.ecrRef, leaked.mid]).toEqual(['411111******1111', '411111******1111']);
  });

  it('C3 status, C2 no data, busy, settlement, malformed', () => {
    expect(parseResponse(encodeFrame(statusFields('000', 'APPROVED', '150325143005', 'R9').slice(1), 'xor'))).toEqual({
      kind: 'status',
      responseCode: '000',
      message: 'APPROVED',
      at: '2025-03-15T14:30:05+03:00',
      ecrRef: 'R9',
    });
    expect(parseResponse(encodeFrame(['C2', 'NO DATA FOUND'], 'xor'))).toEqual({ kind: 'no-data', command: 'C2' });
    // C2 as the SkyBand SDK reads it: its own four-field header, then the last transaction's answer whole.
    expect(parseResponse(encodeFrame(['C2', '000', 'SUCCESS', '', 'NO DATA FOUND'], 'sdk-ascii-hex'))).toEqual({ kind: 'no-data', command: 'C2' });
    const answer = { command: 'A1', responseCode: '000', message: 'APPROVED', amountHalalas: 2775, stan: '1', datetime: '150325143005', rrn: '1', authCode: '1', card: 'mada', cvm: 'pin', entry: 'chip', wallet: null, ecrRef: 'R7' } as const;
    const repeated = parseResponse(encodeFrame(['C2', '000', 'SUCCESS', ...transactionFields(answer, DEFAULT_MERCHANT)], 'sdk-ascii-hex'));
    expect(repeated).toMatchObject({ kind: 'transaction', command: 'C2', repeatedCommand: 'A1', responseCode: '000', ecrRef: 'R7', amountHalalas: 2775 });
    expect(parseResponse(encodeFrame(['C2', '101', 'NO TRANSACTION'], 'xor'))).toMatchObject({ kind: 'malformed', command: 'C2' });
    expect(parseResponse(encodeFrame(['A1', 'BUSY', 'TERMINAL BUSY'], 'xor'))).toMatchObject({ kind: 'busy' });
    const settlement = settlementFields('501', '150325230000', DEFAULT_MERCHANT, [
      { scheme: 'mada', purchaseCount: 3, purchaseHalalas: 12_000, refundCount: 1, refundHalalas: 500 },
      { scheme: 'VISA CREDIT', purchaseCount: 1, purchaseHalalas: 999, refundCount: 0, refundHalalas: 0 },
    ], 'S1');
    expect(parseResponse(encodeFrame(settlement.slice(1), 'xor'))).toMatchObject({
      kind: 'settlement',
      responseCode: '501',
      schemes: [
        { scheme: 'mada', purchaseCount: 3, purchaseHalalas: 12_000, refundCount: 1, refundHalalas: 500 },
        { scheme: 'VISA CREDIT', purchaseCount: 1, purchaseHalalas: 999, refundCount: 0, refundHalalas: 0 },
      ],
      ecrRef: 'S1',
    });
    expect(parseResponse(encodeFrame(['B1', '500', 'x', 'y', 't', 'm', '3', 'mada'], 'xor'))).toMatchObject({ kind: 'malformed' });
    expect(parseResponse(encodeFrame(['A1', '000'], 'xor'))).toMatchObject({ kind: 'malformed' });
    expect(parseResponse(Buffer.from([STX, ETX, 0]))).toMatchObject({ kind: 'malformed' });
  });
});

describe('codes and dates', () => {
  it('bilingual decline reasons for the common codes and cancellation', () => {
    expect(declineReason('100')).toEqual({ en: 'Do not honour', ar: 'مرفوضة من البنك' });
    expect(declineReason('116').en).toBe('Insufficient funds');
    expect(declineReason('117').en).toBe('Wrong PIN');
    expect(declineReason('121').en).toBe('Exceeds amount limit');
    expect(declineReason('181').en).toMatch(/timeout/);
    expect(declineReason('UC', 'CANCELLED')).toEqual({ en: 'Cancelled', ar: 'إلغاء' });
    expect(declineReason('190', 'CANCELLED').en).toBe('Cancelled');
    expect(isCancellation('000', 'CANCELED')).toBe(true);
    expect(declineReason('555', 'DECLINED').en).toBe('Declined (555)');
    expect(declineReason('555', 'CARD BLOCKED').en).toBe('Declined: CARD BLOCKED');
  });

  it('DDMMYYhhmmss in KSA time both ways; bad dates are null, never a throw', () => {
    expect(formatEcrDateTime(new Date('2025-03-15T11:30:05Z'))).toBe('150325143005');
    expect(parseEcrDateTime('150325143005')).toBe('2025-03-15T14:30:05+03:00');
    expect(parseEcrDateTime('310225000000')).toBeNull();
    expect(parseEcrDateTime('YYYYMMDD')).toBeNull();
    expect(parseEcrDateTime('')).toBeNull();
  });
});
