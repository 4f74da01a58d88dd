// People (issue 14, docs/people.md): the till's users as the views see them — never a PIN, a salt or a hash —
// and the till's sign-in session. Main holds who is signed in; the renderer only shows it.
import { z } from 'zod';

export const UserRole = z.enum(['cashier', 'supervisor', 'manager', 'admin', 'trainee']);
export type UserRole = z.infer<typeof UserRole>;

/** A PIN as typed: 4 to 8 digits. */
export const UserPin = z.string().regex(/^\d{4,8}$/);

/** A staff badge's barcode as scanned (main hashes it before comparing; it is never stored as read). */
export const BadgeCode = z.string().min(4).max(64);

/** Who rang a sale up, as the sale and its receipt keep it (the names as they were then). */
export const SaleCashier = z.object({ id: z.string(), nameAr: z.string(), nameEn: z.string() });
export type SaleCashier = z.infer<typeof SaleCashier>;

export const SignedInUser = z.object({
  id: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  role: UserRole,
});
export type SignedInUser = z.infer<typeof SignedInUser>;

export const TillSession = z.object({
  /** Null: the till is locked (or nobody signed in yet); sale methods answer SIGNED_OUT. */
  user: SignedInUser.nullable(),
  /**
   * False only on a till with no active user yet (upgraded from before users, or a demo till just gone live, whose
   * demo staff are retired): it sells unattributed, as it did, and the health page warns, until the first user is
   * added; from then on nobody sells signed out.
   */
  required: z.boolean(),
  /** The till locks itself after this long without a person's action; 0: never. */
  lockAfterMs: z.number().int().nonnegative(),
  /**
   * Whether the admin screen first asks for the till's first admin (addFirstAdmin): `not_needed` once any user is
   * active; `needed` while the shared PIN is the demo's (a live till refuses it); `needed_with_till_pin` while the
   * shop's own shared PIN is set, which the form then asks for too.
   */
  firstAdmin: z.enum(['not_needed', 'needed', 'needed_with_till_pin']),
});
export type TillSession = z.infer<typeof TillSession>;

/** A PIN alone (it names its user: two active users never share one), or a badge scan then the PIN. */
export const SignInInput = z.union([z.strictObject({ pin: UserPin }), z.strictObject({ badge: BadgeCode, pin: UserPin })]);
export type SignInInput = z.infer<typeof SignInInput>;

/** A code for an approval's second factor: the 6 digits of the approver's authenticator app, or a recovery code. */
export const SecondFactorCode = z.string().trim().min(6).max(16);

/** What enrolling in two-factor shows once: the QR to scan (a data: URL of the otpauth:// URI), the secret typed by hand, the recovery codes. */
export const TotpEnrolment = z.object({
  uri: z.string(),
  qrDataUrl: z.string(),
  secret: z.string(),
  recoveryCodes: z.array(z.string()),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;
