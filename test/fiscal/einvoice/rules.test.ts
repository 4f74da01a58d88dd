import { describe, expect, it } from 'vitest';
import { checkInvoiceRules, type EInvoiceDocument } from '../../../main/fiscal/einvoice';
import { awkwardDocuments, documentOf, line, randomDocuments } from './documents';

const good = () => documentOf([line(1150, { quantityMilli: 2000 }), line(3333), line(500, { name: 'دواء | Medicine', vatCategory: 'Z' })]);
const rules = (doc: EInvoiceDocument) => checkInvoiceRules(doc).map((v) => v.rule);
const withSeller = (patch: Partial<EInvoiceDocument['seller']>) => ({ ...good(), seller: { ...good().seller, ...patch } });
const withAddress = (patch: Partial<EInvoiceDocument['seller']['address']>) => withSeller({ address: { ...good().seller.address, ...patch } });
/** The sale's totals with one category's figures changed (and nothing else). */
const withCategory = (doc: EInvoiceDocument, category: string, patch: { taxableHalalas?: number; vatHalalas?: number; ratePercent?: number }) => ({
  ...doc,
  totals: { ...doc.totals, breakdown: doc.totals.breakdown.map((b) => (b.category === category ? { ...b, ...patch } : b)) },
});

describe('the rules the till checks before it signs', () => {
  it('correct documents pass: the sample one, and every generated sale and note', () => {
    expect(checkInvoiceRules(good())).toEqual([]);
    for (const doc of [...awkwardDocuments(), ...randomDocuments(120, 5)]) expect(checkInvoiceRules(doc)).toEqual([]);
  });

  it('every violation says what is wrong in Arabic and English', () => {
    const broken = { ...withSeller({ vatNumber: '1', registrationName: ' ' }), uuid: 'x', icv: 0, pih: 'abc', lines: [line(-1, { name: '' })] };
    const found = checkInvoiceRules(broken);
    expect(found.map((v) => v.rule)).toEqual(expect.arrayContaining(['BR-KSA-03', 'BR-KSA-34', 'BR-KSA-61', 'BR-06', 'BR-KSA-40', 'BR-25', 'BR-KSA-F-04']));
    for (const v of found) {
      expect(v.message.en).toMatch(/^[A-Z].+\.$/);
      expect(v.message.ar).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('rounding off by a halala: category VAT not the half-up figure (NUQTA-TOTALS, and BR-CO-14 while the total VAT is not moved with it)', () => {
    const doc = good();
    const s = doc.totals.breakdown[0]!;
    const off = withCategory(doc, 'S', { vatHalalas: s.vatHalalas + 1 });
    expect(rules(off)).toEqual(['NUQTA-TOTALS', 'BR-CO-14']);
    const consistent = { ...off, totals: { ...off.totals, vatHalalas: doc.totals.vatHalalas + 1, totalHalalas: doc.totals.totalHalalas + 1 } };
    // Within ZATCA's own tolerance (BR-S-09 is ±0.01), but not what the lines give: the till refuses it.
    expect(rules(consistent)).toEqual(['NUQTA-TOTALS']);
    // Further off, ZATCA's rule too.
    const far = withCategory(doc, 'S', { vatHalalas: s.vatHalalas + 5 });
    const farTotals = { ...far, totals: { ...far.totals, vatHalalas: doc.totals.vatHalalas + 5, totalHalalas: doc.totals.totalHalalas + 5 } };
    expect(rules(farTotals)).toEqual(['BR-S-09', 'NUQTA-TOTALS']);
  });

  it("a category's taxable amount that is not the sum of its lines' nets (BR-S-08, BR-Z-08, BR-CO-10)", () => {
    const doc = good();
    const s = doc.totals.breakdown[0]!;
    // One halala moved from VAT to taxable: the total still matches the shelf prices, the lines do not.
    const moved = withCategory(doc, 'S', { taxableHalalas: s.taxableHalalas + 1, vatHalalas: s.vatHalalas - 1 });
    const movedTotals = { ...moved, totals: { ...moved.totals, subtotalHalalas: doc.totals.subtotalHalalas + 1, vatHalalas: doc.totals.vatHalalas - 1 } };
    expect(rules(movedTotals)).toEqual(['BR-S-08', 'NUQTA-TOTALS', 'BR-CO-10']);
    const zero = withCategory(doc, 'Z', { taxableHalalas: 499 });
    expect(rules({ ...zero, totals: { ...zero.totals, subtotalHalalas: doc.totals.subtotalHalalas - 1, totalHalalas: doc.totals.totalHalalas - 1 } })).toEqual(['BR-Z-08', 'BR-CO-10']);
  });

  it('document sums (BR-CO-13, BR-CO-15) and the breakdown against the lines (BR-CO-18, BR-Z-01, BR-S-05, BR-Z-09)', () => {
    const doc = good();
    expect(rules({ ...doc, totals: { ...doc.totals, totalHalalas: doc.totals.totalHalalas + 1 } })).toEqual(['BR-CO-15']);
    expect(rules({ ...doc, totals: { ...doc.totals, subtotalHalalas: doc.totals.subtotalHalalas + 1, totalHalalas: doc.totals.totalHalalas + 1 } })).toEqual(['BR-CO-13', 'BR-CO-10']);
    expect(rules({ ...doc, totals: { ...doc.totals, breakdown: [] } })).toEqual(expect.arrayContaining(['BR-CO-18', 'BR-S-01', 'BR-Z-01']));
    expect(rules({ ...doc, totals: { ...doc.totals, breakdown: doc.totals.breakdown.filter((b) => b.category !== 'Z') } })).toContain('BR-Z-01');
    expect(rules(withCategory(doc, 'S', { ratePercent: 5 }))).toContain('BR-S-05');
    expect(rules(withCategory(doc, 'Z', { vatHalalas: 1 }))).toEqual(expect.arrayContaining(['BR-Z-09', 'BR-CO-14']));
    const extra = { ...doc, totals: { ...doc.totals, breakdown: [...doc.totals.breakdown, { category: 'E' as const, ratePercent: 0, taxableHalalas: 0, vatHalalas: 0 }] } };
    expect(rules(extra)).toEqual(['BR-E-08']);
  });

  it('the seller: a missing address field, a bad VAT number, the other ID, building number, postal code, lengths', () => {
    expect(rules(withAddress({ district: '' }))).toEqual(['BR-KSA-09']);
    expect(rules(withAddress({ street: '  ' }))).toEqual(['BR-KSA-09']);
    expect(rules(withAddress({ city: '' }))).toEqual(['BR-KSA-09']);
    expect(rules(withAddress({ buildingNumber: '12' }))).toEqual(['BR-KSA-37']);
    expect(rules(withAddress({ postalCode: '1234' }))).toEqual(['BR-KSA-66']);
    expect(rules(withAddress({ city: 'م'.repeat(128) }))).toEqual(['BR-KSA-F-06-C7']);
    for (const vatNumber of ['123456789012345', '39999999990000', '3999999999000031', '399999999900004', '39999999990000A']) {
      expect(rules(withSeller({ vatNumber }))).toEqual(['BR-KSA-40']);
    }
    expect(rules(withSeller({ otherId: null }))).toEqual(['BR-KSA-08']);
    expect(rules(withSeller({ otherId: { scheme: 'CRN', value: '12345' } }))).toEqual(['BR-KSA-08']);
    expect(rules(withSeller({ otherId: { scheme: 'MOM', value: 'AB-12' } }))).toEqual(['BR-KSA-08']);
    expect(rules(withSeller({ otherId: { scheme: '700', value: '7001234567' } }))).toEqual([]);
    expect(rules(withSeller({ registrationName: '' }))).toEqual(['BR-06']);
    expect(rules(withSeller({ registrationName: 'ن'.repeat(1001) }))).toEqual(['BR-KSA-F-06-C10']);
  });

  it('amounts and quantities: a negative credit amount, a fraction of a halala, a zero quantity (BR-KSA-F-04, BR-22)', () => {
    const credit: EInvoiceDocument = { ...good(), type: 'credit_note', note: { originalNumber: 'T01-000001', reason: 'إرجاع | Returned' } };
    expect(rules(credit)).toEqual([]);
    const negative = { ...credit, lines: credit.lines.map((l, i) => (i === 0 ? { ...l, lineTotalHalalas: -l.lineTotalHalalas } : l)) };
    expect(rules(negative)).toEqual(['BR-KSA-F-04']);
    const negativeTotals = { ...credit, totals: { ...credit.totals, totalHalalas: -credit.totals.totalHalalas } };
    expect(rules(negativeTotals)).toEqual(['BR-KSA-F-04']);
    expect(rules({ ...good(), lines: [line(11.5)] })).toEqual(['BR-KSA-F-04']);
    expect(rules({ ...good(), lines: [line(115, { quantityMilli: 0 })] })).toEqual(['BR-22']);
    expect(rules({ ...good(), lines: [] })).toEqual(expect.arrayContaining(['BR-16']));
  });

  it('credit and debit notes: the invoice they correct (BR-KSA-56) and why (BR-KSA-17)', () => {
    expect(rules({ ...good(), type: 'credit_note', note: null })).toEqual(['BR-KSA-56', 'BR-KSA-17']);
    expect(rules({ ...good(), type: 'debit_note', note: { originalNumber: ' ', reason: 'x' } })).toEqual(['BR-KSA-56']);
    expect(rules({ ...good(), type: 'credit_note', note: { originalNumber: 'T01-1', reason: '' } })).toEqual(['BR-KSA-17']);
    expect(rules({ ...good(), type: 'credit_note', note: { originalNumber: 'T01-1', reason: 'س'.repeat(1001) } })).toEqual(['BR-KSA-F-06-C13']);
  });

  it('why zero-rated and exempt lines carry no VAT: a code from the right list, a text, no buyer-only reasons', () => {
    const doc = good();
    expect(rules({ ...doc, exemptions: { ...doc.exemptions, Z: { code: 'VATEX-SA-29', text: 'Financial services' } } })).toEqual(['BR-KSA-CL-04']);
    expect(rules({ ...doc, exemptions: { ...doc.exemptions, Z: { code: '', text: 'x' } } })).toEqual(['BR-KSA-69']);
    expect(rules({ ...doc, exemptions: { ...doc.exemptions, Z: { code: 'VATEX-SA-35', text: ' ' } } })).toEqual(['BR-KSA-83']);
    expect(rules({ ...doc, exemptions: { ...doc.exemptions, Z: { code: 'VATEX-SA-HEA', text: 'Private healthcare to citizen' } } })).toEqual(['BR-KSA-49']);
    // The exempt reason matters only when the document has exempt lines.
    expect(rules({ ...doc, exemptions: { ...doc.exemptions, E: { code: 'nonsense', text: '' } } })).toEqual([]);
    const exempt = documentOf([line(700, { vatCategory: 'E' })]);
    expect(rules({ ...exempt, exemptions: { ...exempt.exemptions, E: { code: 'VATEX-SA-35', text: 'x' } } })).toEqual(['BR-KSA-CL-04']);
    expect(rules({ ...exempt, exemptions: { ...exempt.exemptions, E: { code: '', text: 'x' } } })).toEqual(['BR-KSA-23']);
  });

  it('the document: UUID, dates, ICV, PIH, number, payment means, item names', () => {
    expect(rules({ ...good(), uuid: 'not-a-uuid' })).toEqual(['BR-KSA-03']);
    for (const issueDate of ['2026-2-01', '2026-02-30', '2025-02-29', '04-12-2026']) expect(rules({ ...good(), issueDate })).toEqual(['BR-KSA-F-01']);
    expect(rules({ ...good(), issueDate: '2028-02-29' })).toEqual([]);
    for (const issueTime of ['24:00:00', '9:15:00', '21:15', '21:15:09+03:00']) expect(rules({ ...good(), issueTime })).toEqual(['BR-KSA-70']);
    expect(rules({ ...good(), issueTime: '21:15:09Z' })).toEqual([]);
    expect(rules({ ...good(), icv: 1.5 })).toEqual(['BR-KSA-34']);
    expect(rules({ ...good(), pih: 'z5F9qsS6oWyDhehD8u8S0DaxV+2CUiUz9Y+UsR61JgQ=' })).toEqual([]);
    expect(rules({ ...good(), pih: 'z5F9qsS6oWyDhehD8u8S0DaxV+2CUiUz9Y+UsR61Jg=' })).toEqual(['BR-KSA-61']);
    expect(rules({ ...good(), number: '' })).toEqual(['BR-02']);
    expect(rules({ ...good(), number: 'T'.repeat(128) })).toEqual(['BR-KSA-F-06-C1']);
    expect(rules({ ...good(), paymentMeans: [] })).toEqual(['BR-KSA-16']);
    expect(rules({ ...good(), paymentMeans: ['10', '69'] })).toEqual(['BR-KSA-16']);
    expect(rules({ ...good(), paymentMeans: ['68', 'ZZZ'] })).toEqual([]);
    expect(rules({ ...good(), lines: good().lines.map((l, i) => (i === 1 ? { ...l, name: ' ' } : l)) })).toEqual(['BR-25']);
    // Field limits count characters as ZATCA's XPath does: an emoji is one.
    expect(rules({ ...good(), lines: good().lines.map((l) => ({ ...l, name: '😀'.repeat(1000) })) })).toEqual([]);
    expect(rules({ ...good(), lines: good().lines.map((l, i) => (i === 0 ? { ...l, name: 'x'.repeat(1001) } : l)) })).toEqual(['BR-KSA-F-06-C19']);
  });
});
