// When closing the day asks the closing manager for their authenticator code (issue 14: "managers above
// configurable thresholds (… closing with a cash difference)", docs/people.md). The Z is where the day's cash
// is signed off, so it asks again what each shift close asked, at the day's level:
// - a shift of the period counted out by more than `twoFactor.cashDifferenceAboveHalalas` (over or short), or
//   the period's shifts together out by more (two shifts short by 30 each are a day short by 60);
// - payments still in doubt that the manager closes anyway, naming themselves on the Z. Without the name the Z
//   is refused (CLOSING_PAYMENTS_IN_DOUBT) whatever the code, so no code is spent on it then.
import type { PeriodReport } from '../../preload/contract';

export function closingNeedsSecondFactor(
  period: Pick<PeriodReport, 'shifts' | 'paymentsNeedingAttention'>,
  cashDifferenceAboveHalalas: number,
  acknowledged: boolean,
): boolean {
  if (period.paymentsNeedingAttention.length > 0) return acknowledged;
  const differences = period.shifts.map((s) => s.differenceHalalas);
  const total = differences.reduce((sum, d) => sum + d, 0);
  return [...differences, total].some((d) => Math.abs(d) > cashDifferenceAboveHalalas);
}
