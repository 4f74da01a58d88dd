// 0190 — discounts and price overrides (docs/discounts.md). A line may carry its own discount and a price set by
// hand (the catalog's price it replaced is kept beside it); the sale may carry a discount on the whole. Each is
// canonical JSON as its journal entry has it (rule, reason, approval), null when there is none. What a discount
// takes off is computed from the rule when the sale is read, never stored apart from it.
import type { Migration } from '../migrate';

export const migration0190Discounts: Migration = {
  version: 190,
  name: 'discounts',
  up(db) {
    db.exec(`
      ALTER TABLE sale_lines ADD COLUMN discount TEXT;
      ALTER TABLE sale_lines ADD COLUMN price_override TEXT;
      ALTER TABLE sales ADD COLUMN discount TEXT;
    `);
  },
};
