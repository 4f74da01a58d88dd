// Value shapes that cross the process boundary. Money is always integer halalas (1 SAR = 100 halalas).
import { z } from 'zod';
import { Clearance, SaleBuyer } from './buyer';
import { AppliedDiscount, PriceOverride } from './discounts';
import { Reconciliation } from './reconciliation';
import { SaleCashier } from './people';

/** Integer halalas; the cap (10 million SAR) rejects absurd amounts before they reach the ledger. */
export const Halalas = z.number().int().min(-1_000_000_000).max(1_000_000_000);
export type Halalas = z.infer<typeof Halalas>;

/** Errors cross as data: a stable code for code, a message for each language for people. */
/** A sentence in both of the till's languages. */
export const BilingualText = z.object({ en: z.string(), ar: z.string() });
export type BilingualText = z.infer<typeof BilingualText>;

export const ErrorData = z.object({
  code: z.string(),
  message_ar: z.string(),
  message_en: z.string(),
});
export type ErrorData = z.infer<typeof ErrorData>;

export const Locale = z.enum(['ar', 'en']);
export type Locale = z.infer<typeof Locale>;

/** How numbers are written on screen: Latin digits (default) or Arabic-Indic (٠١٢٣). */
export const DigitStyle = z.enum(['latin', 'arabic']);
export type DigitStyle = z.infer<typeof DigitStyle>;

/** ZATCA VAT category codes: S standard (15 %), Z zero-rated, E exempt. */
export const VatCategory = z.enum(['S', 'Z', 'E']);
export type VatCategory = z.infer<typeof VatCategory>;

export const Preferences = z.object({
  locale: Locale,
  digits: DigitStyle,
});
export type Preferences = z.infer<typeof Preferences>;

export const TillInfo = z.object({
  tillId: z.string(),
  shopNameAr: z.string(),
  shopNameEn: z.string(),
  vatNumber: z.string(),
  pricesIncludeVat: z.boolean(),
  currency: z.literal('SAR'),
  /** Which host carries the contract: the Electron shell or the browser host. */
  host: z.enum(['electron', 'browser']),
  /** Simulated devices are in use (demo / training); shown on screen so nobody mistakes it for a live till. */
  simulated: z.boolean(),
  /**
   * Training mode (docs/training.md): a separate ledger with TR- numbers and simulators only. Every screen and
   * every printed receipt carries the "تدريب TRAINING" watermark; trainees may sign in only now.
   */
  training: z.boolean(),
  /**
   * Real devices but still the demo shop's identity (VAT 300000000000003): the till refuses to take money
   * (DEMO_IDENTITY) and the screen says what to set.
   */
  liveSaleRefused: z.boolean(),
  /** A card terminal is configured: the Card tender is offered. */
  cardPayments: z.boolean(),
  /** STC Pay is configured: the STC Pay tender is offered. */
  stcPayPayments: z.boolean(),
  preferences: Preferences,
});
export type TillInfo = z.infer<typeof TillInfo>;

export const ProductHit = z.object({
  productId: z.number().int(),
  barcode: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  priceHalalas: Halalas,
  vatCategory: VatCategory,
  /** `kg`: priced per kilogram and rung up by weight (docs/catalog.md); absent means `each`. */
  soldBy: z.enum(['each', 'kg']).optional(),
});
export type ProductHit = z.infer<typeof ProductHit>;

/** How a product is sold: by the piece, or by weight with its price per kilogram. */
export const SoldBy = z.enum(['each', 'kg']);
export type SoldBy = z.infer<typeof SoldBy>;

/** The most of one item a sale line may hold, however it got there (typed, + key, or scanned again). */
export const MAX_LINE_QUANTITY = 9999;
/** A weighed line's weight in grams: 1 g up to 100 kg (a counter scale's range; more is a slip). */
export const MIN_WEIGHT_GRAMS = 1;
export const MAX_WEIGHT_GRAMS = 100_000;

/**
 * The most change one cash tender may give, exclusive: 500 riyals, the largest Saudi note. No set of notes covers
 * a sale with a whole 500 to spare, so a larger "tendered" amount is a slip — most often a barcode scanned into the
 * amount field by a scanner too slow to be told from typing (a 6-digit code reads as 123,456 riyals). The view
 * refuses it as it is typed and main refuses it again.
 */
export const MAX_CHANGE_HALALAS = 50_000;

