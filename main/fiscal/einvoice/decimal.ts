// Halalas and thousandths as the decimal text UBL carries. Integer arithmetic only (BigInt for the unit price,
// which needs more places than a halala: a VAT-inclusive shelf price leaves a net unit price like 1.7391304348).
import { halalasToSar } from '../amount';

export const amountText = (halalas: number): string => halalasToSar(halalas);

/** Thousandths as UBL quantity text with six places, as the SDK samples write it ("33.000000"). */
export function quantityText(milli: number): string {
  if (!Number.isSafeInteger(milli) || milli <= 0) throw new RangeError(`quantity ${milli} thousandths`);
  const whole = Math.trunc(milli / 1000);
  return `${whole}.${String(milli - whole * 1000).padStart(3, '0')}000`;
}

/**
 * net ÷ quantity in SAR, rounded half-up to `places` decimals, trailing zeros kept to two: the unit price that
 * reproduces the line's net amount when ZATCA multiplies it back (BR-KSA-EN16931-11).
 */
export function unitPriceText(netHalalas: number, quantityMilli: number, places = 10): string {
  // SAR = halalas / 100; per unit = × 1000 / milli. Scaled by 10^places: halalas × 10 × 10^places / milli.
  const scale = 10n ** BigInt(places);
  const numerator = BigInt(netHalalas) * 10n * scale;
  const denominator = BigInt(quantityMilli);
  let q = numerator / denominator;
  if ((numerator % denominator) * 2n >= denominator) q += 1n;
  const digits = q.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '').padEnd(2, '0');
  return `${whole}.${fraction}`;
}
