// A 100k-product till: the catalog builds, imports and answers correctly at that size. Timings are printed
// for the record (speed is judged by the benchmarks, not asserted here: CI machines vary too much).
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../main/catalog/catalog';
import { DEMO_FIXED_PRODUCTS } from '../../main/catalog/demo-fixed';
import { importCatalogCsv } from '../../main/catalog/import';
import { normalizeSearchText, productSearchText, searchTokens } from '../../main/catalog/normalize';
import { catalogRowsToCsv, generateCatalogRows, writeSyntheticCatalog } from '../../main/catalog/synthetic';
import type { CatalogRow } from '../../main/catalog/types';
import { openTestDb, type TestDb } from './helpers';

const N = 100_000;
let t: TestDb;
let catalog: Catalog;
let rows: CatalogRow[];
const timings: string[] = [];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (x: number) => `${x.toFixed(3)} ms`;

beforeAll(() => {
  rows = generateCatalogRows(N, 42);
  t = openTestDb();
  const start = performance.now();
  writeSyntheticCatalog(t.db, N, 42);
  timings.push(`build ${N} products (write + FTS): ${ms(performance.now() - start)}`);
  catalog = openCatalog(t.db);
});
afterAll(() => {
  t.close();
  console.log(`catalog @ ${N}:\n  ${timings.join('\n  ')}`);
});

/** The reference answer: products whose name tokens start with every query token. */
let rowTokens: Array<[string, string[]]> | undefined;
function bruteForce(query: string): Set<string> {
  rowTokens ??= rows.map((r) => [r.barcode, searchTokens(productSearchText(r.nameAr, r.nameEn))]);
  const q = searchTokens(normalizeSearchText(query));
  const out = new Set<string>();
  for (const [barcode, tokens] of rowTokens) {
    if (q.every((w) => tokens.some((tok) => tok.startsWith(w)))) out.add(barcode);
  }
  return out;
}

describe(`catalog at ${N} products`, () => {
  it('generates unique valid barcodes with the fixed five first', () => {
    expect(new Set(rows.map((r) => r.barcode)).size).toBe(N);
    expect(rows.slice(0, 5)).toEqual(DEMO_FIXED_PRODUCTS);
    expect(generateCatalogRows(1000, 42)).toEqual(rows.slice(0, 1000));
    expect(catalog.count()).toBe(N);
  });

  it('looks up barcodes', () => {
    const probes = [...DEMO_FIXED_PRODUCTS.map((p) => p.barcode), ...rows.filter((_, i) => i % 997 === 0).map((r) => r.barcode)];
    const times: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const code of probes) {
        const start = performance.now();
        const hit = catalog.findByBarcode(code);
        times.push(performance.now() - start);
        expect(hit?.barcode).toBe(code);
      }
    }
    times.sort((a, b) => a - b);
    timings.push(`findByBarcode x${times.length}: p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}`);
    expect(catalog.findByBarcode('6281000000069')).toBeUndefined();
  });

  const queries = [
    'حليب', 'حليب المراعي', 'almarai milk', 'تمر سكري', 'sukkari', 'قهوه بالهيل', 'nova 330', 'ماء ٣٣٠',
    'ح', 'a', 'al', 'tea', 'شاي ليبتون', 'lipton tea bag', 'cheese spicy', 'جبنة حار', 'xyz', '1kg', 'dates khalas 1kg', 'معجون',
  ];

  it('searches Arabic and English correctly', () => {
    for (const q of queries) {
      const expected = bruteForce(q);
      const hits = catalog.search(q, 20);
      expect(hits.length, q).toBe(Math.min(20, expected.size));
      for (const h of hits) expect(expected.has(h.barcode), `${q}: ${h.nameEn}`).toBe(true);
    }
    expect(catalog.search('almarai fresh milk 1l', 5)[0]?.barcode).toBe('6281000000014');
    expect(catalog.search('قهوة عربية بالهيل', 5)[0]?.barcode).toBe('6281000000045');
  });

  it('answers searches quickly (timings printed)', () => {
    const times: number[] = [];
    for (let round = 0; round < 25; round++) {
      for (const q of queries) {
        const start = performance.now();
        catalog.search(q, 20);
        times.push(performance.now() - start);
      }
    }
    times.sort((a, b) => a - b);
    timings.push(`search x${times.length}: p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}, max ${ms(times.at(-1)!)}`);
    // Per-query worst, to see which shapes are slow.
    const worst = queries
      .map((q) => {
        const s = performance.now();
        for (let i = 0; i < 5; i++) catalog.search(q, 20);
        return [q, (performance.now() - s) / 5] as const;
      })
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4);
    timings.push(`slowest queries: ${worst.map(([q, x]) => `"${q}" ${ms(x)}`).join(', ')}`);
  });

  it('imports the same 100k as a CSV file, then re-imports it as updates', () => {
    const bytes = catalogRowsToCsv(rows);
    const fresh = openTestDb('import.db');
    try {
      let start = performance.now();
      const first = importCatalogCsv(fresh.db, bytes, { mode: 'all-or-nothing' });
      timings.push(`import ${N}-row CSV (${(bytes.length / 1e6).toFixed(1)} MB): ${ms(performance.now() - start)}`);
      expect(first).toEqual({ imported: N, updated: 0, rejected: [], committed: true });
      start = performance.now();
      const second = importCatalogCsv(fresh.db, bytes, { mode: 'valid-rows' });
      timings.push(`re-import same CSV (all updates): ${ms(performance.now() - start)}`);
      expect(second).toEqual({ imported: 0, updated: N, rejected: [], committed: true });
      expect(openCatalog(fresh.db).search('sukkari dates 1kg', 3)[0]?.barcode).toBe('6281000000038');
      fresh.db.prepare("INSERT INTO products_fts (products_fts, rank) VALUES ('integrity-check', 1)").run();
    } finally {
      fresh.close();
    }
  });
});
