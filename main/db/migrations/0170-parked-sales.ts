// 0170 — parked sales (docs/parked-sales.md): a parked sale stays 'open' with the journal entry that parked it
// (`parked_seq`, `parked_at`); recalling it clears both. The table is not rebuilt: only the index that allows one
// open sale per till is narrowed to the sale the till is ringing up, so any number of parked ones can wait.
import type { Migration } from '../migrate';

export const migration0170ParkedSales: Migration = {
  version: 170,
  name: 'parked sales',
  up(db) {
    db.exec(`
      ALTER TABLE sales ADD COLUMN parked_seq INTEGER REFERENCES journal(seq);
      ALTER TABLE sales ADD COLUMN parked_at TEXT;
      DROP INDEX sales_one_open_per_till;
      CREATE UNIQUE INDEX sales_one_open_per_till ON sales(till_id) WHERE status = 'open' AND parked_seq IS NULL;
      CREATE INDEX sales_parked_by_till ON sales(till_id, parked_seq) WHERE status = 'open' AND parked_seq IS NOT NULL;
    `);
  },
};
