import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile } from './support';

const at = freshFile();

describe('migration 0180 weighed goods', () => {
  it('makes every existing product and sale line `each`, and takes only each or kg', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 160 });
    db.prepare("INSERT INTO products (barcode, name_ar, name_en, price_halalas, vat_category, search_text) VALUES ('1001', 'أ', 'a', 100, 'S', 'x')").run();
    runMigrations(db, migrations, { upTo: 180 });
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(180);
    expect(db.prepare("SELECT sold_by FROM products WHERE barcode = '1001'").get()).toEqual({ sold_by: 'each' });
    const insert = db.prepare("INSERT INTO products (barcode, name_ar, name_en, price_halalas, vat_category, search_text, sold_by) VALUES (?, 'أ', 'a', 100, 'S', 'x', ?)");
    insert.run('30001', 'kg');
    expect(() => insert.run('30002', 'g')).toThrow(/CHECK/);
    const lineColumns = db.prepare("SELECT name, dflt_value FROM pragma_table_info('sale_lines') WHERE name = 'sold_by'").get();
    expect(lineColumns).toEqual({ name: 'sold_by', dflt_value: "'each'" });
    db.close();
  });
});
