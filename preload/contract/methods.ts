// The one IPC contract. Every method the renderer can call, with the schema main validates its input
// against and the schema of what it answers. Main's handlers, the preload bridge, the browser host and the
// renderer's API type are all derived from this object; add a method here and the type checker points at
// every place that must handle it.
import { z } from 'zod';
import { AdminSettings, CommissioningReport, CommissioningStepAnswer, CommissioningStepInput, SettingsPatch, UpdateSettingsResult } from './admin';
import { HealthReport } from './health';
import { StoreCreditVoucher, VoidStoreCreditInput, VoucherNoInput } from './credit';
import { IssuedReturn, PaidOwedCash, ReturnReprinted, ReturnableReceipt, ReturnInput, ReturnsWaiting, SaleOfItem } from './returns';
import { EinvoicePage, EinvoicingStatus, FatooraOtp, ListEinvoicesInput, OnboardAnswer, OnboardInput, RenewAnswer } from './einvoicing';
import { InstallAnswer, UpdateFolder, UpdatesStatus } from './updates';
import { ApproveShiftCloseInput, CashMovementInput, CloseShiftAnswer, CloseShiftInput, OpenShiftInput, ShiftStatus } from './shifts';
import { SaleBuyer } from './buyer';
import { ClosingBackupAnswer, CloseDayAnswer, CloseDayInput, PeriodReport, SalesReport, SalesReportInput, ZReport } from './closing';
import { ReissueAnswer, SetBuyerResult, TaxInvoiceState } from './tax-invoice';
import { BadgeCode, SecondFactorCode, SignInInput, TillSession, TotpEnrolment } from './people';
import { AddUserInput, ApproverBadgeRead, ChangeUserInput, FirstAdminInput, UsersList } from './users';
import { ParkedSale, ParkedSaleId } from './parked';
import { PracticeResult, PracticeScenarioId, PracticeScenarios, PracticeStarted } from './practice';
import { DiscountReason, DiscountRequest, MAX_DISCOUNT_HALALAS } from './discounts';
import { AuditPage, ExportAuditInput, ExportedFile, ExportXInput, ExportZInput, ListAuditInput } from './exports';
import {
  MAX_WEIGHT_GRAMS,
  MIN_WEIGHT_GRAMS,
  CardPaymentResult,
  CompletedSale,
  DigitStyle,
  DrawerOutcome,
  ErrorData,
  IntentSummary,
  Locale,
  PaymentProgress,
  Preferences,
  PrinterStatus,
  PrintJob,
  ProductHit,
  Receipt,
  ReceiptSummary,
  Sale,
  ScanRejected,
  SettlementSummary,
  TerminalStatus,
  TillInfo,
} from './schemas';

/**
 * A scanned or typed barcode, as read. Only its length is limited here: main's barcode rules decide what is
 * malformed (a scan read under the Arabic layout) and answer with a specific error rather than INVALID_INPUT.
 */
