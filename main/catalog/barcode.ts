// Barcode rules, shared by the scan path and the catalog import.
//
// Decisions (tested in test/catalog/barcode.test.ts):
//   - Surrounding whitespace is trimmed (scanners append CR/LF/TAB suffixes).
//   - Arabic-Indic digits (٠–٩, ۰–۹) are read as digits: they come from a code typed on an Arabic
//     keyboard and are unambiguous. Any other non-ASCII character is "malformed": that is what a
//     keyboard-wedge scanner produces when the till is switched to the Arabic layout (letters come out
//     as ض ص ث ...), and guessing the intended code would be worse than asking for a rescan.
//   - All-digit codes of GTIN length are GTINs and must carry a correct check digit:
//     8 = EAN-8, 12 = UPC-A, 13 = EAN-13, 14 = GTIN-14. A wrong check digit is reported separately
//     from "malformed" because it usually means a mistyped or misread code.
//   - UPC-A (12 digits) is stored and looked up as its EAN-13 form ("0" + code), and a GTIN-14 with a
//     leading 0 as its 13-digit form: scanners are configured either way, and the same tin must hit
//     the same product.
//   - Internal (shop-assigned) codes: 4–32 ASCII letters and digits, e.g. "1001" or "PLU42"; an
//     all-digit code of a GTIN length is always treated as a GTIN. No punctuation, so a stray suffix
//     character from a misconfigured scanner is caught rather than looked up. Letters are upper-cased so
//     "plu42" and "PLU42" are the same code. Shorter than 4 is rejected: a 1–3 character "code" is
//     almost always a key pressed by accident.
import { latinDigits } from './normalize';

export type GtinKind = 'ean8' | 'upca' | 'ean13' | 'gtin14';
export type BarcodeKind = GtinKind | 'internal';

export type BarcodeClass =
  | { status: 'ok'; code: string; kind: BarcodeKind }
  | { status: 'malformed'; reason: 'empty' | 'non-ascii' | 'characters' | 'length' }
  | { status: 'bad-check-digit'; code: string; expected: string };

const GTIN_KIND: Readonly<Record<number, GtinKind>> = { 8: 'ean8', 12: 'upca', 13: 'ean13', 14: 'gtin14' };

export const INTERNAL_MIN = 4;
export const INTERNAL_MAX = 32;

/**
 * GS1 check digit for the digits before it (any GTIN length): weights 3,1,3,... from the right.
 * Throws on non-digits — callers validate first.
 */
export function gtinCheckDigit(body: string): string {
  if (!/^\d+$/.test(body)) throw new RangeError('gtinCheckDigit: digits only');
  let sum = 0;
  for (let i = body.length - 1, w = 3; i >= 0; i--, w = 4 - w) sum += (body.charCodeAt(i) - 48) * w;
  return String((10 - (sum % 10)) % 10);
}

/** True for an all-digit EAN-8, UPC-A, EAN-13 or GTIN-14 whose check digit is right. */
export function isValidGtin(code: string): boolean {
  if (!/^\d+$/.test(code) || GTIN_KIND[code.length] === undefined) return false;
  return gtinCheckDigit(code.slice(0, -1)) === code.slice(-1);
}

export function classifyBarcode(raw: string): BarcodeClass {
  const code = latinDigits(raw.trim());
  if (code === '') return { status: 'malformed', reason: 'empty' };
  if (/[^\x20-\x7e]/.test(code)) return { status: 'malformed', reason: 'non-ascii' };
  if (!/^[0-9A-Za-z]+$/.test(code)) return { status: 'malformed', reason: 'characters' };
  const gtin = /^\d+$/.test(code) ? GTIN_KIND[code.length] : undefined;
  if (gtin !== undefined) {
    const expected = gtinCheckDigit(code.slice(0, -1));
    if (expected !== code.slice(-1)) return { status: 'bad-check-digit', code, expected };
    if (gtin === 'upca') return { status: 'ok', code: `0${code}`, kind: gtin };
    if (gtin === 'gtin14' && code.startsWith('0')) return { status: 'ok', code: code.slice(1), kind: gtin };
    return { status: 'ok', code, kind: gtin };
  }
  if (code.length < INTERNAL_MIN || code.length > INTERNAL_MAX) return { status: 'malformed', reason: 'length' };
  return { status: 'ok', code: code.toUpperCase(), kind: 'internal' };
}

/** The stored form of a barcode, or undefined when it could not be a product's code. */
export function normalizeBarcode(raw: string): string | undefined {
  const c = classifyBarcode(raw);
  return c.status === 'ok' ? c.code : undefined;
}
