import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMigrations, schemaVersion } from '../../main/db/migrate';
import { migrations } from '../../main/db/migrations';
import { migration0020Catalog } from '../../main/db/migrations/0020-catalog';
import { openDatabase, type Db } from '../../main/db/open';
import { openCatalog } from '../../main/catalog/catalog';
import { writeCatalogRows } from '../../main/catalog/import';
import { DEMO_FIXED_PRODUCTS } from '../../main/catalog/demo-fixed';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-mig-'));
  db = openDatabase(path.join(dir, 'till.db'), { migrate: false });
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const tables = () =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'trigger') ORDER BY name").pluck().all() as string[];

describe('migration 0020 catalog', () => {
  it('is registered as version 20', () => {
    expect(migration0020Catalog).toMatchObject({ version: 20, name: 'catalog' });
    expect(migrations).toContain(migration0020Catalog);
  });

  it('takes a version 10 database to 20 with working tables and FTS', () => {
    runMigrations(db, migrations, { upTo: 10 });
    expect(schemaVersion(db)).toBe(10);
    expect(tables()).not.toContain('products');

    expect(runMigrations(db, migrations, { upTo: 20 })).toEqual({ from: 10, to: 20 });
    expect(schemaVersion(db)).toBe(20);
    expect(tables()).toEqual(
      expect.arrayContaining(['categories', 'products', 'products_fts', 'products_fts_insert', 'products_fts_update', 'products_fts_delete']),
    );
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND name IN ('products', 'categories')").pluck().all();
    expect(strict.sort()).toEqual(['categories', 'products']);

    // Today's writer and reader need every later column too (sold_by, migration 180).
    runMigrations(db, migrations);
    writeCatalogRows(db, DEMO_FIXED_PRODUCTS);
    expect(openCatalog(db).search('حليب', 5).map((h) => h.barcode)).toEqual(['6281000000014']);
  });

  it('enforces the product constraints', () => {
    runMigrations(db, migrations, { upTo: 20 });
    const insert = db.prepare(
      "INSERT INTO products (barcode, name_ar, name_en, price_halalas, vat_category, search_text) VALUES (?, 'أ', 'a', ?, ?, 'x')",
    );
    insert.run('1001', 100, 'S');
    expect(() => insert.run('1001', 100, 'S')).toThrow(/UNIQUE/);
    expect(() => insert.run('1002', -1, 'S')).toThrow(/CHECK/);
    expect(() => insert.run('1003', 100, 'X')).toThrow(/CHECK/);
    expect(() => insert.run('1004', 1.5, 'S')).toThrow(); // STRICT: no REAL in an INTEGER column
    expect(() =>
      db.prepare("INSERT INTO products (barcode, name_ar, name_en, price_halalas, vat_category, search_text, category_id) VALUES ('1005','أ','a',1,'S','x',99)").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('is part of a fresh openDatabase', () => {
    db.close();
    db = openDatabase(path.join(dir, 'fresh.db'));
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(20);
    expect(tables()).toContain('products_fts');
  });
});