const BarcodeInput = z.string().min(1).max(64);
const LineId = z.string().min(1).max(64);
const WeightGrams = z.number().int().min(MIN_WEIGHT_GRAMS).max(MAX_WEIGHT_GRAMS);
const IntentId = z.string().min(1).max(64);
const JobId = z.string().min(1).max(64);
/** A manager's PIN: 4-8 digits. Checked in main against a salted hash; wrong PINs are rate-limited. */
const ManagerPin = z.string().regex(/^\d{4,8}$/);

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const methods = {
  getTill: method(z.strictObject({}), TillInfo),
  /**
   * A manager switches the till into training (on) or back to the live till (off): the services restart on the
   * other ledger once the answer is sent, so the renderer reloads (docs/training.md).
   */
  setTraining: method(z.strictObject({ on: z.boolean(), managerPin: ManagerPin }), z.object({ training: z.boolean() })),
  /** The guided practice scenarios a trainer can start on a training till (docs/training.md). */
  listPracticeScenarios: method(z.strictObject({}), PracticeScenarios),
  /** A supervisor or above starts a scenario: the check reads the training journal from here (PRACTICE_NOT_TRAINING on a live till). */
  startPractice: method(z.strictObject({ scenarioId: PracticeScenarioId, managerPin: ManagerPin }), PracticeStarted),
  /** The current scenario's checks, each done or not, from the training journal since it started. */
  checkPractice: method(z.strictObject({}), PracticeResult),
  setPreferences: method(
    z.strictObject({ locale: Locale.optional(), digits: DigitStyle.optional() }),
    Preferences,
  ),
  getSale: method(z.strictObject({}), Sale),
  /** `grams`: the weight the cashier entered for an item sold by weight (docs/catalog.md); main asks for it (WEIGHT_REQUIRED). */
  scanBarcode: method(z.strictObject({ barcode: BarcodeInput, grams: WeightGrams.optional() }), Sale),
  addProduct: method(z.strictObject({ productId: z.number().int().positive(), grams: WeightGrams.optional() }), Sale),
  /** An absolute quantity (grams on a weighed line), not a delta: a repeated or retried call cannot count twice. */
  setQuantity: method(
    z.strictObject({ lineId: LineId, quantity: z.number().int().min(1).max(MAX_WEIGHT_GRAMS) }),
    Sale,
  ),
  removeLine: method(z.strictObject({ lineId: LineId }), Sale),
  /**
   * Discounts and price overrides (docs/discounts.md). Null takes a discount off. Beyond the till's limit main
   * answers DISCOUNT_NEEDS_APPROVAL unless `managerPin` is a manager's; the view then asks for it.
   */
  setLineDiscount: method(z.strictObject({ lineId: LineId, discount: DiscountRequest.nullable(), managerPin: ManagerPin.optional() }), Sale),
  setSaleDiscount: method(z.strictObject({ discount: DiscountRequest.nullable(), managerPin: ManagerPin.optional() }), Sale),
  /** The line's unit price (per piece or per kg) set by hand; the catalog's price puts it back. */
  overridePrice: method(
    z.strictObject({ lineId: LineId, unitPriceHalalas: z.number().int().min(0).max(MAX_DISCOUNT_HALALAS), reason: DiscountReason, managerPin: ManagerPin.optional() }),
    Sale,
  ),
  /** Voids the sale in progress (journaled) and answers with the fresh, empty sale the till moved on to. */
  voidSale: method(z.strictObject({}), Sale),
  tenderCash: method(
    // voucherNo: a store credit voucher pays first (at most its balance and what is due), cash the rest.
    z.strictObject({ tenderedHalalas: z.number().int().min(0).max(100_000_000), voucherNo: z.string().min(1).max(40).optional() }),
    CompletedSale,
  ),
  searchCatalog: method(
    z.strictObject({ query: z.string().max(100), limit: z.number().int().min(1).max(50).default(20) }),
    z.array(ProductHit),
  ),
  getReceipt: method(z.strictObject({ receiptNo: z.string().min(1).max(32) }), Receipt),

  /**
   * Sends the amount (all that is due, or part of it for a split tender) to the card terminal and answers
   * when the terminal has decided, or when the outcome is unknown. Progress arrives as paymentProgress events.
   */
  payCard: method(z.strictObject({ amountHalalas: z.number().int().min(1).max(100_000_000) }), CardPaymentResult),
  /**
   * STC Pay: sends the amount to the customer's STC Pay wallet (mobile number in any Saudi form: 05…, 9665…,
   * +9665…). STC Pay texts the customer a code; a paymentProgress event with stage `awaiting_otp` asks for it and
   * submitStcPayOtp delivers it. Answers when STC Pay has decided, or when the outcome is unknown.
   */
  payStcPay: method(
    z.strictObject({ amountHalalas: z.number().int().min(1).max(100_000_000), mobile: z.string().min(9).max(20) }),
    CardPaymentResult,
  ),
  /** The code the customer reads from the STC Pay app, for the payment waiting on it. */
  submitStcPayOtp: method(z.strictObject({ intentId: IntentId, otp: z.string().regex(/^\d{4,8}$/) }), IntentSummary),
  /**
   * Stops waiting for the terminal or STC Pay. The payment may still complete there; the till then asks what
   * happened. For STC Pay before the customer's code was sent, nothing can have been charged.
   */
  cancelCardPayment: method(z.strictObject({ intentId: IntentId }), IntentSummary),
  /** Asks the terminal again about an unknown payment (check status / repeat last). */
  recoverPayment: method(z.strictObject({ intentId: IntentId }), IntentSummary),
  /**
   * A manager settles an unknown payment from the terminal's own receipt: approved needs its RRN and
   * approval code (STC Pay: the STCPayRefNum from the merchant portal, as `rrn`, no code); declined needs the
   * manager's word. Journaled with the evidence. Never a "force done".
   */
  resolvePayment: method(
    z.strictObject({
      intentId: IntentId,
      outcome: z.enum(['approved', 'declined']),
      rrn: z.string().regex(/^[0-9A-Za-z-]{6,40}$/).optional(),
      authCode: z.string().regex(/^[0-9A-Za-z]{6}$/).optional(),
      managerPin: ManagerPin,
    }),
    IntentSummary,
  ),
  /**
   * Reverses an approved card payment of the open sale (the terminal's last transaction). Manager only.
   * Answers with the original payment, now `reversed` (or still `approved` if the terminal refused).
   */
  reverseCardPayment: method(z.strictObject({ intentId: IntentId, managerPin: ManagerPin }), IntentSummary),
  /** A receipt's lines with what may still be returned of each, and its earlier returns. */
  getReturnable: method(z.strictObject({ receiptNo: z.string().min(1).max(32) }), ReturnableReceipt),
  /**
   * Returns lines of a receipt (with a reason): refunded the way it was paid, credited by a credit note in the same
   * transaction, the drawer opened for cash, the refund receipt printed. Within the signed-in role's refund limit
   * without a PIN; past it REFUND_NEEDS_APPROVAL unless `managerPin` is a supervisor's or above (docs/returns.md).
   */
  returnSale: method(ReturnInput.extend({ managerPin: ManagerPin.optional(), secondFactor: SecondFactorCode.optional() }), IssuedReturn),
  /**
   * Prints a return's refund receipt again from its stored body, marked "نسخة / COPY" — a lost store credit voucher
   * with it (its number and barcode). Journaled (`return.reprinted`); not queued: printed at once, as the refund
   * receipt is. RETURN_UNKNOWN, RETURN_NOT_CLEARED_YET (a standard credit note ZATCA has not cleared).
   */
  reprintReturn: method(z.strictObject({ returnNo: z.string().min(1).max(32) }), ReturnReprinted),
  getTerminalStatus: method(z.strictObject({}), TerminalStatus),
  /** Connects to the terminal and asks about the last transaction; never sends a financial message. */
  checkTerminal: method(z.strictObject({}), TerminalStatus),
  /** The terminal's record of the last transaction (repeat last). */
  repeatLastTransaction: method(z.strictObject({}), IntentSummary.nullable()),
  /** End-of-day terminal settlement (reconciliation). Manager only. */
  settleTerminal: method(z.strictObject({ managerPin: ManagerPin }), SettlementSummary),

  /** The till's health: devices, providers, certificates, disk, backups, clock; each with what to do. */
  getHealth: method(z.strictObject({}), HealthReport),
  /** Asks the terminal, the printer and the providers again, then reports. */
  checkHealth: method(z.strictObject({}), HealthReport),

  /** Asks the printer now (paper, cover, online) where the link can answer. */
  getPrinterStatus: method(z.strictObject({}), PrinterStatus),
  /** Recent print jobs, failed ones first: the visible queue. */
  listPrintJobs: method(z.strictObject({}), z.array(PrintJob)),
  /** Prints a failed job again; if any of it may already have printed, it prints marked as a copy. */
  retryPrintJob: method(z.strictObject({ jobId: JobId }), PrintJob),
  cancelPrintJob: method(z.strictObject({ jobId: JobId }), PrintJob),
  /** Prints a completed sale's receipt again, marked "نسخة / COPY". */
  reprintReceipt: method(z.strictObject({ receiptNo: z.string().min(1).max(32) }), PrintJob),
  /** The receipt as the printer would print it, as a PNG data URL, for the preview. */
  getReceiptImage: method(
    z.strictObject({ receiptNo: z.string().min(1).max(32) }),
    z.object({ png: z.string(), widthDots: z.number().int(), heightDots: z.number().int() }),
  ),
  /** Sale history, newest first, for reprints and refunds. */
  listReceipts: method(
    z.strictObject({ limit: z.number().int().min(1).max(100).default(30), beforeReceiptNo: z.string().max(32).optional() }),
    z.array(ReceiptSummary),
  ),
  /**
   * Opens the cash drawer without a sale, journaled with the reason: alone for a role whose limits allow it, else
   * DRAWER_NEEDS_APPROVAL unless `managerPin` is a supervisor's or above.
   */
  openDrawer: method(
    z.strictObject({ managerPin: ManagerPin.optional(), reason: z.string().min(1).max(200) }),
    z.object({ drawer: DrawerOutcome, error: ErrorData.nullable() }),
  ),

  // ---- Admin: settings and commissioning ------------------------------------------------------------------
  // Approved by a manager's PIN (approve:manager, permissions.ts). Settings take effect when the till restarts.
  /** Every setting but the secrets, and the fields the admin screen shows (grouped as the schema is). */
  getSettings: method(z.strictObject({ managerPin: ManagerPin }), AdminSettings),
  /**
   * Changes settings by dotted key: saved (journaled, source admin-screen) or refused whole with each field's
   * error in both languages, as data, so the screen marks every field. Nothing is written when one is wrong.
   */
  updateSettings: method(z.strictObject({ managerPin: ManagerPin, secondFactor: SecondFactorCode.optional(), settings: SettingsPatch }), UpdateSettingsResult),
  /** Runs one self-test of the commissioning wizard (journaled as commissioning.step); `done` saves and prints the report. */
  commissioningStep: method(CommissioningStepInput.extend({ managerPin: ManagerPin, secondFactor: SecondFactorCode.optional() }), CommissioningStepAnswer),
  /** The latest result of each self-test so far. */
  getCommissioningReport: method(z.strictObject({}), CommissioningReport),

  // E-invoicing admin
  // The admin screen's e-invoicing section (preload/contract/einvoicing.ts), guarded by the manager PIN.
  /** The unit (environment, certificate and its expiry) and the reporting queue: counts, the oldest waiting. */
  getEinvoicing: method(z.strictObject({ managerPin: ManagerPin }), EinvoicingStatus),
  /** Onboards this till with FATOORA (OTP from the portal); a failure keeps nothing and is answered as data. */
  onboardEinvoicing: method(OnboardInput.extend({ managerPin: ManagerPin, secondFactor: SecondFactorCode.optional() }), OnboardAnswer),
  /** Renews the active unit's certificate with a new OTP from the FATOORA portal (the unit and its chain stay). */
  renewEinvoicing: method(z.strictObject({ managerPin: ManagerPin, secondFactor: SecondFactorCode.optional(), otp: FatooraOtp }), RenewAnswer),
  /** The documents newest first, optionally of one state, with ZATCA's messages and the stored XML's hashes. */
  listEinvoices: method(ListEinvoicesInput.extend({ managerPin: ManagerPin }), EinvoicePage),

  // Updates admin
  // The admin screen's Updates tab (preload/contract/updates.ts), guarded by the manager PIN.
  /** The version, policy, last check, staged update and whether it may be installed now; asks no one. */
  getUpdates: method(z.strictObject({ managerPin: ManagerPin }), UpdatesStatus),
  /** Asks the feed for the latest signed release (downloads nothing). */
  checkUpdates: method(z.strictObject({ managerPin: ManagerPin, secondFactor: SecondFactorCode.optional() }), UpdatesStatus),
  /** Downloads, verifies and stages the latest release. */
  downloadUpdate: method(z.strictObject({ managerPin: ManagerPin, secondFactor: SecondFactorCode.optional() }), UpdatesStatus),
  /** Verifies an offline update folder and stages a verified copy of it. */
  importUpdateFolder: method(z.strictObject({ managerPin: ManagerPin, secondFactor: SecondFactorCode.optional(), folder: UpdateFolder }), UpdatesStatus),
  /** Installs the staged update now, if the till's state allows (never mid-sale, payment in doubt or unreported invoices). */
  installUpdate: method(z.strictObject({ managerPin: ManagerPin, secondFactor: SecondFactorCode.optional() }), InstallAnswer),

  // Shifts and cash (issue 15)
  // A shift per till: float, paid-ins, paid-outs, safe drops, the blind count (preload/contract/shifts.ts).
  /** The till's shift that is not closed yet (never the expected cash while it is open), the mode and the threshold. */
  getShift: method(z.strictObject({}), ShiftStatus),
  /** Opens a shift with its float counted by denomination; refused while one is open on this till. */
  openShift: method(OpenShiftInput, ShiftStatus),
  /** A paid-in, paid-out or safe drop of the open shift, with its reason. */
  cashMovement: method(CashMovementInput, ShiftStatus),
  /** The blind count: closes the shift, or answers the difference a manager must approve. */
  closeShift: method(CloseShiftInput, CloseShiftAnswer),
  /** Closes a counted shift whose difference is above the threshold: the manager's PIN and reason. */
  approveShiftClose: method(ApproveShiftCloseInput, CloseShiftAnswer),

  // Returns desk (issue 13)
  // What waits for a person after a card refund (preload/contract/returns.ts): requests and cash owed.
  /** Return requests still waiting (refund in doubt, approved for another amount, or not issued) and cash owed. */
  listWaitingReturns: method(z.strictObject({}), ReturnsWaiting),
  /** Issues a held request's return for what the terminal refunded, the rest from the drawer. Manager only. */
  settleReturnRequest: method(z.strictObject({ requestId: z.string().min(1).max(64), managerPin: ManagerPin, secondFactor: SecondFactorCode.optional() }), IssuedReturn),
  /** Pays out the cash a late-issued return owes: the drawer opens, the refund receipt prints. Manager only. */
  payReturnCash: method(z.strictObject({ returnNo: z.string().min(1).max(32), managerPin: ManagerPin, secondFactor: SecondFactorCode.optional() }), PaidOwedCash),
  /**
   * No receipt: this till's sales of an item (by its barcode) with some of it still returnable, newest first, to
   * return from one of them. None: RETURN_NO_SALE_FOUND (a credit note must name the invoice it corrects).
   */
  findSalesOfItem: method(z.strictObject({ barcode: z.string().min(1).max(64) }), z.array(SaleOfItem)),
  /** A store credit voucher by its number (typed or scanned): balance and state. Unknown or a typo: CREDIT_UNKNOWN. */
  getStoreCredit: method(z.strictObject({ voucherNo: VoucherNoInput }), StoreCreditVoucher),
  /**
   * Manager: voids an active voucher (lost, stolen, issued in error) — journaled with the balance it had; it pays
   * no more (CREDIT_VOIDED). A used-up or voided one is refused (CREDIT_USED_UP, CREDIT_VOIDED).
   */
  voidStoreCredit: method(VoidStoreCreditInput, StoreCreditVoucher),

  // Standard (B2B) tax invoices (tax-invoice.ts).
  /** Names the open sale's business buyer (a standard tax invoice); field problems come back, nothing changes. */
  setSaleBuyer: method(z.strictObject({ buyer: SaleBuyer }), SetBuyerResult),
  /** The open sale goes back to a simplified invoice. */
  removeSaleBuyer: method(z.strictObject({}), Sale),
  /** Where a paid B2B sale's invoice stands; `send: true` asks ZATCA now (waits for its answer, bounded). */
  clearTaxInvoice: method(z.strictObject({ receiptNo: z.string().min(1).max(32), send: z.boolean() }), TaxInvoiceState),
  /** The standard invoice could not be cleared: issue a simplified invoice for the sale instead. */
  issueSimplifiedInstead: method(z.strictObject({ receiptNo: z.string().min(1).max(32) }), TaxInvoiceState),
  /** Manager: a simplified invoice ZATCA rejected, answered by a credit note and a new invoice in one step. */
  reissueRejectedEinvoice: method(z.strictObject({ egsId: z.string().min(1).max(64), icv: z.number().int().positive(), managerPin: ManagerPin }), ReissueAnswer),

  // Closing the day (issue 15)
  // The X report: what the till took since its last closing, changing nothing (preload/contract/closing.ts).
  getXReport: method(z.strictObject({ managerPin: ManagerPin }), PeriodReport),
  /** The Z report: the period closed, numbered and kept, then printed. */
  closeDay: method(CloseDayInput, CloseDayAnswer),
  /** The closing checklist's step: a verified backup of the ledger now (its failure answered as data). */
  backupForClosing: method(z.strictObject({ managerPin: ManagerPin }), ClosingBackupAnswer),
  /** The last Z reports, newest first, to read or print again. */
  listZReports: method(z.strictObject({ managerPin: ManagerPin }), z.array(ZReport)),
  /** Sales over whole business days from the daily totals: by day, hour, tender, cashier, VAT category, top items. */
  getSalesReport: method(SalesReportInput, SalesReport),
  // People (issue 14, preload/contract/people.ts): who is signed in at this till; main refuses sale methods while locked.
  /** Who is signed in (null: locked) and the idle time after which the till locks itself. */
  currentUser: method(z.strictObject({}), TillSession),
  /** Signs in with a PIN alone or a badge scan then the PIN: SIGN_IN_WRONG, SIGN_IN_LOCKED or BADGE_UNKNOWN. */
  signIn: method(SignInInput, TillSession),
  /** Locks the till (the lock key, the lock button, idle time): the open sale stays as it is for the next sign-in. */
  signOut: method(z.strictObject({}), TillSession),
  /**
   * The signed-in manager or admin starts their own two-factor enrolment (docs/people.md): the otpauth:// URI and
   * its QR to scan, the secret for typing in, ten recovery codes shown this once. Nothing is kept until confirmed.
   */
  startTotpEnrolment: method(z.strictObject({}), TotpEnrolment),
  /** Confirms the enrolment with a first code from the app (journaled as totp.enrolled). */
  confirmTotpEnrolment: method(z.strictObject({ code: z.string().regex(/^\d{6}$/) }), z.object({ enrolled: z.literal(true) })),
  // The admin screen's Users tab (users.ts): each answers the list as it now is.
  listUsers: method(z.strictObject({ managerPin: ManagerPin }), UsersList),
  /** USER_PIN_TAKEN, USER_BADGE_TAKEN, USER_PIN_FORMAT as the CLI's `nuqta user add`. */
  addUser: method(AddUserInput, UsersList),
  /**
   * The first admin of a till with no active user, signed in at once: FIRST_ADMIN_EXISTS once any user is active,
   * MANAGER_PIN_WRONG for a wrong `tillPin` when the shop set its own shared PIN.
   */
  addFirstAdmin: method(FirstAdminInput, TillSession),
  /** A new PIN, a badge set or cleared, deactivated or back on (with a new PIN), or the back-off's pause lifted. */
  changeUser: method(ChangeUserInput, UsersList),
  /**
   * An approver scanned their staff badge in an approval dialog: main holds it for the next approval PIN (a minute),
   * which is then checked against that badge's holder alone. BADGE_UNKNOWN for a badge no active user has.
   */
  presentApproverBadge: method(z.strictObject({ badge: BadgeCode }), ApproverBadgeRead),
  /**
   * The dialog the badge was scanned in was closed before a PIN was typed: main lets go of the held badge, so the
   * next approval PIN (in another dialog) is checked as any PIN is. Nothing held: nothing changes.
   */
  dropApproverBadge: method(z.strictObject({}), z.object({ dropped: z.literal(true) })),
  // Parked sales (parked.ts, docs/parked-sales.md).
  /** Sets the open sale aside and starts an empty one (returned). Refused when empty or while money is on it. */
  parkSale: method(z.strictObject({}), Sale),
  /** This till's parked sales, newest first. */
  listParkedSales: method(z.strictObject({}), z.array(ParkedSale)),
  /** Makes a parked sale the open one; an open sale with lines is parked in its place (swap). */
  recallSale: method(ParkedSaleId, Sale),
  /** Voids a parked sale (as voidSale voids the open one); the parked sales left. */
  voidParkedSale: method(ParkedSaleId, z.array(ParkedSale)),
  // Exports (preload/contract/exports.ts): written into the data folder's exports/, answered with the file.
  /** Manager: the X report (the open period) as CSV. */
  exportXReport: method(ExportXInput, ExportedFile),
  /** Manager: a kept Z report as CSV or PDF (Z_REPORT_UNKNOWN when there is no such Z). */
  exportZReport: method(ExportZInput, ExportedFile),
  // The audit list (issue 14): privileged acts from the journal, newest first, paged by `nextCursor`.
  listAudit: method(ListAuditInput, AuditPage),
  /** Manager: the filtered audit list as CSV. */
  exportAudit: method(ExportAuditInput, ExportedFile),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export const methodNames = Object.keys(methods) as MethodName[];

export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

/** Events main pushes to every view. */
export const events = {
  saleChanged: Sale,
  paymentProgress: PaymentProgress,
  terminalStatusChanged: TerminalStatus,
  printJobsChanged: z.array(PrintJob),
  printerStatusChanged: PrinterStatus,
  scanRejected: ScanRejected,
  /** A sale was paid and closed — by cash, by card, by recovery or by a manager's resolution. */
  saleCompleted: CompletedSale,
  /** The till's language or digit style changed (F9 / F10 at the till): the preferences now saved. */
  preferencesChanged: Preferences,
  /**
   * The till switched into training or back (a whole other ledger behind the same window): the customer display
   * reads getTill again and shows or drops the training mark at once, so no customer takes a training sale for real.
   */
  trainingChanged: z.object({ training: z.boolean() }),
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export const eventNames = Object.keys(events) as EventName[];
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** Electron channel names; the prefix lets main drop anything that is not ours. */
export const CHANNEL_PREFIX = 'nuqta:';
export const methodChannel = (name: MethodName): string => `${CHANNEL_PREFIX}call:${name}`;
export const eventChannel = (name: EventName): string => `${CHANNEL_PREFIX}event:${name}`;
