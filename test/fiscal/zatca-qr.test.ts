import { describe, expect, it } from 'vitest';
import {
  decodeTlv,
  encodeTlv,
  halalasToSar,
  parseZatcaQr,
  zatcaPhase1Qr,
  zatcaPhase1Tlv,
  zatcaQrForReceipt,
} from '../../main/fiscal';

// Public test vectors (zatca.md §1): SallaApp/ZATCA tests/Unit/GenerateQrCodeTest.php and
// axenda/zatca tests/invoice.test.ts. VAT 1234567891, total 100.00, VAT 15.00.
const vectors = [
  ['Salla', '2021-07-12T14:25:09Z', 'AQVTYWxsYQIKMTIzNDU2Nzg5MQMUMjAyMS0wNy0xMlQxNDoyNTowOVoEBjEwMC4wMAUFMTUuMDA='],
  ['سلة', '2021-07-12T14:25:09Z', 'AQbYs9mE2KkCCjEyMzQ1Njc4OTEDFDIwMjEtMDctMTJUMTQ6MjU6MDlaBAYxMDAuMDAFBTE1LjAw'],
  ['Axenda', '2021-12-04T00:00:00Z', 'AQZBeGVuZGECCjEyMzQ1Njc4OTEDFDIwMjEtMTItMDRUMDA6MDA6MDBaBAYxMDAuMDAFBTE1LjAw'],
  ['اكسندا', '2021-12-04T00:00:00Z', 'AQzYp9mD2LPZhtiv2KcCCjEyMzQ1Njc4OTEDFDIwMjEtMTItMDRUMDA6MDA6MDBaBAYxMDAuMDAFBTE1LjAw'],
] as const;

describe('ZATCA phase 1 QR', () => {
  it.each(vectors)('matches the public vector for %s', (sellerName, timestamp, expected) => {
    const qr = zatcaPhase1Qr({ sellerName, vatNumber: '1234567891', timestamp, totalWithVat: '100.00', vatTotal: '15.00' });
    expect(qr).toBe(expected);
  });

  it('counts lengths in UTF-8 bytes, not string length', () => {
    const tlv = zatcaPhase1Tlv({
      sellerName: 'سلة',
      vatNumber: '1234567891',
      timestamp: '2021-07-12T14:25:09Z',
      totalWithVat: '100.00',
      vatTotal: '15.00',
    });
    expect(tlv[0]).toBe(1);
    expect(tlv[1]).toBe(6); // three Arabic letters, two bytes each
  });

  it('keeps a field of 128 bytes or more intact (one length byte, no re-encoding)', () => {
    const sellerName = 'شركة نقطة لأنظمة نقاط البيع المحدودة - فرع الرياض، حي العليا | Nuqta Point of Sale Systems Co. Ltd.';
    const bytes = Buffer.byteLength(sellerName, 'utf8');
    expect(bytes).toBeGreaterThanOrEqual(128);
    const timestamp = '2024-03-05T11:30:12Z';
    const tlv = zatcaPhase1Tlv({ sellerName, vatNumber: '300000000000003', timestamp, totalWithVat: '27.75', vatTotal: '3.62' });
    expect(tlv[1]).toBe(bytes); // a single length byte ≥ 0x80, not a UTF-8 encoded code point
    expect(tlv.length).toBe(2 + bytes + 2 + 15 + 2 + timestamp.length + 2 + 5 + 2 + 4);
    const fields = decodeTlv(tlv);
    expect(fields.map((f) => f.tag)).toEqual([1, 2, 3, 4, 5]);
    expect(fields[0]!.value.toString('utf8')).toBe(sellerName);
    const parsed = parseZatcaQr(tlv.toString('base64'));
    expect(parsed.sellerName).toBe(sellerName);
    expect(parsed.totalWithVat).toBe('27.75');
  });

  it('handles a 255-byte field and refuses 256', () => {
    expect(decodeTlv(encodeTlv([{ tag: 1, value: 'a'.repeat(255) }]))[0]!.value.length).toBe(255);
    expect(() => encodeTlv([{ tag: 1, value: 'ب'.repeat(128) }])).toThrow(/256 bytes/);
  });

  it('copies the issue time verbatim and rejects a time without Z', () => {
    const receipt = {
      shopNameAr: 'متجر نقطة',
      vatNumber: '300000000000003',
      issuedAt: '2024-03-05T11:30:12.345Z',
      totals: { subtotalHalalas: 2413, vatHalalas: 362, totalHalalas: 2775, breakdown: [] },
    };
    const parsed = parseZatcaQr(zatcaQrForReceipt(receipt));
    expect(parsed).toMatchObject({
      sellerName: 'متجر نقطة',
      vatNumber: '300000000000003',
      timestamp: '2024-03-05T11:30:12.345Z',
      totalWithVat: '27.75',
      vatTotal: '3.62',
    });
    for (const bad of ['2024-03-05T14:30:12+03:00', '2024-03-05T11:30:12', '2024-03-05 11:30:12Z']) {
      expect(() => zatcaQrForReceipt({ ...receipt, issuedAt: bad })).toThrow(/ISO 8601/);
    }
  });

  it('formats halalas with integer math', () => {
    expect(halalasToSar(0)).toBe('0.00');
    expect(halalasToSar(5)).toBe('0.05');
    expect(halalasToSar(10000)).toBe('100.00');
    expect(halalasToSar(30)).toBe('0.30');
    expect(halalasToSar(-1234)).toBe('-12.34');
    expect(halalasToSar(999_999_999_99)).toBe('999999999.99');
  });
});
