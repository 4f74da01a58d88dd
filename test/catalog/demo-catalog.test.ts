import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyBarcode, isValidGtin } from '../../main/catalog/barcode';
import { DEMO_FIXED_PRODUCTS } from '../../main/catalog/demo-fixed';
import { parseCatalogCsv } from '../../main/catalog/import';

const root = path.resolve(__dirname, '../..');
const file = path.join(root, 'resources/catalog/demo-catalog.csv');
const bytes = fs.readFileSync(file);
const parsed = parseCatalogCsv(bytes);

describe('demo catalog', () => {
  it('is what the generator writes (regenerate with node scripts/gen-demo-catalog.mjs)', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/gen-demo-catalog.mjs'), '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('has the documented header, a BOM and CRLF line ends', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8', 3, bytes.indexOf('\r\n'))).toBe(
      'barcode,name_ar,name_en,price_sar,vat_category,category_code,category_ar,category_en,sold_by',
    );
  });

  it('parses without a single rejected row', () => {
    expect(parsed.fatal).toBe(false);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows).toHaveLength(307);
  });

  it('uses valid, unique Saudi EAN-13 barcodes, and 5-digit PLUs for the goods sold by weight', () => {
    const weighed = parsed.rows.filter((r) => r.soldBy === 'kg');
    expect(weighed.map((r) => r.nameEn)).toEqual(['Sukkari Dates, loose', 'Khalas Dates, loose', 'Tomatoes', 'Bananas', 'Cucumbers', 'Naimi Lamb', 'Minced Beef']);
    for (const r of weighed) {
      expect(r.barcode).toMatch(/^\d{5}$/);
      expect(classifyBarcode(r.barcode)).toEqual({ status: 'ok', code: r.barcode, kind: 'internal' });
    }
    const codes = parsed.rows.filter((r) => r.soldBy !== 'kg').map((r) => r.barcode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) {
      expect(c).toMatch(/^628\d{10}$/);
      expect(isValidGtin(c), c).toBe(true);
      expect(classifyBarcode(c)).toEqual({ status: 'ok', code: c, kind: 'ean13' });
    }
  });

  it('contains the five fixed end-to-end products exactly', () => {
    for (const p of DEMO_FIXED_PRODUCTS) {
      expect(parsed.rows.find((r) => r.barcode === p.barcode)).toEqual(p);
    }
    expect(DEMO_FIXED_PRODUCTS.map((p) => p.barcode)).toEqual([
      '6281000000014',
      '6281000000021',
      '6281000000038',
      '6281000000045',
      '6281000000052',
    ]);
  });

  it('covers the categories, bilingual names and a few zero-rated items', () => {
    const cats = new Set(parsed.rows.map((r) => r.categoryCode));
    for (const c of ['dairy', 'bakery', 'dates', 'coffee', 'rice', 'spices', 'beverages', 'snacks', 'cleaning', 'personal-care', 'produce']) {
      expect(cats.has(c), c).toBe(true);
    }
    expect(parsed.rows.every((r) => /[\u0600-\u06ff]/.test(r.nameAr) && /[A-Za-z]/.test(r.nameEn))).toBe(true);
    const zero = parsed.rows.filter((r) => r.vatCategory === 'Z');
    expect(zero.length).toBeGreaterThanOrEqual(3);
    expect(zero.length).toBeLessThanOrEqual(10);
    expect(parsed.rows.every((r) => r.priceHalalas > 0 && r.priceHalalas < 100_000)).toBe(true);
  });
});
