// 0150 — the document types each e-invoicing unit was onboarded for (its CSR's title, which its certificate
// carries): '0100' simplified only, '1100' standard (B2B) and simplified. A till that issues standard invoices
// checks its unit covers them; the journal's einvoice.unit_created says the same from this version on. Every unit
// before this version was onboarded as 0100: onboarding hard-coded it.
import type { Migration } from '../migrate';

export const migration0150UnitInvoiceTypes: Migration = {
  version: 150,
  name: 'unit invoice types',
  up(db) {
    db.exec(`
      ALTER TABLE einvoice_units ADD COLUMN invoice_types TEXT NOT NULL DEFAULT '0100' CHECK (invoice_types IN ('0100', '1100'));
    `);
  },
};