export const SaleLine = z.object({
  lineId: z.string(),
  productId: z.number().int(),
  barcode: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  /** Pieces, or grams on a `kg` line (at most MAX_LINE_QUANTITY pieces; checkout keeps each limit). */
  quantity: z.number().int().positive().max(MAX_WEIGHT_GRAMS),
  /** Per piece, or per kilogram on a `kg` line. */
  unitPriceHalalas: Halalas,
  /**
   * lineTotalHalalas() of main/money, as priced (VAT-inclusive when the till's prices include VAT), less the
   * line's own discount.
   */
  lineTotalHalalas: Halalas,
  vatCategory: VatCategory,
  /** Absent: `each` (every line recorded before weighed goods). */
  soldBy: SoldBy.optional(),
  /** The line's own discount (docs/discounts.md); absent: none. */
  discount: AppliedDiscount.optional(),
  /** The unit price was changed by hand: the catalog's price and why. Absent: the catalog's price. */
  priceOverride: PriceOverride.optional(),
  /**
   * This line's part of the sale's discount (spread over the lines in proportion to their totals): what the
   * customer paid for the line is lineTotalHalalas less this. Absent: the sale has no discount.
   */
  saleDiscountShareHalalas: Halalas.optional(),
});
export type SaleLine = z.infer<typeof SaleLine>;

export const VatBreakdown = z.object({
  category: VatCategory,
  ratePercent: z.number(),
  taxableHalalas: Halalas,
  vatHalalas: Halalas,
  /**
   * The sale's discount that fell on this category, as priced (VAT-inclusive when prices are): the category's
   * lines less this is what its VAT is computed on (ZATCA's document-level allowance). Absent: none.
   */
  allowanceHalalas: Halalas.optional(),
});
export type VatBreakdown = z.infer<typeof VatBreakdown>;

export const Totals = z.object({
  /** Sum of taxable amounts (excluding VAT). */
  subtotalHalalas: Halalas,
  vatHalalas: Halalas,
  totalHalalas: Halalas,
  breakdown: z.array(VatBreakdown),
});
export type Totals = z.infer<typeof Totals>;

/**
 * What the card terminal returned for an approved (or declined) card transaction, masked as the terminal
 * sent it. Nothing else of the card is ever kept: no full number, no track data, no CVV.
 */
export const CardDetails = z.object({
  scheme: z.string(),
  schemeLabel: z.string(),
  wallet: z.enum(['apple_pay', 'google_pay', 'samsung_pay', 'other_wallet']).nullable(),
  verification: z.enum(['pin', 'no_cvm', 'cdcvm', 'signature', 'unknown']),
  entryMode: z.enum(['contactless', 'chip', 'swipe', 'manual', 'unknown']),
  maskedPan: z.string(),
  authCode: z.string(),
  rrn: z.string(),
  stan: z.string(),
  tid: z.string(),
  mid: z.string(),
  responseCode: z.string(),
  terminalAt: z.string(),
  texts: z.object({ en: z.string(), ar: z.string() }),
  /** The manager recorded this approval from the terminal's own receipt after the terminal could not be asked. */
  resolvedByManager: z.boolean(),
});
export type CardDetails = z.infer<typeof CardDetails>;

export const CashTender = z.object({
  kind: z.literal('cash'),
  amountHalalas: Halalas,
  tenderedHalalas: Halalas,
  changeHalalas: Halalas,
});
export type CashTender = z.infer<typeof CashTender>;

export const CardTender = z.object({
  kind: z.literal('card'),
  intentId: z.string(),
  reference: z.string(),
  amountHalalas: Halalas,
  card: CardDetails,
});
export type CardTender = z.infer<typeof CardTender>;

/**
 * Store credit (رصيد متجر): a bearer voucher, by its number. On a refund it is the voucher the return issued for
 * the amount; on a sale, the part of what was due the voucher paid. `balanceHalalas`: what is left on the
 * voucher after it (docs/returns.md, "Store credit").
 */
export const CreditTender = z.object({
  kind: z.literal('credit'),
  voucherNo: z.string().regex(/^SC\d{13}$/),
  amountHalalas: Halalas,
  balanceHalalas: Halalas,
});
export type CreditTender = z.infer<typeof CreditTender>;

/** A voucher number as printed and read aloud: "SC 1234 5678 9012 3" (the till reads it back with or without spaces). */
export const groupedVoucherNumber = (voucherNo: string): string =>
  `${voucherNo.slice(0, 2)} ${voucherNo.slice(2, 6)} ${voucherNo.slice(6, 10)} ${voucherNo.slice(10, 14)} ${voucherNo.slice(14)}`;

export const Tender = z.discriminatedUnion('kind', [CashTender, CardTender, CreditTender]);
export type Tender = z.infer<typeof Tender>;

/**
 * How an electronic payment was taken: a card terminal (mada ECR or a nexo terminal) or STC Pay. Card details
 * of an STC Pay payment carry scheme "STCPAY", the masked mobile number in place of a card number and the
 * STCPayRefNum as the RRN.
 */
