// 0270 — discounts in the daily totals (issue 15: the X, the Z and the reports show "gross, discounts, returns,
// voids, net"): what completed sales gave off, per business day, as the dimension `discount` of the rows 0240 made,
// keyed by kind — `line` (a line's own discount), `sale` (the whole sale's), `price` (a price set by hand below the
// catalog's, the difference over the line's quantity) — with how many and how much, in integer halalas.
//
// A trigger of its own on the journal's INSERT beside 0240's (0240 stays as shipped), and a backfill. `ledger
// verify` re-derives the rows in TypeScript (main/closing/daily-totals-projection.ts); the X and the Z read the same
// figure from the entries (main/closing/period-report.ts, DISCOUNTS_OF_SALES below).
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';
import { rederiveDailyTotals as rederive0240 } from './0240-daily-totals';

const DAY = `substr(datetime(j.at, (SELECT offset_minutes FROM daily_totals_zone WHERE id = 1) || ' minutes'), 1, 10)`;

/** A line's total at a unit price (main/money/line-total.ts: grams × price per kg ÷ 1000, half-up; else × pieces). */
const lineAt = (price: string) =>
  `CASE WHEN json_extract(l.value, '$.soldBy') = 'kg' THEN (${price} * json_extract(l.value, '$.quantity') + 500) / 1000 ELSE ${price} * json_extract(l.value, '$.quantity') END`;
const LIST = `json_extract(l.value, '$.priceOverride.listPriceHalalas')`;
const UNIT = `json_extract(l.value, '$.unitPriceHalalas')`;

/**
 * A cheap look at the JSON text before reading it: a key absent from the text cannot be in the object (entries are
 * written by JSON.stringify, which never escapes a letter), and most sales and lines carry no discount, so most
 * sales' lines are never expanded. Reading every
 * line's JSON for it made the X of a busy day ~40 ms slower (issue 15's Z ≤ 200 ms).
 */
const has = (json: string, key: string) => `instr(${json}, '"${key}"') > 0`;

/**
 * The discounts of the `sale.completed` entries of `source` (a subquery with seq, at, payload, as `j`): one row per
 * kind and `group` (the day, or nothing), with kind, count, amount, first and last seq. Shared by the trigger, the
 * backfill and the period report, so the rows and the X cannot disagree on what a discount is.
 */
export function discountsOfSales(source: string, group: string): string {
  const row = (kind: string, amount: string, from: string, where: string) =>
    `SELECT ${group} AS g, '${kind}' AS kind, count(*) AS count, sum(${amount}) AS amount, min(j.seq) AS first, max(j.seq) AS last FROM ${from} WHERE ${where} GROUP BY g`;
  const lines = `${source} j, json_each(j.payload, '$.lines') l`;
  return [
    row('line', `json_extract(l.value, '$.discount.halalas')`, lines, `${has('j.payload', 'discount')} AND ${has('l.value', 'discount')} AND json_extract(l.value, '$.discount.halalas') > 0`),
    row('sale', `json_extract(j.payload, '$.discount.halalas')`, `${source} j`, `${has('j.payload', 'discount')} AND json_extract(j.payload, '$.discount.halalas') > 0`),
    row('price', `${lineAt(LIST)} - ${lineAt(UNIT)}`, lines, `${has('j.payload', 'priceOverride')} AND ${has('l.value', 'priceOverride')} AND ${LIST} > ${UNIT}`),
  ].join(' UNION ALL ');
}

const upsertDiscounts = (source: string) =>
  `INSERT INTO daily_totals (day, dim, key, count, amount, vat, first_seq, last_seq)
   SELECT g, 'discount', kind, count, amount, 0, first, last FROM (${discountsOfSales(source, DAY)}) WHERE true
   ON CONFLICT (dim, day, key) DO UPDATE SET count = count + excluded.count, amount = amount + excluded.amount,
     first_seq = min(first_seq, excluded.first_seq), last_seq = max(last_seq, excluded.last_seq);`;

/** Every row re-derived from the whole journal (a change of the till's zone): 0240's dimensions and the discounts. */
export function rederiveDailyTotals(db: Database.Database): void {
  rederive0240(db);
  db.exec(upsertDiscounts(`(SELECT seq, at, payload FROM journal WHERE type = 'sale.completed' ORDER BY seq)`));
}

export const migration0270DailyDiscounts: Migration = {
  version: 270,
  name: 'daily discounts',
  up(db) {
    db.exec(`CREATE TRIGGER daily_totals_discounts AFTER INSERT ON journal WHEN NEW.type = 'sale.completed' BEGIN
      ${upsertDiscounts('(SELECT NEW.seq AS seq, NEW.at AS at, NEW.payload AS payload)')}
    END;`);
    db.exec(`DELETE FROM daily_totals WHERE dim = 'discount'`);
    db.exec(upsertDiscounts(`(SELECT seq, at, payload FROM journal WHERE type = 'sale.completed' ORDER BY seq)`));
  },
};
