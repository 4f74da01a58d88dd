// 0240 — daily totals (issue 15, "managers close the day"): what the sales, voids and returns of each business day
// added up to, per dimension — the day, its hours, tenders and refunds, cash in and out, cashiers, VAT category and
// rate, items — in integer halalas, so a month's report reads ~30 days' rows instead of ~20,000 entries.
//
// The rows are derived from the journal entries themselves, by triggers on the journal's INSERT: every writer of a
// sale, a void or a return (the till, a test rig, a restore) updates them in the entry's own transaction, with no
// code path that can forget to. Each is a handful of small UPSERTs. `ledger verify` re-derives them from the
// journal in TypeScript (main/closing/daily-totals-projection.ts), an independent second derivation.
//
// A business day is the local date in the till's zone, kept in daily_totals_zone as its UTC offset (SQLite knows
// no zone rules; the Gulf's zones have no daylight saving). The till aligns it with its settings at start and
// re-derives every row when the zone changed (main/closing/daily-totals.ts). Existing ledgers are backfilled here.
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

const ZONE_OFFSET = `(SELECT offset_minutes FROM daily_totals_zone WHERE id = 1)`;
const LOCAL = `datetime(j.at, ${ZONE_OFFSET} || ' minutes')`;
const DAY = `substr(${LOCAL}, 1, 10)`;
const TENDER_KEY = (t: string) =>
  `json_extract(${t}.value, '$.kind') || ':' || coalesce(json_extract(${t}.value, '$.card.scheme'), '') || ':' || coalesce(json_extract(${t}.value, '$.card.wallet'), '')`;
const UPSERT = `ON CONFLICT (dim, day, key) DO UPDATE SET count = count + excluded.count, amount = amount + excluded.amount,
  vat = vat + excluded.vat, first_seq = min(first_seq, excluded.first_seq), last_seq = max(last_seq, excluded.last_seq)`;
const INTO = 'INSERT INTO daily_totals (day, dim, key, count, amount, vat, first_seq, last_seq)';

/** One UPSERT: `select` gives key, count, amount, vat from `from` (the entries as `j`, with joins); WHERE true avoids upsert's parse ambiguity. */
const upsert = (dim: string, key: string, count: string, amount: string, vat: string, from: string, where = 'true') =>
  `${INTO} SELECT ${DAY} AS d, '${dim}', ${key} AS k, ${count}, ${amount}, ${vat}, min(j.seq), max(j.seq) FROM ${from} WHERE ${where} GROUP BY d, k ${UPSERT};`;

