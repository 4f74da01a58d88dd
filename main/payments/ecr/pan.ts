// Full-PAN defence. The terminal is supposed to send only a masked PAN, but a misconfigured terminal (or a test
// kit) may not: whatever looks like a card number is masked to first 6 + last 4 before it leaves the codec, so a
// full PAN can never reach the ledger, a receipt, a log or the renderer.
//
// "Looks like a card number" (isPanLike), for a maximal run of digits (single spaces/dashes allowed between them):
// drop leading zeros (no payment card number starts with 0 — ISO/IEC 7812 MII 0 is not issued for cards — and
// zero-padded fields and AIDs, A000000…, are full of them); what is left is PAN-like if it has more than 19 digits
// (no legitimate text field carries such a run, and it could hide a PAN anywhere inside) or 13–19 digits passing
// the Luhn check (every real PAN does; a 15-digit VAT number mostly does not, so receipts stay readable).

/** A maximal run of 13 or more digits, optionally grouped with single spaces or dashes ("4111 1111 1111 1111"). */
const DIGIT_RUN = /\d(?:[ -]?\d){12,}/g;
const compactDigits = (s: string) => s.replace(/[ -]/g, '');

export function maskPanDigits(digits: string): string {
  return digits.slice(0, 6) + '*'.repeat(Math.max(0, digits.length - 10)) + digits.slice(-4);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isPanLike(digits: string): boolean {
  const significant = digits.replace(/^0+/, '');
  if (significant.length < 13) return false;
  return significant.length > 19 || luhnValid(significant);
}

/**
 * The PAN field itself: any run of 13 or more digits is a card number whatever its check digit (masked
 * unconditionally), and the spaces or dashes some terminals insert are not allowed to hide one.
 */
export function sanitizePanField(raw: string): string {
  const compact = raw.replace(/[\s-]/g, '');
  if (/\d{13,}/.test(compact)) return compact.replace(/\d{13,}/g, maskPanDigits);
  return raw;
}

/** Any other field: PAN-like runs (see above) are masked. */
export function sanitizeText(raw: string): string {
  return raw.replace(DIGIT_RUN, (run) => {
    const digits = compactDigits(run);
    return isPanLike(digits) ? maskPanDigits(digits) : run;
  });
}

/** True if the text still holds what sanitizeText() masks (for tests and assertions). */
export function containsFullPan(text: string): boolean {
  return (text.match(DIGIT_RUN) ?? []).some((run) => isPanLike(compactDigits(run)));
}
