import { MAX_CHANGE_HALALAS } from '../../preload/contract/schemas';
import { parseAmount } from '../format/money';

export { MAX_CHANGE_HALALAS };

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
