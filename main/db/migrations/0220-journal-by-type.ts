// 0220 — the journal by type: the closing's reports (main/closing) and the shift's cash sum the entries of one type
// over a period (a day's 2,700 completed sales among its 40,000 entries); without this index each such query reads
// every entry of the period. One more index entry per journal append.
import type { Migration } from '../migrate';

export const migration0220JournalByType: Migration = {
  version: 220,
  name: 'journal by type',
  up(db) {
    db.exec(`CREATE INDEX journal_by_type ON journal(type, seq);`);
  },
};
