// The ZATCA QR's own checks, at their edges: a QR that ZATCA would reject, or that a phone would read as other
// figures than the receipt's, must not be printed. Each case stands for one check of main/fiscal.
import { describe, expect, it } from 'vitest';
import { decodeTlv, encodeTlv, halalasToSar, parseZatcaQr, zatcaPhase1Qr, zatcaPhase1Tlv } from '../../main/fiscal';

const fields = { sellerName: 'متجر نقطة', vatNumber: '300000000000003', timestamp: '2024-03-05T11:30:12Z', totalWithVat: '27.75', vatTotal: '3.62' };

describe('what the QR refuses to carry', () => {
  it('a seller name that is empty or only spaces', () => {
    for (const sellerName of ['', '   ', '\t']) expect(() => zatcaPhase1Tlv({ ...fields, sellerName })).toThrow(/seller name is empty/);
    expect(zatcaPhase1Tlv({ ...fields, sellerName: ' x ' }).subarray(2, 5).toString()).toBe(' x ');
  });

  it('a VAT number that is not all digits', () => {
    for (const vatNumber of ['', '30000000000000A', ' 300000000000003', '300000000000003 ', '3000-0000']) {
      expect(() => zatcaPhase1Tlv({ ...fields, vatNumber })).toThrow(/is not digits/);
    }
    expect(() => zatcaPhase1Tlv({ ...fields, vatNumber: '3' })).not.toThrow();
  });

  it('a time that is not ISO 8601 UTC, or not a real time', () => {
    // '+002024-…' is the extended-year form: Date.parse takes it, the QR's format does not.
    const refused = ['2024-03-05T11:30:12', 'x2024-03-05T11:30:12Z', '+002024-03-05T11:30:12Z', '2024-03-05T11:30:12Zx', '2024-03-05T11:30:12.Z', '2024-13-45T11:30:12Z', ''];
    for (const timestamp of refused) {
      expect({ timestamp, thrown: throws(() => zatcaPhase1Tlv({ ...fields, timestamp })) }).toEqual({ timestamp, thrown: expect.stringMatching(/not ISO 8601/) });
    }
    for (const timestamp of ['2024-03-05T11:30:12Z', '2024-03-05T11:30:12.5Z', '2024-03-05T11:30:12.123456789Z']) {
      expect(() => zatcaPhase1Tlv({ ...fields, timestamp })).not.toThrow();
    }
  });

  it('an amount that is not plain decimal text', () => {
    for (const bad of ['', '1e3', '27.', '.75', '27,75', '+27.75', '27.75 ', 'x27.75', '27.75x']) {
      expect({ bad, total: throws(() => zatcaPhase1Tlv({ ...fields, totalWithVat: bad })) }).toEqual({ bad, total: expect.stringMatching(/total .* is not a decimal amount/) });
      expect({ bad, vat: throws(() => zatcaPhase1Tlv({ ...fields, vatTotal: bad })) }).toEqual({ bad, vat: expect.stringMatching(/VAT .* is not a decimal amount/) });
    }
    for (const good of ['0', '27', '27.75', '-27.75', '27.750']) expect(() => zatcaPhase1Tlv({ ...fields, totalWithVat: good, vatTotal: good })).not.toThrow();
  });

  it('more than 700 Base64 characters (the standard\'s limit), exactly 700 being fine', () => {
    // 525 bytes of TLV are exactly 700 Base64 characters: tag 1 (2 + 255), tag 3 (2 + 20), tags 4 and 5 (8 + 7),
    // and a VAT number of 229 digits (2 + 229); one digit more is 526 bytes, 704 characters.
    const at = (digits: number) => ({ ...fields, sellerName: 'a'.repeat(255), vatNumber: '3'.repeat(digits), totalWithVat: '100.00', vatTotal: '15.00', timestamp: '2021-07-12T14:25:09Z' });
    expect(zatcaPhase1Qr(at(229))).toHaveLength(700);
    expect(() => zatcaPhase1Qr(at(230))).toThrow(/704 Base64 characters; the standard allows 700/);
  });
});

describe('TLV', () => {
  it('takes tags 1 to 255 and nothing else', () => {
    expect([...encodeTlv([{ tag: 1, value: '' }, { tag: 255, value: 'z' }])]).toEqual([1, 0, 255, 1, 0x7a]);
    for (const tag of [0, 256, -1, 1.5, Number.NaN]) expect(() => encodeTlv([{ tag, value: 'x' }])).toThrow(/is not a byte/);
  });

  it('stores bytes as they are', () => {
    expect([...encodeTlv([{ tag: 8, value: Uint8Array.of(0x30, 0x82, 0xff) }])]).toEqual([8, 3, 0x30, 0x82, 0xff]);
  });

  it('reads back exactly what was written, and refuses a truncated or overlong record', () => {
    expect(decodeTlv(Buffer.alloc(0))).toEqual([]);
    const two = encodeTlv([{ tag: 1, value: 'ab' }, { tag: 2, value: 'c' }]);
    expect(decodeTlv(two).map((f) => [f.tag, f.value.toString()])).toEqual([[1, 'ab'], [2, 'c']]);
    expect(() => decodeTlv(two.subarray(0, two.length - 1))).toThrow(/tag 2 claims 1 bytes past the end/);
    expect(() => decodeTlv(Buffer.concat([two, Buffer.of(3)]))).toThrow(/truncated at byte 7/);
    // A view into a larger buffer is read from its own start, not the buffer's.
    const larger = Buffer.concat([Buffer.from('junk'), two]);
    expect(decodeTlv(larger.subarray(4)).map((f) => f.tag)).toEqual([1, 2]);
  });

  it('a QR read back names only the tags it has, and keeps every tag', () => {
    const qr = encodeTlv([{ tag: 1, value: 'S' }, { tag: 4, value: '1.00' }, { tag: 9, value: Uint8Array.of(1) }]).toString('base64');
    const parsed = parseZatcaQr(qr);
    expect(parsed).toEqual({ tags: parsed.tags, sellerName: 'S', totalWithVat: '1.00' });
    expect(Object.keys(parsed).sort()).toEqual(['sellerName', 'tags', 'totalWithVat']);
    expect([...parsed.tags.keys()]).toEqual([1, 4, 9]);
  });
});

describe('halalas as the QR writes them', () => {
  it('two decimals always, the sign in front, whole halalas only', () => {
    expect(['9', '10', '99', '100', '101', '-5', '-100'].map((h) => halalasToSar(Number(h)))).toEqual(['0.09', '0.10', '0.99', '1.00', '1.01', '-0.05', '-1.00']);
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(() => halalasToSar(bad)).toThrow(/not a whole number of halalas/);
  });
});

function throws(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
