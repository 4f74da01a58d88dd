import { describe, expect, it } from 'vitest';
import { checkBuyer, type Buyer } from '../../main/fiscal/einvoice/buyer';

const good: Buyer = {
  legalName: 'شركة نماذج فاتورة المحدودة',
  vatNumber: '310175397400003',
  address: { street: 'صلاح الدين', buildingNumber: '1111', district: 'المروج', city: 'الرياض', postalCode: '12222', country: 'SA' },
};
const rules = (b: Buyer) => checkBuyer(b).map((x) => `${x.field}:${x.rule}`);

describe('standard invoice buyer (BR-KSA-42/44/81/14/63/67)', () => {
  it('accepts the SDK sample buyer', () => expect(checkBuyer(good)).toEqual([]));
  it('refuses a VAT number not 3…3 of 15 digits', () => {
    for (const vat of ['310175397400004', '210175397400003', '31017539740000', '3101753974000033']) {
      expect(rules({ ...good, vatNumber: vat })).toEqual(['vatNumber:BR-KSA-44']);
    }
  });
  it('needs a VAT number or another ID with a ZATCA scheme', () => {
    expect(rules({ ...good, vatNumber: undefined })).toEqual(['vatNumber:BR-KSA-81']);
    expect(rules({ ...good, vatNumber: '', otherId: { scheme: 'CRN', value: '1010010000' } })).toEqual([]);
    expect(rules({ ...good, vatNumber: '', otherId: { scheme: 'CRN', value: '10-10' } })).toEqual(['otherId:BR-KSA-14']);
  });
  it('needs the full national address', () => {
    const a = { ...good.address, street: ' ', district: '', buildingNumber: '111', postalCode: '1222a' };
    expect(rules({ ...good, legalName: '', address: a })).toEqual([
      'legalName:BR-KSA-42', 'street:BR-KSA-63', 'district:BR-KSA-63', 'buildingNumber:BR-KSA-63', 'postalCode:BR-KSA-67',
    ]);
  });
  it('gives every message in Arabic and English', () => {
    for (const x of checkBuyer({ ...good, legalName: '', vatNumber: 'x' })) {
      expect(x.message.ar).toMatch(/[\u0600-\u06FF]/);
      expect(x.message.en).not.toBe('');
    }
  });
});
