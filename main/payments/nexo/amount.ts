// Integer halalas ⇄ the decimal SAR amounts of the Terminal API (AmountsReq.RequestedAmount = 12.34), with integer
// and string arithmetic only: never `halalas / 100` or `sar * 100`, which are off by one halala for some values.
//
// Out: the integer is written as decimal text ("1234" → "12.34") and that text becomes the JSON number. JavaScript
// prints a number in its shortest round-trip form, so JSON.stringify(Number("12.34")) is exactly "12.34".
// In: a parsed JSON number is printed back in that same shortest form (String(12.34) === "12.34") and the text is
// split at the point. Anything that is not plain digits with at most two decimals (exponents, 12.345, negatives,
// NaN) is refused: an amount the till cannot read exactly is treated as a corrupt answer, never rounded.

const MAX_HALALAS = 99_999_999_999; // 999 999 999.99 SAR: far above any till amount, far below 2^53

/** "12.34" for 1234 halalas. */
export function sarText(halalas: number): string {
  if (!Number.isSafeInteger(halalas) || halalas < 0 || halalas > MAX_HALALAS) throw new RangeError(`invalid amount ${halalas} halalas`);
  const digits = String(halalas).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The Terminal API amount for `halalas` (a JSON number that serialises as exactly sarText(halalas)). */
export function halalasToSar(halalas: number): number {
  return Number(sarText(halalas));
}

/** Halalas for a received amount, or null when it is not an exact non-negative SAR amount. */
export function sarToHalalas(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(value));
  if (!match) return null;
  const riyals = match[1]!;
  const fraction = (match[2] ?? '').padEnd(2, '0');
  if (riyals.length > 9) return null;
  return Number(riyals) * 100 + Number(fraction);
}
