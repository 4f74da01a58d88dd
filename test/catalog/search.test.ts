import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductHit } from '../../preload/contract/schemas';
import { ftsQuery, openCatalog, type Catalog } from '../../main/catalog/catalog';
import { DEMO_FIXED_PRODUCTS } from '../../main/catalog/demo-fixed';
import { writeCatalogRows } from '../../main/catalog/import';
import type { CatalogRow } from '../../main/catalog/types';
import { openTestDb, type TestDb } from './helpers';

const row = (barcode: string, nameAr: string, nameEn: string, priceHalalas = 100): CatalogRow => ({
  barcode,
  nameAr,
  nameEn,
  priceHalalas,
  vatCategory: 'S',
  categoryCode: null,
  categoryAr: '',
  categoryEn: '',
});

let t: TestDb;
let catalog: Catalog;

beforeAll(() => {
  t = openTestDb();
  writeCatalogRows(t.db, [
    ...DEMO_FIXED_PRODUCTS,
    row('1001', 'حليب المراعي طازج كامل الدسم ٢ لتر', 'Almarai Fresh Milk Full Fat 2L'),
    row('1002', 'حليب نادك طازج ١ لتر', 'Nadec Fresh Milk 1L'),
    row('1003', 'مدرسة الأطفال', 'Kids School Kit'),
    row('1004', 'قَهْوَةٌ تركيّة', 'Turkish Coffee'),
    row('1005', 'أحمد للتمور', 'Ahmed Dates'),
    row('1006', 'Café Crème', 'Café Crème'),
    row('1007', 'حليب قديم', 'Discontinued Milk'),
    row('1008', 'مسؤول', 'Manager Special'),
  ]);
  t.db.prepare("UPDATE products SET active = 0 WHERE barcode = '1007'").run();
  catalog = openCatalog(t.db);
});
afterAll(() => t.close());

const barcodes = (hits: ProductHit[]) => hits.map((h) => h.barcode);

describe('FTS5', () => {
  it('is compiled into better-sqlite3', () => {
    const opts = t.db.prepare('SELECT compile_options FROM pragma_compile_options').pluck().all();
    expect(opts).toContain('ENABLE_FTS5');
  });

  it('builds a prefix AND query from tokens', () => {
    expect(ftsQuery('  حليب   Almar ')).toBe('"حليب"* "almar"*');
    expect(ftsQuery('"; DROP TABLE products; --')).toBe('"drop"* "table"* "products"*');
    expect(ftsQuery('  ...  ')).toBe('');
  });
});

