import { toLatinDigits } from '../format/digits';

/** Digits only (in any script): a hand-typed barcode, submitted with Enter rather than searched. */
export function asTypedBarcode(text: string): string | null {
  const normalized = toLatinDigits(text.trim());
  return /^[0-9]{1,64}$/.test(normalized) ? normalized : null;
}

/** Text worth a catalog search: anything non-blank that is not a typed barcode. */
export function searchTextOf(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '' || asTypedBarcode(trimmed) !== null) return null;
  return trimmed.slice(0, 100);
}
