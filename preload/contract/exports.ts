// Exports (issue 15) and the audit list (issue 14): a report or the audit list written as a file into the till's
// data folder (`exports/`), answered with where it was saved; and the privileged acts read back from the journal.
import { z } from 'zod';

const ManagerPin = z.string().regex(/^\d{4,8}$/);

export const ExportFormat = z.enum(['csv', 'pdf']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** A file written for the manager: where it is (absolute), its name and size. */
export const ExportedFile = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;

export const ExportZInput = z.strictObject({
  zNumber: z.number().int().positive().max(10_000_000),
  format: ExportFormat,
  managerPin: ManagerPin,
});
export type ExportZInput = z.infer<typeof ExportZInput>;

/** The X report (the open period) as CSV. */
export const ExportXInput = z.strictObject({ managerPin: ManagerPin });

/** The kinds of privileged act the audit list shows (main/audit/actions.ts: which journal entries each one is). */
export const AuditAction = z.enum([
  'manager_approval',
  'discount',
  'settlement',
  'manager_pin',
  'return',
  'refund',
  'void',
  'line_removed',
  'drawer',
  'settings',
  'sign_in',
  'sign_in_failed',
  'user',
  'payment_resolved',
  'z_closing',
  'store_credit',
  'reprint',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditRow = z.object({
  /** The journal entry: its sequence number is the row's identity and the paging cursor. */
  seq: z.number().int().positive(),
  at: z.string(),
  action: AuditAction,
  /** The journal entry's own type (`sale.voided`, `manager.authorised`, …). */
  type: z.string(),
  /** Who did it, as the entry names them (a user id, `cli`, a manager's name); null when the entry does not say. */
  userId: z.string().nullable(),
  /** One line of what happened, from the entry's payload (receipt, amount, reason, action approved). */
  detail: z.string(),
  /** Settings changes: the value before and after, where the entry has them. */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/);

export const AuditFilter = z.strictObject({
  /** Inclusive; a bare date is that day's start (UTC) for `from`, its end for `to`. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  userId: z.string().trim().min(1).max(64).optional(),
  action: AuditAction.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const ListAuditInput = AuditFilter.extend({
  limit: z.number().int().min(1).max(200),
  /** The `nextCursor` of the previous page: entries older than it. */
  cursor: z.number().int().positive().optional(),
  managerPin: ManagerPin,
});
export type ListAuditInput = z.infer<typeof ListAuditInput>;

export const AuditPage = z.object({
  rows: z.array(AuditRow),
  /** Null on the last page. */
  nextCursor: z.number().int().positive().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const ExportAuditInput = AuditFilter.extend({ managerPin: ManagerPin });
export type ExportAuditInput = z.infer<typeof ExportAuditInput>;
