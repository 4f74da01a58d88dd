// Quick-tender amounts: the banknotes a customer is likely to hand over for this total. Saudi riyal notes
// are 5, 10, 20, 50, 100, 200 and 500; above 500 the customer pays with several notes, so round-ups to the
// next 100, 500 and 1000 stand in for them. None that would give 500 riyals or more in change (see tendered.ts).
import { MAX_CHANGE_HALALAS } from '../../preload/contract/schemas';

export const SAR_NOTES_HALALAS: readonly number[] = [500, 1000, 2000, 5000, 10000, 20000, 50000];
const ROUND_UP_STEPS_HALALAS: readonly number[] = [10000, 50000, 100000];
export const DEFAULT_QUICK_TENDER_COUNT = 4;

/** The smallest multiple of `step` strictly above `total`. */
const nextMultipleAbove = (total: number, step: number): number => (Math.floor(total / step) + 1) * step;

/**
 * Note amounts (in halalas, ascending) worth offering next to the "exact" button. An amount equal to the
 * total is left out because "exact" already covers it.
 */
export function quickTenderAmounts(totalHalalas: number, count = DEFAULT_QUICK_TENDER_COUNT): number[] {
  if (!Number.isSafeInteger(totalHalalas) || totalHalalas <= 0) return [];
  const candidates = new Set<number>();
  for (const note of SAR_NOTES_HALALAS) if (note > totalHalalas) candidates.add(note);
  for (const step of ROUND_UP_STEPS_HALALAS) candidates.add(nextMultipleAbove(totalHalalas, step));
  return [...candidates]
    .filter((amount) => amount - totalHalalas < MAX_CHANGE_HALALAS)
    .sort((a, b) => a - b)
    .slice(0, count);
}
