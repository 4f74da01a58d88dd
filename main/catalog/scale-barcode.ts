// GS1 variable-measure EAN-13 (restricted circulation, prefixes 20–29): a label printed by a shop's scale names
// the item by its PLU and carries either the weight or the price. How the 13 digits divide is each shop's
// choice (their scales are set up by the vendor), so the layouts are a till setting (main/settings/scale.ts,
// docs/catalog.md). Laid out left to right:
//   prefix (2) | item code (itemDigits) | price check digit (0 or 1) | value (valueDigits) | EAN check digit
// and the widths add up to 13. The EAN-13 check digit is checked by classifyBarcode before a layout is read.
//
// The price check digit (GS1 General Specifications §7.9.3) guards a 4- or 5-digit value: each digit's
// weighted result comes from a table (2-: ×2 then units minus tens; 3: ×3; 5+: ×5 then units plus tens;
// 5-: ×5 then units minus tens), tested against the specification's examples in test/catalog/scale-barcode.test.ts.

export type ScaleValue = 'weight-grams' | 'price-halalas';

export interface ScaleLayout {
  /** Two digits, 20–29. */
  prefix: string;
  itemDigits: number;
  value: ScaleValue;
  valueDigits: number;
  /** A price check digit sits between the item code and the value (4- or 5-digit values only). */
  priceCheckDigit: boolean;
}

export type ScaleRead =
  | { status: 'not-scale' }
  | { status: 'ok'; itemCode: string; value: ScaleValue; amount: number; code: string }
  | { status: 'bad-price-check-digit'; code: string; itemCode: string };

const TWO_MINUS = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7] as const;
const THREE = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7] as const;
const FIVE_PLUS = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9] as const;
const FIVE_MINUS = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1] as const;

const weighted = (tables: readonly (readonly number[])[], digits: string): number =>
  tables.reduce((sum, table, i) => sum + table[digits.charCodeAt(i) - 48]!, 0);

/** The price check digit of a 4- or 5-digit value; throws on anything else (callers validate the layout first). */
export function priceCheckDigit(value: string): string {
  if (!/^\d{4,5}$/.test(value)) throw new RangeError('priceCheckDigit: 4 or 5 digits');
  if (value.length === 4) return String((weighted([TWO_MINUS, TWO_MINUS, THREE, FIVE_MINUS], value) * 3) % 10);
  // Five digits: the check digit is the one whose 5- result takes the sum up to a multiple of ten.
  const missing = (10 - (weighted([FIVE_PLUS, TWO_MINUS, FIVE_MINUS, FIVE_PLUS, TWO_MINUS], value) % 10)) % 10;
  return String(FIVE_MINUS.indexOf(missing as (typeof FIVE_MINUS)[number]));
}

/** Why a layout cannot be read, or null when it can (the settings schema uses it to refuse a bad one). */
export function layoutProblem(l: ScaleLayout): string | null {
  if (!/^2\d$/.test(l.prefix)) return 'the prefix must be 20 to 29';
  if (2 + l.itemDigits + (l.priceCheckDigit ? 1 : 0) + l.valueDigits + 1 !== 13) return 'prefix, item, check and value digits must add up to 13';
  if (l.priceCheckDigit && (l.valueDigits < 4 || l.valueDigits > 5)) return 'a price check digit guards a 4- or 5-digit value only';
  return null;
}

/**
 * Reads an EAN-13 (already normalised, its check digit right) by the layout of its prefix. `not-scale`: no
 * layout claims the prefix, and the code is looked up as an ordinary barcode.
 */
export function readScaleBarcode(code: string, layouts: readonly ScaleLayout[]): ScaleRead {
  if (!/^2\d{12}$/.test(code)) return { status: 'not-scale' };
  const layout = layouts.find((l) => l.prefix === code.slice(0, 2));
  if (!layout || layoutProblem(layout) !== null) return { status: 'not-scale' };
  const itemCode = code.slice(2, 2 + layout.itemDigits);
  const valueAt = 2 + layout.itemDigits + (layout.priceCheckDigit ? 1 : 0);
  const value = code.slice(valueAt, valueAt + layout.valueDigits);
  if (layout.priceCheckDigit && priceCheckDigit(value) !== code[valueAt - 1]) return { status: 'bad-price-check-digit', code, itemCode };
  return { status: 'ok', itemCode, value: layout.value, amount: Number(value), code };
}