export const PaymentMethod = z.enum(['card', 'stcpay']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** Card-payment states. `unknown` is real: the till does not know whether the customer paid and will not guess. */
export const IntentState = z.enum([
  'sending',
  'awaiting',
  'approved',
  'declined',
  'unknown',
  'not_found',
  'reversing',
  'reversed',
  'orphaned',
]);
export type IntentState = z.infer<typeof IntentState>;

/** `awaiting_otp`: STC Pay sent the customer a code; the cashier types it in (PaymentProgress.otp says which try). */
export const TerminalStage = z.enum(['connecting', 'sent', 'awaiting_otp', 'awaiting_result', 'recovering']);
export type TerminalStage = z.infer<typeof TerminalStage>;

/** What the cashier needs to ask the customer for their STC Pay code. */
export const OtpPrompt = z.object({
  attempt: z.number().int().positive(),
  expiresAt: z.string(),
  maskedMobile: z.string(),
  /** Why the previous code was not accepted (wrong code), for people. */
  lastError: z.object({ en: z.string(), ar: z.string() }).nullable(),
});
export type OtpPrompt = z.infer<typeof OtpPrompt>;

export const IntentSummary = z.object({
  intentId: z.string(),
  reference: z.string(),
  kind: z.enum(['purchase', 'refund', 'reversal']),
  method: PaymentMethod,
  state: IntentState,
  amountHalalas: Halalas,
  saleId: z.string().nullable(),
  createdAt: z.string(),
  card: CardDetails.nullable(),
  /** Why the terminal declined or why the outcome is unknown, for people. */
  reason: BilingualText.nullable(),
  /**
   * Set on the open sale's payment while STC Pay waits for the customer's code, so a view that (re)loads
   * mid-payment can ask for it too; null everywhere else.
   */
  otp: OtpPrompt.nullable(),
});
export type IntentSummary = z.infer<typeof IntentSummary>;

export const Sale = z.object({
  saleId: z.string(),
  status: z.enum(['open', 'completed', 'voided']),
  openedAt: z.string(),
  lines: z.array(SaleLine),
  totals: Totals,
  /** Card payments already approved for this sale (split tender); cash is added when the sale completes. */
  tenders: z.array(CardTender),
  /** Total minus approved payments: what is still to pay. */
  dueHalalas: Halalas,
  /**
   * A card payment in flight or unresolved for this sale. While it is set, the sale cannot be completed or
   * changed: the till does not know yet whether the customer paid.
   */
  payment: IntentSummary.nullable(),
  /** Bumped on every change so a view can drop a stale "sale changed" event. */
  revision: z.number().int().nonnegative(),
  /** The business buyer, when the customer asked for a standard tax invoice (B2B); null for a simplified one. */
  buyer: SaleBuyer.nullable(),
  /** A discount on the whole sale (docs/discounts.md); absent: none. */
  discount: AppliedDiscount.optional(),
});
export type Sale = z.infer<typeof Sale>;

export const Receipt = z.object({
  receiptNo: z.string(),
  tillId: z.string(),
  saleId: z.string(),
  issuedAt: z.string(),
  shopNameAr: z.string(),
  shopNameEn: z.string(),
  vatNumber: z.string(),
  lines: z.array(SaleLine),
  totals: Totals,
  tenders: z.array(Tender),
  /**
   * The QR of the e-invoice issued with this receipt (ZATCA phase 2, tags 1-9), exactly as stored with the signed
   * document. Absent when the till issued no e-invoice for it: the receipt then carries the phase 1 QR.
   */
  einvoiceQr: z.string().max(1000).optional(),
  /** The business buyer of a standard tax invoice (B2B), as the sale recorded it. */
  buyer: SaleBuyer.optional(),
  /** Who was signed in when the sale opened (people, issue 14); absent on receipts from before users. */
  cashier: SaleCashier.optional(),
  /** The discount on the whole sale, as issued (docs/discounts.md); absent: none. */
  discount: AppliedDiscount.optional(),
  /**
   * A standard invoice's clearance, read with the receipt (never stored in it): the receipt prints as a tax
   * invoice with the buyer only once cleared; after `replaced` it is the simplified invoice issued instead.
   */
  clearance: Clearance.optional(),
});
export type Receipt = z.infer<typeof Receipt>;

/** 'not_needed': a sale paid by card alone does not open the drawer. */
export const DrawerOutcome = z.enum(['opened', 'failed', 'not_needed']);
export type DrawerOutcome = z.infer<typeof DrawerOutcome>;

export const CompletedSale = z.object({
  receipt: Receipt,
  changeHalalas: Halalas,
  /** The sale is durable either way; a drawer that did not open is reported, not hidden. */
  drawer: DrawerOutcome,
  /** The fresh, empty sale the till moved on to. */
  next: Sale,
});
export type CompletedSale = z.infer<typeof CompletedSale>;

export const TerminalStatus = z.object({
  configured: z.boolean(),
  protocol: z.string().nullable(),
  /** Where the terminal is, for the manager: "TCP 192.0.2.10:5000", "serial /dev/ttyUSB0 @ 38400", "simulator". */
  transport: z.string().nullable(),
  health: z.enum(['connected', 'disconnected', 'busy', 'not_checked']),
  detail: z.string().nullable(),
  /** Start-up or manual recovery is running: new card payments wait for it. */
  recovering: z.boolean(),
  last: IntentSummary.nullable(),
  /** Payments the till could not settle on its own: unknown outcomes and approvals it could not attach. */
  needsAttention: z.array(IntentSummary),
  /** STC Pay, when configured: whether the provider answered the last reachability check. */
  stcPay: z
    .object({
      transport: z.string(),
      health: z.enum(['connected', 'disconnected', 'busy', 'not_checked']),
      detail: z.string().nullable(),
      checkedAt: z.string().nullable(),
      latencyMs: z.number().int().nonnegative().nullable(),
      lastOkAt: z.string().nullable(),
    })
    .nullable(),
  /** When the card terminal's health was last checked (cloud terminals are checked in the background). */
  checkedAt: z.string().nullable(),
  /** How long that check took, and when the terminal last answered it. */
  latencyMs: z.number().int().nonnegative().nullable(),
  lastOkAt: z.string().nullable(),
});
export type TerminalStatus = z.infer<typeof TerminalStatus>;

export const CardPaymentResult = z.object({
  outcome: z.enum(['approved', 'declined', 'unknown', 'not_found']),
  intent: IntentSummary,
  /** The sale after the payment: still open (partial or split) or already moved on. */
  sale: Sale,
  /** Set when this payment covered the rest of the total and the sale completed. */
  completed: CompletedSale.nullable(),
});
export type CardPaymentResult = z.infer<typeof CardPaymentResult>;

export const SettlementSummary = z.object({
  inBalance: z.boolean(),
  responseCode: z.string(),
  at: z.string(),
  schemes: z.array(
    z.object({ scheme: z.string(), purchaseCount: z.number().int(), purchaseHalalas: Halalas, refundCount: z.number().int(), refundHalalas: Halalas }),
  ),
  /** The settlement held against the ledger's card payments since the previous one (main/closing). */
  reconciliation: Reconciliation.optional(),
});
export type SettlementSummary = z.infer<typeof SettlementSummary>;

export const PaymentProgress = z.object({
  intentId: z.string(),
  saleId: z.string().nullable(),
  state: IntentState,
  stage: TerminalStage.nullable(),
  /** Set while STC Pay waits for the customer's code (stage `awaiting_otp`). */
  otp: OtpPrompt.nullable(),
});
export type PaymentProgress = z.infer<typeof PaymentProgress>;

export const PrintJob = z.object({
  jobId: z.string(),
  kind: z.enum(['receipt', 'card_slip']),
  receiptNo: z.string(),
  /** original: the first print; copy: a reprint (prints "نسخة / COPY"); customer/merchant: card slip copies. */
  copy: z.enum(['original', 'copy', 'customer', 'merchant']),
  state: z.enum(['queued', 'printing', 'printed', 'failed', 'cancelled']),
  attempts: z.number().int().nonnegative(),
  error: ErrorData.nullable(),
  createdAt: z.string(),
  printedAt: z.string().nullable(),
  /** Some of it may already be on paper: a retry prints it marked as a COPY. */
  mayHavePrinted: z.boolean(),
});
export type PrintJob = z.infer<typeof PrintJob>;

export const PrinterStatus = z.object({
  configured: z.boolean(),
  profile: z.string().nullable(),
  transport: z.string().nullable(),
  /** 'unknown' on write-only links (Windows share, USB lp) that cannot report status. */
  state: z.enum(['ready', 'paper_near_end', 'paper_out', 'cover_open', 'offline', 'disconnected', 'unknown', 'not_checked']),
  checkedAt: z.string().nullable(),
  /** Why the printer cannot print (e.g. an unknown model in the settings), for people. */
  error: ErrorData.nullable(),
});
export type PrinterStatus = z.infer<typeof PrinterStatus>;

export const ReceiptSummary = z.object({
  receiptNo: z.string(),
  issuedAt: z.string(),
  totalHalalas: Halalas,
  /** How it was paid; STC Pay tenders (card tenders with scheme STCPAY) are listed as `stcpay`. */
  tenderKinds: z.array(z.enum(['cash', 'card', 'stcpay'])),
  /** What returns of it refunded so far (0: none; the total: all of it). */
  returnedHalalas: Halalas,
});
export type ReceiptSummary = z.infer<typeof ReceiptSummary>;

export const ScanRejected = z.object({
  /** Where the scan came from: a serial scanner in main (the wedge reports its own errors). */
  source: z.literal('serial_scanner'),
  barcode: z.string(),
  error: ErrorData,
});
export type ScanRejected = z.infer<typeof ScanRejected>;

