import { parseAmount } from '../format/money';

/**
 * The most change one cash tender may give, exclusive: 500 riyals, the largest Saudi note. A customer never needs
 * to hand over a whole 500 more than the sale costs, so a larger "tendered" amount is a slip — most often a barcode
 * scanned into the amount field by a scanner too slow to be told from typing (a 6-digit code reads as 123,456 riyals).
 * Main applies the same rule.
 */
export const MAX_CHANGE_HALALAS = 50_000;

export type TenderCheck =
  | { ok: true; tenderedHalalas: number }
  | { ok: false; code: 'AMOUNT_INVALID' | 'UNDER_TENDER' | 'CHANGE_TOO_LARGE' };

/** What the typed text means for this total: empty is "exact", junk, short and absurd amounts are refused. */
export function checkTender(text: string, totalHalalas: number): TenderCheck {
  const tendered = text.trim() === '' ? totalHalalas : parseAmount(text);
  if (tendered === null) return { ok: false, code: 'AMOUNT_INVALID' };
  if (tendered < totalHalalas) return { ok: false, code: 'UNDER_TENDER' };
  if (tendered - totalHalalas >= MAX_CHANGE_HALALAS) return { ok: false, code: 'CHANGE_TOO_LARGE' };
  return { ok: true, tenderedHalalas: tendered };
}
