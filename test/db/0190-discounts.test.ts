import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile } from './support';

const at = freshFile();

describe('migration 0190 discounts', () => {
  it('adds the discount and price override columns, empty on every existing line and sale', () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 180 });
    runMigrations(db, migrations, { upTo: 190 });
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(190);
    const columns = (table: string) => db.prepare<[string], { name: string; notnull: number; dflt_value: unknown }>('SELECT name, "notnull", dflt_value FROM pragma_table_info(?)').all(table);
    expect(columns('sale_lines').filter((c) => c.name === 'discount' || c.name === 'price_override')).toEqual([
      { name: 'discount', notnull: 0, dflt_value: null },
      { name: 'price_override', notnull: 0, dflt_value: null },
    ]);
    expect(columns('sales').filter((c) => c.name === 'discount')).toEqual([{ name: 'discount', notnull: 0, dflt_value: null }]);
    db.close();
  });
});
