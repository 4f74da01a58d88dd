import { parseAmount } from '../format/money';

export type TenderCheck =
  | { ok: true; tenderedHalalas: number }
  | { ok: false; code: 'AMOUNT_INVALID' | 'UNDER_TENDER' };

/** What the typed text means for this total: empty is "exact", junk and short amounts are refused. */
export function checkTender(text: string, totalHalalas: number): TenderCheck {
  const tendered = text.trim() === '' ? totalHalalas : parseAmount(text);
  if (tendered === null) return { ok: false, code: 'AMOUNT_INVALID' };
  if (tendered < totalHalalas) return { ok: false, code: 'UNDER_TENDER' };
  return { ok: true, tenderedHalalas: tendered };
}
