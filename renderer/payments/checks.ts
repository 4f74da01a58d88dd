// What a cashier or manager typed, checked before it goes to main with the wording main would use. Digits
// may arrive in any script (the Arabic layout types ٠-٩); they are normalised to Latin first. Pure.
import type { PaymentMethod } from '../../preload/contract/schemas';
import { toLatinDigits } from '../format/digits';
import { parseAmount } from '../format/money';

export type Check<T, C extends string> = { ok: true; value: T } | { ok: false; code: C };

/** A card or STC Pay amount: empty means all that is due; more than due is refused; a smaller amount is a split. */
export function checkPaymentAmount(text: string, dueHalalas: number): Check<number, 'AMOUNT_INVALID' | 'AMOUNT_OVER_DUE' | 'NOTHING_DUE'> {
  if (dueHalalas <= 0) return { ok: false, code: 'NOTHING_DUE' };
  const amount = text.trim() === '' ? dueHalalas : parseAmount(text);
  if (amount === null || amount <= 0) return { ok: false, code: 'AMOUNT_INVALID' };
  if (amount > dueHalalas) return { ok: false, code: 'AMOUNT_OVER_DUE' };
  return { ok: true, value: amount };
}

/** A manager PIN: 4-8 digits. Returned in Latin digits; never kept anywhere after the call. */
export function checkPin(text: string): Check<string, 'PIN_INVALID'> {
  const pin = toLatinDigits(text.trim());
  return /^\d{4,8}$/.test(pin) ? { ok: true, value: pin } : { ok: false, code: 'PIN_INVALID' };
}

/** The RRN printed on the terminal's receipt: 12 digits (spaces as printed are tolerated). */
export function checkRrn(text: string): Check<string, 'RRN_INVALID'> {
  const rrn = toLatinDigits(text).replace(/\s+/g, '');
  return /^\d{12}$/.test(rrn) ? { ok: true, value: rrn } : { ok: false, code: 'RRN_INVALID' };
}

/** The approval (authorisation) code: 6 letters or digits, as printed. */
export function checkAuthCode(text: string): Check<string, 'AUTH_CODE_INVALID'> {
  const code = toLatinDigits(text).replace(/\s+/g, '').toUpperCase();
  return /^[0-9A-Z]{6}$/.test(code) ? { ok: true, value: code } : { ok: false, code: 'AUTH_CODE_INVALID' };
}

/** STC Pay's STCPayRefNum, as the merchant portal shows it: 6-40 letters, digits or dashes. */
export function checkStcPayRef(text: string): Check<string, 'STCPAY_REF_INVALID'> {
  const ref = toLatinDigits(text).replace(/\s+/g, '');
  return /^[0-9A-Za-z-]{6,40}$/.test(ref) ? { ok: true, value: ref } : { ok: false, code: 'STCPAY_REF_INVALID' };
}

export interface ResolveForm {
  outcome: 'approved' | 'declined' | null;
  rrn: string;
  authCode: string;
  pin: string;
}

export type ResolveInput =
  | { outcome: 'approved'; rrn: string; authCode: string; managerPin: string }
  | { outcome: 'approved'; rrn: string; managerPin: string }
  | { outcome: 'declined'; managerPin: string };

export type ResolveCode = 'OUTCOME_REQUIRED' | 'RRN_INVALID' | 'AUTH_CODE_INVALID' | 'STCPAY_REF_INVALID' | 'PIN_INVALID';

/**
 * A manager settling an unknown payment. Approved needs the evidence: for a card, the terminal receipt's RRN
 * and approval code; for STC Pay, the STCPayRefNum from the merchant portal (sent as `rrn`, no code). Declined
 * needs only the manager's PIN. There is no third choice.
 */
export function checkResolve(form: ResolveForm, method: PaymentMethod = 'card'): Check<ResolveInput, ResolveCode> {
  if (form.outcome === null) return { ok: false, code: 'OUTCOME_REQUIRED' };
  if (form.outcome === 'approved' && method === 'stcpay') {
    const ref = checkStcPayRef(form.rrn);
    if (!ref.ok) return ref;
    const pin = checkPin(form.pin);
    if (!pin.ok) return pin;
    return { ok: true, value: { outcome: 'approved', rrn: ref.value, managerPin: pin.value } };
  }
  if (form.outcome === 'approved') {
    const rrn = checkRrn(form.rrn);
    if (!rrn.ok) return rrn;
    const auth = checkAuthCode(form.authCode);
    if (!auth.ok) return auth;
    const pin = checkPin(form.pin);
    if (!pin.ok) return pin;
    return { ok: true, value: { outcome: 'approved', rrn: rrn.value, authCode: auth.value, managerPin: pin.value } };
  }
  const pin = checkPin(form.pin);
  if (!pin.ok) return pin;
  return { ok: true, value: { outcome: 'declined', managerPin: pin.value } };
}

/** Receipt numbers are printed like "T01-000042"; typed digits may be Arabic-Indic, case may vary. */
export function normaliseReceiptNo(text: string): string | null {
  const value = toLatinDigits(text.trim()).toUpperCase();
  return value.length >= 1 && value.length <= 32 ? value : null;
}
