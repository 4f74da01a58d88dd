// ServiceIDs (MessageHeader.ServiceID: at most 10 characters, unique per request of one SaleID).
//
// Financial requests (Payment, and the Reversal we use for refunds and reversals) derive theirs from the intent's
// reference, deterministically, so that after a crash the till can name the ORIGINAL request in a
// TransactionStatus knowing nothing but the reference it committed before sending (payments.md §6.1, §6.3):
//
//     ServiceID = "N" + base36(reference as an integer), upper case, left-padded with "0" to 9 characters
//
// The till's references are exactly 14 decimal digits (main/payments/references.ts; anything else is refused)
// and 10^14 − 1 < 36^9, so nine base-36 characters always suffice and the map is one-to-one: two references
// never share a ServiceID, and the reference can be read back from it (referenceOfServiceId, used by the
// simulator and in logs). Every intent has its own reference and sends exactly one financial request, so each
// ServiceID is used once. Example: reference 00000000000042 → ServiceID N000000016.
//
// Control requests (TransactionStatus, Abort, Reconciliation, Diagnosis) are not financial and are never asked
// about later, so theirs are random: a letter naming the category ("S", "A", "R", "D" — never "N") and nine random
// base-36 characters.
import { randomInt } from 'node:crypto';

const REFERENCE = /^\d{14}$/;
const FINANCIAL = /^N[0-9A-Z]{9}$/;

export function isValidReference(reference: string): boolean {
  return REFERENCE.test(reference);
}

export function serviceIdOf(reference: string): string {
  if (!isValidReference(reference)) throw new RangeError(`invalid reference ${JSON.stringify(reference)} (14 digits)`);
  return `N${BigInt(reference).toString(36).toUpperCase().padStart(9, '0')}`;
}

/** The 14-digit reference a financial ServiceID was derived from, or null for any other ServiceID. */
export function referenceOfServiceId(serviceId: string): string | null {
  if (!FINANCIAL.test(serviceId)) return null;
  let value = 0n;
  for (const ch of serviceId.slice(1).toLowerCase()) value = value * 36n + BigInt(parseInt(ch, 36));
  const text = value.toString();
  return text.length <= 14 ? text.padStart(14, '0') : null; // 36^9 > 10^14: larger values were never derived
}

export type ControlKind = 'status' | 'abort' | 'reconciliation' | 'diagnosis';
const PREFIX: Record<ControlKind, string> = { status: 'S', abort: 'A', reconciliation: 'R', diagnosis: 'D' };
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function controlServiceId(kind: ControlKind): string {
  let id = PREFIX[kind];
  for (let i = 0; i < 9; i += 1) id += ALPHABET[randomInt(36)];
  return id;
}
