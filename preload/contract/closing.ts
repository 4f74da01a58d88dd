// Closing the day (issue 15), first step: the X report — what the till took since its last closing, read from the
// ledger at any time and changing nothing. The Z report (the same figures, numbered, kept and printed at closing)
// builds on it.
import { z } from 'zod';
import { SecondFactorCode } from './people';
import { Reconciliation } from './reconciliation';
import { ErrorData, Halalas, VatCategory } from './schemas';

/**
 * Money taken or given back one way: cash, a card scheme / STC Pay with the wallet when one was used, or store
 * credit (vouchers redeemed on sales; vouchers issued by returns, among the refunds).
 */
export const TenderTotal = z.object({
  kind: z.enum(['cash', 'card', 'credit']),
  /** The card scheme as the terminal named it (MADA, VISA, MASTERCARD, AMEX, …; STCPAY for STC Pay); null for cash. */
  scheme: z.string().nullable(),
  /** apple_pay, google_pay, samsung_pay, other_wallet; null for a card or cash. */
  wallet: z.string().nullable(),
  count: z.number().int().nonnegative(),
  amountHalalas: Halalas,
});
export type TenderTotal = z.infer<typeof TenderTotal>;

export const VatTotal = z.object({
  category: VatCategory,
  ratePercent: z.number(),
  taxableHalalas: Halalas,
  vatHalalas: Halalas,
});
export type VatTotal = z.infer<typeof VatTotal>;

/**
 * What one cashier rang up in the period: completed sales (count) and their total less the returns of those sales.
 * The cashier is the one the sale carries (people, issue 14); null id: sales made before users, or while nobody was
 * signed in. Names are the user's as the till knows them now ('' when it does not).
 */
export const CashierTotal = z.object({
  cashierId: z.string().nullable(),
  nameAr: z.string(),
  nameEn: z.string(),
  count: z.number().int().nonnegative(),
  netHalalas: Halalas,
});
export type CashierTotal = z.infer<typeof CashierTotal>;

/** A card or STC Pay payment nobody knows the end of yet (unknown, orphaned, being reversed). */
export const PaymentNeedingAttention = z.object({
  reference: z.string(),
  kind: z.string(),
  state: z.string(),
  amountHalalas: Halalas,
});
export type PaymentNeedingAttention = z.infer<typeof PaymentNeedingAttention>;

export const PeriodReport = z.object({
  tillId: z.string(),
  /** The journal entries the report covers: after `afterSeq`, up to `uptoSeq` included. */
  afterSeq: z.number().int().nonnegative(),
  uptoSeq: z.number().int().nonnegative(),
  /** When the period began (its first entry) and when it was read; null from: nothing happened yet. */
  from: z.string().nullable(),
  to: z.string(),
  receipts: z.object({ count: z.number().int().nonnegative(), first: z.string().nullable(), last: z.string().nullable() }),
  /** What completed sales took, VAT included. */
  salesHalalas: Halalas,
  voids: z.object({ count: z.number().int().nonnegative(), halalas: Halalas }),
  returns: z.object({ count: z.number().int().nonnegative(), halalas: Halalas }),
  /**
   * What the completed sales gave off (already out of salesHalalas): line discounts, sale discounts and prices set
   * by hand below the catalog's, how many and how much. Absent from Z reports kept before it existed (read as none).
   */
  discounts: z.object({ count: z.number().int().nonnegative(), halalas: Halalas }).default({ count: 0, halalas: 0 }),
  /** Sales less returns. */
  netHalalas: Halalas,
  /** Sales less returns, per VAT category. */
  vat: z.array(VatTotal),
  /** How the sales were paid, and how the returns paid back. */
  tenders: z.array(TenderTotal),
  refunds: z.array(TenderTotal),
  /** Cash the sales left in the drawer and cash the returns took out of it. */
  cash: z.object({ takenHalalas: Halalas, refundedHalalas: Halalas }),
  /** Per cashier, highest net first. Absent from Z reports kept before it existed (read as none). */
  cashiers: z.array(CashierTotal).default([]),
  /** The drawer's shifts closed in the period: what the till expected, what was counted (blind), over/short. */
  shifts: z.array(z.object({ shiftNo: z.string(), expectedHalalas: Halalas, countedHalalas: Halalas, differenceHalalas: Halalas })),
  /** A shift is open (not yet counted and closed) on the till as the report is read. */
  shiftOpen: z.boolean(),
  paymentsNeedingAttention: z.array(PaymentNeedingAttention),
  /** E-invoices not yet reported, and refused (now, whatever their period). */
  einvoices: z.object({ waiting: z.number().int().nonnegative(), rejected: z.number().int().nonnegative() }),
  /** The ledger's last entry: the anchor a printed report carries. */
  chainHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }),
  /** The terminal's settlements in the period, each held against the ledger (main/closing/reconcile.ts). */
  reconciliations: z.array(Reconciliation).default([]),
  /** The till's last verified backup as the report is read (the closing checklist), or none yet. */
  lastBackup: z.object({ at: z.string(), entries: z.number().int().nonnegative() }).nullable().default(null),
});
export type PeriodReport = z.infer<typeof PeriodReport>;

