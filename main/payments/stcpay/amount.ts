// Halalas ⇄ the decimal SAR amounts STC Pay's JSON carries, with integer and string arithmetic only: a binary
// float never holds money here. Out: "12.34" (always two decimals). In: a decimal numeral as STC Pay sends it
// (number or string in the JSON — wire.ts keeps numbers as their source text), at most two significant
// decimals; anything else (exponents, three decimals that are not zero, negatives) is not an amount.

/** The most a single STC Pay payment can be in halalas (SAR 1,000,000.00): far beyond wallet limits. */
export const MAX_HALALAS = 100_000_000;

export function halalasToSar(halalas: number): string {
  if (!Number.isSafeInteger(halalas) || halalas <= 0 || halalas > MAX_HALALAS) throw new RangeError(`not a payable amount: ${halalas} halalas`);
  const riyals = Math.floor(halalas / 100);
  const rest = halalas - riyals * 100;
  return `${riyals}.${String(rest).padStart(2, '0')}`;
}

/** Parses "12", "12.3", "12.34", "12.340" → halalas; undefined for anything that is not such a numeral. */
export function sarToHalalas(text: string): number | undefined {
  const m = /^(0|[1-9]\d{0,8})(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return undefined;
  return Number(m[1]) * 100 + Number(fraction.padEnd(2, '0'));
}
