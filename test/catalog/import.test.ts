import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog } from '../../main/catalog/catalog';
import { importCatalogCsv, seedCatalogIfEmpty } from '../../main/catalog/import';
import { importRowErrors } from '../../main/catalog/import-errors';
import { csv, HEADER, openTestDb, type TestDb } from './helpers';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.close());

const productCount = () => t.db.prepare('SELECT count(*) FROM products').pluck().get() as number;
const codes = (r: { rejected: { row: number; code: string }[] }) => r.rejected.map((e) => [e.row, e.code]);

const GOOD = [
  HEADER,
  '6281000000014,حليب المراعي طازج ١ لتر,Almarai Fresh Milk 1L,6.50,S,dairy,ألبان,Dairy',
  '6281000000021,خبز لوزين أبيض,"L\'usine White Bread",5,S,bakery,مخبوزات,Bakery',
].join('\r\n');

describe('importCatalogCsv', () => {
  it('imports a clean file and the products are searchable', () => {
    const report = importCatalogCsv(t.db, csv(GOOD), { mode: 'all-or-nothing' });
    expect(report).toEqual({ imported: 2, updated: 0, rejected: [], committed: true });
    const c = openCatalog(t.db);
    expect(c.findByBarcode('6281000000021')).toMatchObject({ nameEn: "L'usine White Bread", priceHalalas: 500, categoryCode: 'bakery' });
    expect(c.search('خبز', 5)).toHaveLength(1);
    expect(t.db.prepare('SELECT code, name_ar, name_en FROM categories ORDER BY code').all()).toEqual([
      { code: 'bakery', name_ar: 'مخبوزات', name_en: 'Bakery' },
      { code: 'dairy', name_ar: 'ألبان', name_en: 'Dairy' },
    ]);
  });

  it('upserts existing barcodes and re-activates them', () => {
    importCatalogCsv(t.db, csv(GOOD), { mode: 'all-or-nothing' });
    t.db.prepare("UPDATE products SET active = 0 WHERE barcode = '6281000000014'").run();
    const again = [HEADER, '6281000000014,حليب المراعي طازج ١ لتر,Almarai Fresh Milk 1 Litre,6.75,S,dairy,,'].join('\n');
    expect(importCatalogCsv(t.db, csv(again), { mode: 'all-or-nothing' })).toEqual({
      imported: 0,
      updated: 1,
      rejected: [],
      committed: true,
    });
    const c = openCatalog(t.db);
    expect(c.findByBarcode('6281000000014')).toMatchObject({ priceHalalas: 675, nameEn: 'Almarai Fresh Milk 1 Litre' });
    expect(c.search('litre', 5)).toHaveLength(1);
    // Names left empty in the file keep the category's existing names.
    expect(t.db.prepare("SELECT name_en FROM categories WHERE code = 'dairy'").pluck().get()).toBe('Dairy');
  });

  it('refuses cells a spreadsheet would run as formulas, and a 0.00 price unless asked for', () => {
    const file = [
      HEADER,
      '6281000000014,حليب,=HYPERLINK("http://x"),6.50,S,,,', // row 2 formula in a name
      '6281000000021,+خبز,Bread,5.00,S,,,', //                   row 3
      '6281000000038,تمر,Dates,3.00,S,@cat,,', //                 row 4 formula in a category
      '6281000000045,قهوة,Coffee,0.00,S,,,', //                   row 5 free?
      '6281000000052,ماء,Water - 330 ml,1.00,S,,,', //            row 6 ok: a dash inside is fine
    ].join('\n');
    const report = importCatalogCsv(t.db, csv(file), { mode: 'valid-rows' });
    expect(codes(report)).toEqual([
      [2, 'FORMULA_CELL'],
      [3, 'FORMULA_CELL'],
      [4, 'FORMULA_CELL'],
      [5, 'PRICE_ZERO'],
    ]);
    expect(report.rejected[3]!.message_en).toContain('--allow-zero-price');
    expect(report.rejected[0]!.message_ar).toMatch(/صيغة/);
    const free = importCatalogCsv(t.db, csv([HEADER, '6281000000045,قهوة,Coffee,0.00,S,,,'].join('\n')), { mode: 'all-or-nothing', allowZeroPrice: true });
    expect(free).toMatchObject({ imported: 1, committed: true });
  });

  it('reports every kind of bad row with its spreadsheet row number', () => {
    const file = [
      HEADER, //                                                                    row 1
      '6281000000014,حليب,Milk,6.50,S,dairy,,', //                                 row 2 ok
      '6281000000011,حليب,Milk,6.50,S,dairy,,', //                                 row 3 check digit
      '6281000000014,حليب ٢,Milk 2,6.50,S,dairy,,', //                             row 4 duplicate of row 2
      '6281000000021,خبز,Bread,-5.00,S,,,', //                                     row 5 negative
      '6281000000038,تمر,Dates,,S,,,', //                                          row 6 missing price
      '6281000000045,قهوة,Coffee,12.345,S,,,', //                                  row 7 decimals
      '6281000000052,ماء,Water,one riyal,S,,,', //                                 row 8 junk price
      '1001,,Nameless,1.00,S,,,', //                                               row 9 missing Arabic name
      '1002,اسم,,1.00,S,,,', //                                                    row 10 missing English name
      '1003,شيء,Thing,1.00,X,,,', //                                               row 11 VAT category
      '1004,شيء,Thing,1.00,S', //                                                  row 12 column count
      ',شيء,Thing,1.00,S,,,', //                                                   row 13 missing barcode
      'شسيبل,شيء,Thing,1.00,S,,,', //                                              row 14 Arabic-layout scan
      '1005,"quoted, name","with ""quotes""",2.50,z,,,', //                       row 15 ok (lower-case z)
      '6.28E+12,شيء,Thing,1.00,S,,,', //                                           row 16 Excel mangled barcode
    ].join('\r\n');
    const report = importCatalogCsv(t.db, csv(file), { mode: 'valid-rows' });
    expect(codes(report)).toEqual([
      [3, 'BARCODE_CHECK_DIGIT'],
      [4, 'BARCODE_DUPLICATE'],
      [5, 'PRICE_NEGATIVE'],
      [6, 'PRICE_MISSING'],
      [7, 'PRICE_DECIMALS'],
      [8, 'PRICE_INVALID'],
      [9, 'NAME_AR_MISSING'],
      [10, 'NAME_EN_MISSING'],
      [11, 'VAT_CATEGORY_UNKNOWN'],
      [12, 'COLUMN_COUNT'],
      [13, 'BARCODE_MISSING'],
      [14, 'BARCODE_MALFORMED'],
      [16, 'BARCODE_MALFORMED'],
    ]);
    expect(report).toMatchObject({ imported: 2, updated: 0, committed: true });
    expect(report.rejected[0]).toMatchObject({ barcode: '6281000000011' });
    expect(report.rejected[0]!.message_en).toContain('should be 4');
    expect(report.rejected[1]!.message_en).toContain('row 2');
    expect(report.rejected[1]!.message_ar).toContain('السطر 2');
    for (const r of report.rejected) {
      expect(r.message_ar.startsWith(importRowErrors.text[r.code].ar)).toBe(true);
      expect(r.message_en.length).toBeGreaterThan(0);
    }
    const q = openCatalog(t.db).findByBarcode('1005');
    expect(q).toMatchObject({ nameAr: 'quoted, name', nameEn: 'with "quotes"', priceHalalas: 250, vatCategory: 'Z' });
  });

  it('all-or-nothing writes nothing when any row is rejected', () => {
    const file = [HEADER, '6281000000014,حليب,Milk,6.50,S,,,', '6281000000021,خبز,Bread,abc,S,,,'].join('\n');
    const report = importCatalogCsv(t.db, csv(file), { mode: 'all-or-nothing' });
    expect(report).toMatchObject({ imported: 0, updated: 0, committed: false });
    expect(codes(report)).toEqual([[3, 'PRICE_INVALID']]);
    expect(productCount()).toBe(0);
  });

  it('reports a row in the wrong encoding without losing the others', () => {
    const windows1256Milk = Buffer.from([0xcd, 0xe1, 0xed, 0xc8]); // "حليب" in Windows-1256, invalid UTF-8
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      csv(`${HEADER}\r\n6281000000014,حليب,Milk,6.50,S,,,\r\n6281000000021,`),
      windows1256Milk,
      csv(',Bread,5.00,S,,,\r\n6281000000038,تمر,Dates,35,S,,,\r\n'),
    ]);
    const report = importCatalogCsv(t.db, bytes, { mode: 'valid-rows' });
    expect(codes(report)).toEqual([[3, 'ENCODING']]);
    expect(report).toMatchObject({ imported: 2, committed: true });
    const aon = importCatalogCsv(t.db, bytes, { mode: 'all-or-nothing' });
    expect(aon.committed).toBe(false);
  });

  it('turns an embedded newline in a name into a space and skips blank lines', () => {
    const file = `${HEADER}\r\n\r\n1001,"خبز\r\nأبيض",Bread,1,S,,,\r\n,,,,,,,\r\n1002,تمر,Dates,2,S,,,`;
    const report = importCatalogCsv(t.db, csv(file), { mode: 'all-or-nothing' });
    expect(report).toMatchObject({ imported: 2, rejected: [] });
    expect(openCatalog(t.db).findByBarcode('1001')?.nameAr).toBe('خبز أبيض');
  });

  it('flags an unterminated quote on its row', () => {
    const file = `${HEADER}\n1001,تمر,Dates,2,S,,,\n1002,"broken,Thing,1,S,,,\n`;
    const report = importCatalogCsv(t.db, csv(file), { mode: 'valid-rows' });
    expect(codes(report)).toEqual([[3, 'UNTERMINATED_QUOTE']]);
    expect(report.imported).toBe(1);
  });

  it('refuses files it cannot read at all', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]);
    expect(importCatalogCsv(t.db, utf16, { mode: 'valid-rows' })).toMatchObject({
      committed: false,
      rejected: [{ row: 1, code: 'FILE_NOT_UTF8' }],
    });
    expect(codes(importCatalogCsv(t.db, csv('sku,title,price\n1,a,1\n'), { mode: 'valid-rows' }))).toEqual([[1, 'HEADER_INVALID']]);
    expect(codes(importCatalogCsv(t.db, csv(''), { mode: 'valid-rows' }))).toEqual([[1, 'FILE_EMPTY']]);
    expect(importCatalogCsv(t.db, csv(`${HEADER}\r\n`), { mode: 'valid-rows' })).toEqual({
      imported: 0,
      updated: 0,
      rejected: [],
      committed: false,
    });
    expect(productCount()).toBe(0);
  });

  it('accepts columns in any order, extra columns, and no category columns', () => {
    const file = 'price_sar,notes,name_en,barcode,vat_category,name_ar\n3.25,ignored,Beans,1001,S,فول\n';
    expect(importCatalogCsv(t.db, csv(file), { mode: 'all-or-nothing' })).toMatchObject({ imported: 1, rejected: [] });
    expect(openCatalog(t.db).findByBarcode('1001')).toMatchObject({ priceHalalas: 325, categoryCode: null });
  });

  it('stores UPC-A as EAN-13 and treats the two forms as one barcode', () => {
    const file = [HEADER, '036000291452,منتج,Product,1,S,,,', '0036000291452,منتج,Product,1,S,,,'].join('\n');
    const report = importCatalogCsv(t.db, csv(file), { mode: 'valid-rows' });
    expect(codes(report)).toEqual([[3, 'BARCODE_DUPLICATE']]);
    expect(openCatalog(t.db).findByBarcode('036000291452')?.barcode).toBe('0036000291452');
  });
});

describe('seedCatalogIfEmpty', () => {
  const demo = path.resolve(__dirname, '../../resources/catalog/demo-catalog.csv');

  it('loads the demo catalog once, on an empty till only', () => {
    const first = seedCatalogIfEmpty(t.db, demo);
    expect(first).toMatchObject({ imported: 307, updated: 0, rejected: [], committed: true });
    expect(seedCatalogIfEmpty(t.db, demo)).toBeNull();
    expect(productCount()).toBe(307);
  });

  it('does not touch a till that already has products', () => {
    importCatalogCsv(t.db, csv(GOOD), { mode: 'all-or-nothing' });
    expect(seedCatalogIfEmpty(t.db, demo)).toBeNull();
    expect(productCount()).toBe(2);
  });

  it('throws when the seed file is missing', () => {
    expect(() => seedCatalogIfEmpty(t.db, path.join(t.dir, 'nope.csv'))).toThrow();
    expect(fs.existsSync(t.file)).toBe(true);
  });
});
