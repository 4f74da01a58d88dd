// What a cashier types on the shift screen, checked before it goes to main with main's own limits: pieces per
// denomination, a paid-in/out amount, a reason. Digits may arrive in any script (the Arabic layout types ٠-٩). Pure.
import { DENOMINATIONS, MAX_MOVEMENT_HALALAS, MAX_PIECES, type CashCount, type DenominationKey } from '../../preload/contract/shifts';
import type { ErrorData } from '../../preload/contract/schemas';
import { toLatinDigits } from '../format/digits';
import { parseAmount } from '../format/money';
import ar from '../i18n/locales/ar.json';
import en from '../i18n/locales/en.json';
import type { Check } from '../payments/checks';

export type ShiftErrorCode = keyof typeof en.shift.errors & keyof typeof ar.shift.errors;

export function shiftError(code: ShiftErrorCode): ErrorData {
  return { code, message_ar: ar.shift.errors[code], message_en: en.shift.errors[code] };
}

/** The counter's fields as typed, one per denomination. */
export type PiecesText = Partial<Record<DenominationKey, string>>;

/** Pieces of one denomination: empty is none; a whole number up to MAX_PIECES; anything else null. */
export function parsePieces(text: string | undefined): number | null {
  const typed = toLatinDigits((text ?? '').trim());
  if (typed === '') return 0;
  if (!/^\d{1,4}$/.test(typed)) return null;
  const pieces = Number.parseInt(typed, 10);
  return pieces <= MAX_PIECES ? pieces : null;
}

/** The count the fields hold, or the first denomination whose field is not a number of pieces. */
export function checkCount(fields: PiecesText): { ok: true; value: CashCount } | { ok: false; code: 'SHIFT_PIECES_INVALID'; key: DenominationKey } {
  const count: CashCount = {};
  for (const d of DENOMINATIONS) {
    const pieces = parsePieces(fields[d.key]);
    if (pieces === null) return { ok: false, code: 'SHIFT_PIECES_INVALID', key: d.key };
    if (pieces > 0) count[d.key] = pieces;
  }
  return { ok: true, value: count };
}

/** A field changed by one piece (the − and + buttons and keys); never below 0 nor above MAX_PIECES. */
export function stepPieces(text: string | undefined, delta: 1 | -1): string {
  const pieces = parsePieces(text) ?? 0;
  return String(Math.min(MAX_PIECES, Math.max(0, pieces + delta)));
}

export function checkMovementAmount(text: string): Check<number, 'SHIFT_AMOUNT_INVALID'> {
  const amount = parseAmount(text);
  return amount !== null && amount > 0 && amount <= MAX_MOVEMENT_HALALAS ? { ok: true, value: amount } : { ok: false, code: 'SHIFT_AMOUNT_INVALID' };
}

export const REASON_MAX = 120;

export function checkReason(text: string): Check<string, 'SHIFT_REASON_REQUIRED'> {
  const reason = text.trim().replace(/\s+/g, ' ');
  return reason !== '' && reason.length <= REASON_MAX ? { ok: true, value: reason } : { ok: false, code: 'SHIFT_REASON_REQUIRED' };
}