/** A day's closing: its gapless number, when it was taken, who acknowledged payments still in doubt, and its figures. */
export const ZReport = z.object({
  number: z.number().int().positive(),
  /** `<till>-Z000001`, as printed. */
  zNo: z.string(),
  closedAt: z.string(),
  /** The manager who closed the day although payments were still in doubt (named on the Z); null otherwise. */
  acknowledgedBy: z.string().nullable(),
  report: PeriodReport,
});
export type ZReport = z.infer<typeof ZReport>;

export const CloseDayInput = z.strictObject({
  managerPin: z.string().regex(/^\d{4,8}$/),
  /** Only when payments are in doubt: the manager closing anyway, by name. */
  acknowledgedBy: z.string().trim().min(2).max(80).optional(),
  /** The manager's authenticator code, asked for past the cash threshold or over payments in doubt (docs/people.md). */
  secondFactor: SecondFactorCode.optional(),
});
export type CloseDayInput = z.infer<typeof CloseDayInput>;

export const CloseDayAnswer = z.object({
  z: ZReport,
  /** Null when the Z printed (or there is no printer); the printer's error otherwise — the Z stands either way. */
  printError: ErrorData.nullable(),
});
export type CloseDayAnswer = z.infer<typeof CloseDayAnswer>;

/**
 * The closing checklist's backup, run from the X tab: the till's verified copy of the ledger (main/backup, reason
 * `closing`). A backup that fails is answered as data (BACKUP_NOT_CONFIGURED, BACKUP_FOLDER_FULL…): the checklist
 * shows why, and the day may still be closed.
 */
export const ClosingBackupAnswer = z.object({
  backup: z.object({ at: z.string(), entries: z.number().int().nonnegative(), file: z.string() }).nullable(),
  error: ErrorData.nullable(),
});
export type ClosingBackupAnswer = z.infer<typeof ClosingBackupAnswer>;

/** A business day in the till's zone. */
export const BusinessDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

/** Whole business days `from`–`to` (at most a year and a day), for a manager. */
export const SalesReportInput = z
  .strictObject({ managerPin: z.string().regex(/^\d{4,8}$/), from: BusinessDay, to: BusinessDay })
  .refine((r) => r.from <= r.to && Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`) <= 366 * 24 * 3600_000, {
    message: 'from must not be after to, and the range at most 367 days',
  });
export type SalesReportInput = z.infer<typeof SalesReportInput>;

/**
 * The reports screen: the period's report over whole days (totals, VAT by category, tenders, refunds, cashiers) read
 * from the daily totals, and its spread — by day, by local hour — with the items that sold most.
 */
export const SalesReport = z.object({
  from: BusinessDay,
  to: BusinessDay,
  report: PeriodReport,
  byDay: z.array(z.object({ day: BusinessDay, count: z.number().int().nonnegative(), salesHalalas: Halalas, returnsHalalas: Halalas })),
  byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), count: z.number().int().nonnegative(), salesHalalas: Halalas })),
  /** By sales value, at most 10: pieces, or grams of a weighed item. */
  topItems: z.array(z.object({ productId: z.number().int(), nameAr: z.string(), nameEn: z.string(), quantity: z.number().int(), salesHalalas: Halalas })),
});
export type SalesReport = z.infer<typeof SalesReport>;