/** The statements that add the entries of one type, read from `source` (a subquery with seq, at, payload). */
function statements(type: string, source: string): string[] {
  const p = (path: string) => `json_extract(j.payload, '${path}')`;
  const each = (alias: string, path: string) => `${source} j, json_each(j.payload, '${path}') ${alias}`;
  switch (type) {
    case 'sale.completed':
      return [
        upsert('sales', `''`, 'count(*)', `sum(${p('$.totals.totalHalalas')})`, `sum(${p('$.totals.vatHalalas')})`, `${source} j`),
        upsert('hour', `substr(${LOCAL}, 12, 2)`, 'count(*)', `sum(${p('$.totals.totalHalalas')})`, `sum(${p('$.totals.vatHalalas')})`, `${source} j`),
        upsert('cashier', `coalesce(${p('$.cashier.id')}, '')`, 'count(*)', `sum(${p('$.totals.totalHalalas')})`, `sum(${p('$.totals.vatHalalas')})`, `${source} j`),
        upsert('tender', TENDER_KEY('t'), 'count(*)', `sum(json_extract(t.value, '$.amountHalalas'))`, '0', each('t', '$.tenders')),
        upsert('cash', `'taken'`, 'count(*)', `sum(json_extract(t.value, '$.tenderedHalalas') - json_extract(t.value, '$.changeHalalas'))`, '0', each('t', '$.tenders'), `json_extract(t.value, '$.kind') = 'cash'`),
        upsert('vat', `json_extract(b.value, '$.category') || ':' || json_extract(b.value, '$.ratePercent')`, 'count(*)', `sum(json_extract(b.value, '$.taxableHalalas'))`, `sum(json_extract(b.value, '$.vatHalalas'))`, each('b', '$.totals.breakdown')),
        upsert('item', `CAST(json_extract(l.value, '$.productId') AS TEXT)`, `sum(json_extract(l.value, '$.quantity'))`, `sum(json_extract(l.value, '$.lineTotalHalalas'))`, '0', each('l', '$.lines')),
      ];
    case 'sale.voided':
      return [upsert('voids', `''`, 'count(*)', `sum(${p('$.totalHalalas')})`, '0', `${source} j`, `${p('$.lineCount')} > 0`)];
    case 'return.issued': {
      const cashierOfSale = `coalesce((SELECT json_extract(s.cashier, '$.id') FROM sales s WHERE s.id = ${p('$.saleId')}), '')`;
      return [
        upsert('returns', `''`, 'count(*)', `sum(${p('$.totals.totalHalalas')})`, `sum(${p('$.totals.vatHalalas')})`, `${source} j`),
        upsert('cashier_return', cashierOfSale, 'count(*)', `sum(${p('$.totals.totalHalalas')})`, `sum(${p('$.totals.vatHalalas')})`, `${source} j`),
        upsert('refund', TENDER_KEY('t'), 'count(*)', `sum(json_extract(t.value, '$.amountHalalas'))`, '0', each('t', '$.refunds')),
        upsert('cash', `'refunded'`, 'count(*)', `sum(json_extract(t.value, '$.amountHalalas'))`, '0', each('t', '$.refunds'), `json_extract(t.value, '$.kind') = 'cash'`),
        upsert('return_vat', `json_extract(b.value, '$.category') || ':' || json_extract(b.value, '$.ratePercent')`, 'count(*)', `sum(json_extract(b.value, '$.taxableHalalas'))`, `sum(json_extract(b.value, '$.vatHalalas'))`, each('b', '$.totals.breakdown')),
      ];
    }
    // Cash a late-issued return owes leaves the drawer only when a manager pays it out (main/returns/cash-refunded.ts).
    case 'return.cash_owed':
      return [upsert('cash', `'refunded'`, 'count(*)', `-sum(${p('$.amountHalalas')})`, '0', `${source} j`)];
    case 'return.cash_paid':
      return [upsert('cash', `'refunded'`, 'count(*)', `sum(${p('$.amountHalalas')})`, '0', `${source} j`)];
    default:
      return [];
  }
}

export const DAILY_TOTAL_TYPES = ['sale.completed', 'sale.voided', 'return.issued', 'return.cash_owed', 'return.cash_paid'] as const;

/** Every row re-derived from the whole journal (the backfill, and a change of the till's zone). Inside a transaction. */
export function rederiveDailyTotals(db: Database.Database): void {
  db.exec('DELETE FROM daily_totals');
  for (const type of DAILY_TOTAL_TYPES) {
    // In journal order: first_seq/last_seq and the sums do not depend on it, but the reads stay sequential.
    for (const sql of statements(type, `(SELECT seq, at, payload FROM journal WHERE type = '${type}' ORDER BY seq)`)) db.exec(sql);
  }
}

export const migration0240DailyTotals: Migration = {
  version: 240,
  name: 'daily totals',
  up(db) {
    db.exec(`
      CREATE TABLE daily_totals_zone (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        zone           TEXT    NOT NULL,
        offset_minutes INTEGER NOT NULL CHECK (offset_minutes BETWEEN -840 AND 840)
      ) STRICT;
      INSERT INTO daily_totals_zone (id, zone, offset_minutes) VALUES (1, 'Asia/Riyadh', 180);

      CREATE TABLE daily_totals (
        day       TEXT    NOT NULL,
        dim       TEXT    NOT NULL,
        key       TEXT    NOT NULL,
        count     INTEGER NOT NULL,
        amount    INTEGER NOT NULL,
        vat       INTEGER NOT NULL,
        first_seq INTEGER NOT NULL,
        last_seq  INTEGER NOT NULL,
        PRIMARY KEY (dim, day, key)
      ) STRICT, WITHOUT ROWID;
    `);
    for (const type of DAILY_TOTAL_TYPES) {
      const name = `daily_totals_${type.replace('.', '_')}`;
      const body = statements(type, '(SELECT NEW.seq AS seq, NEW.at AS at, NEW.payload AS payload)').join('\n');
      db.exec(`CREATE TRIGGER ${name} AFTER INSERT ON journal WHEN NEW.type = '${type}' BEGIN\n${body}\nEND;`);
    }
    rederiveDailyTotals(db);
  },
};
