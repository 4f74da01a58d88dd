// Store credit vouchers as the screen sees them (docs/returns.md, "Store credit"): looked up by number, and voided
// by a manager when the paper is lost, stolen or was issued in error.
import { z } from 'zod';

/** Why a voucher is voided: the usual causes, or another in the manager's words (`note`). */
export const VoidReason = z.enum(['lost', 'stolen', 'issued_in_error', 'other']);
export type VoidReason = z.infer<typeof VoidReason>;

/** A voucher: what it was issued for, what is left, and whether it still pays. */
export const StoreCreditVoucher = z.object({
  voucherNo: z.string().regex(/^SC\d{13}$/),
  issuedHalalas: z.number().int().positive(),
  balanceHalalas: z.number().int().nonnegative(),
  /** The return that issued it. */
  returnNo: z.string(),
  createdAt: z.string(),
  state: z.enum(['active', 'used', 'voided']),
});
export type StoreCreditVoucher = z.infer<typeof StoreCreditVoucher>;

/** A number as typed or scanned (spaces and case do not matter; main reads it). */
export const VoucherNoInput = z.string().min(1).max(40);

export const VoidStoreCreditInput = z
  .strictObject({
    voucherNo: VoucherNoInput,
    reason: VoidReason,
    /** The manager's words: required for 'other', optional otherwise. */
    note: z.string().trim().max(120).optional(),
    managerPin: z.string().regex(/^\d{4,8}$/),
  })
  .refine((v) => v.reason !== 'other' || (v.note ?? '').length >= 3, { path: ['note'], message: 'a reason in words' });