describe('catalog.search', () => {
  it('finds Arabic by word prefix and returns ProductHit shapes', () => {
    const hits = catalog.search('حلي', 10);
    expect(barcodes(hits).sort()).toEqual(['1001', '1002', '6281000000014']);
    for (const h of hits) expect(ProductHit.parse(h)).toEqual(h);
  });

  it('requires every word (AND of prefixes), in any order', () => {
    expect(barcodes(catalog.search('حليب المراعي', 10)).sort()).toEqual(['1001', '6281000000014']);
    expect(barcodes(catalog.search('المراعي حليب كامل', 10))).toEqual(['1001']);
    expect(barcodes(catalog.search('fresh nad', 10))).toEqual(['1002']);
  });

  it('ranks the plain product before its longer variants', () => {
    expect(barcodes(catalog.search('almarai milk', 10))).toEqual(['6281000000014', '1001']);
  });

  it('finds English case-insensitively, and across apostrophes', () => {
    expect(barcodes(catalog.search('ALMARAI', 10)).sort()).toEqual(['1001', '6281000000014']);
    expect(barcodes(catalog.search("l'usine", 10))).toEqual(['6281000000021']);
    expect(barcodes(catalog.search('usine', 10))).toEqual(['6281000000021']);
  });

  it('matches normalised spellings both ways', () => {
    expect(barcodes(catalog.search('احمد', 5))).toEqual(['1005']);
    expect(barcodes(catalog.search('مدرسه', 5))).toEqual(['1003']);
    expect(barcodes(catalog.search('قهوة تركية', 5))).toEqual(['1004']);
    expect(barcodes(catalog.search('قَهْوَة', 5)).sort()).toEqual(['1004', '6281000000045']);
    expect(barcodes(catalog.search('مسوول', 5))).toEqual(['1008']);
    expect(barcodes(catalog.search('cafe creme', 5))).toEqual(['1006']);
  });

  it('matches Arabic-Indic and Latin digits alike', () => {
    expect(barcodes(catalog.search('ماء ٣٣٠', 5))).toEqual(['6281000000052']);
    expect(barcodes(catalog.search('nova 330', 5))).toEqual(['6281000000052']);
    expect(barcodes(catalog.search('ماء 330', 5))).toEqual(['6281000000052']);
  });

  it('leaves inactive products out', () => {
    expect(barcodes(catalog.search('discontinued', 10))).toEqual([]);
    expect(barcodes(catalog.search('حليب قديم', 10))).toEqual([]);
  });

  it('honours the limit and ignores empty queries', () => {
    expect(catalog.search('حليب', 1)).toHaveLength(1);
    expect(catalog.search('', 10)).toEqual([]);
    expect(catalog.search('   ', 10)).toEqual([]);
    expect(catalog.search('!!!', 10)).toEqual([]);
  });

  it('follows renames through the FTS triggers', () => {
    const other = openTestDb();
    try {
      writeCatalogRows(other.db, [row('2001', 'تفاح', 'Apples')]);
      const c = openCatalog(other.db);
      expect(barcodes(c.search('apples', 5))).toEqual(['2001']);
      writeCatalogRows(other.db, [row('2001', 'موز', 'Bananas')]);
      expect(c.search('apples', 5)).toEqual([]);
      expect(barcodes(c.search('موز', 5))).toEqual(['2001']);
      other.db.prepare("DELETE FROM products WHERE barcode = '2001'").run();
      expect(c.search('bananas', 5)).toEqual([]);
      // rank = 1: also compare the index with the products table (throws SQLITE_CORRUPT_VTAB on drift).
      const check = other.db.prepare("INSERT INTO products_fts (products_fts, rank) VALUES ('integrity-check', 1)");
      expect(() => check.run()).not.toThrow();
    } finally {
      other.close();
    }
  });
});

describe('catalog lookups', () => {
  it('finds by barcode, including raw scans', () => {
    const milk = catalog.findByBarcode('6281000000014');
    expect(milk).toEqual({
      productId: expect.any(Number),
      barcode: '6281000000014',
      nameAr: 'حليب المراعي طازج ١ لتر',
      nameEn: 'Almarai Fresh Milk 1L',
      priceHalalas: 650,
      vatCategory: 'S',
      categoryCode: 'dairy',
    });
    expect(catalog.findByBarcode(' 6281000000014\r')).toEqual(milk);
    expect(catalog.findByBarcode('1001')?.categoryCode).toBeNull();
  });

  it('works when detached from the object (handlers pass the methods around)', () => {
    const { findByBarcode, getById } = catalog;
    const milk = findByBarcode('6281000000014')!;
    expect(getById(milk.productId)).toEqual(milk);
  });

  it('misses unknown, malformed and inactive codes', () => {
    expect(catalog.findByBarcode('6281000000069')).toBeUndefined();
    expect(catalog.findByBarcode('شسي')).toBeUndefined();
    expect(catalog.findByBarcode('1007')).toBeUndefined();
    expect(catalog.getById(999_999)).toBeUndefined();
    expect(catalog.getById(Number.NaN)).toBeUndefined();
  });

  it('counts active products', () => {
    expect(catalog.count()).toBe(DEMO_FIXED_PRODUCTS.length + 7);
  });
});
