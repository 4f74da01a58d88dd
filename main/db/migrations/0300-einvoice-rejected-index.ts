// 0300 — the X and the Z count the e-invoices waiting to be reported and those ZATCA rejected (issue 15's
// checklist). einvoice_reports has one row per simplified invoice — a million on a busy till's year — and the
// count read every row. 'waiting' rows have their partial index since 0080 (the reporting queue); 'rejected'
// ones get theirs here, so each count reads only the rows it counts.
import type { Migration } from '../migrate';

export const migration0300EinvoiceRejectedIndex: Migration = {
  version: 300,
  name: 'einvoice rejected index',
  up(db) {
    db.exec(`CREATE INDEX einvoice_reports_rejected ON einvoice_reports(state) WHERE state = 'rejected';`);
  },
};
