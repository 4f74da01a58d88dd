// 0180 — weighed goods (docs/catalog.md): a product is sold `each` or by `kg` (its price is then per kilogram),
// and a sale line of a `kg` product holds its weight in whole grams in `quantity`. Existing rows are `each`.
import type { Migration } from '../migrate';

export const migration0180WeighedGoods: Migration = {
  version: 180,
  name: 'weighed goods',
  up(db) {
    db.exec(`
      ALTER TABLE products ADD COLUMN sold_by TEXT NOT NULL DEFAULT 'each' CHECK (sold_by IN ('each', 'kg'));
      ALTER TABLE sale_lines ADD COLUMN sold_by TEXT NOT NULL DEFAULT 'each' CHECK (sold_by IN ('each', 'kg'));
    `);
  },
};
