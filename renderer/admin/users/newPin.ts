// A PIN typed twice on the Users tab: the two must agree and be 4–8 digits (Arabic-Indic digits too, sent as
// Latin) before anything is sent; main checks the format again, and whether another active user has it. Pure, so
// the unit test needs no browser.
import { toLatinDigits } from '../../../preload/contract/digits';

export type NewPinCheck = { ok: true; pin: string } | { ok: false; problem: 'format' | 'mismatch' };

export function checkNewPin(typed: string, again: string): NewPinCheck {
  const pin = toLatinDigits(typed.trim());
  if (!/^\d{4,8}$/.test(pin)) return { ok: false, problem: 'format' };
  return pin === toLatinDigits(again.trim()) ? { ok: true, pin } : { ok: false, problem: 'mismatch' };
}
