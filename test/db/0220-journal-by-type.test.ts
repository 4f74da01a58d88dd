import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile } from './support';

const at = freshFile();

describe('migration 0220 journal by type', () => {
  it("finds a period's entries of one type through the index, not by reading the period", () => {
    const db = new Database(at.file);
    runMigrations(db, migrations, { upTo: 220 });
    expect(schemaVersion(db)).toBe(220);
    const plan = db
      .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN SELECT payload FROM journal WHERE type = 'sale.completed' AND seq > 10 AND seq <= 20`)
      .all()
      .map((r) => r.detail);
    expect(plan.join(' ')).toMatch(/USING INDEX journal_by_type \(type=\? AND seq>\? AND seq<\?\)/);
    db.close();
  });
});
