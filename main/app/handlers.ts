// Each contract method mapped to the domain that answers it. Nothing here decides anything: the handlers
// only translate between the contract's shapes and the domains' calls.
import type { Preferences, TillInfo } from '../../preload/contract';
import type { Catalog } from '../catalog';
import type { Checkout } from '../checkout';
import type { Backups } from '../backup';
import type { Closing, TerminalReconciliation } from '../closing';
import type { Handlers } from '../ipc';
import type { ManagerAuth } from '../auth';
import type { Payments } from '../payments';
import type { PrintService } from '../printing/service';
import { createTrainingHandlers, type TrainingDesk } from './training-handlers';
import { createPracticeHandlers } from './practice-handlers';
import type { PracticeDesk } from './practice-desk';
import type { Returns } from '../returns';
import type { Shifts } from '../shifts';
import { TillError } from '../errors';
import { isDemoIdentity, simulatedDevices, type SettingsStore } from '../settings';
import type { HealthDesk } from './health';
import { createAdminHandlers, type AdminDeps } from './admin-handlers';
import { createEinvoicingHandlers, type EinvoicingAdminDeps } from './einvoicing-handlers';
import { createTaxInvoiceHandlers, type TaxInvoiceDeps } from './tax-invoice-handlers';
import { createUpdatesHandlers, type UpdatesAdminDeps } from './updates-handlers';
import { createShiftHandlers, withShiftGate } from './shift-handlers';
import { createClosingHandlers } from './closing-handlers';
import { createPeopleHandlers } from './people-handlers';
import { createTotpHandlers } from './totp-handlers';
import { createFirstAdminHandler } from './first-admin';
import { createUsersHandlers, type UsersDeps } from './users-handlers';
import { createExportsHandlers } from './exports-handlers';
import type { ReportExports } from '../exports';
import type { AuditReader } from '../audit';
import { limitsFrom, type TillSessionDesk, type TwoFactor } from '../people';
import { createParkedHandlers } from './parked-handlers';
import { createCreditHandlers, type CreditHandlerDeps } from './credit-handlers';
import type { HostKind } from './types';

export interface HandlerDeps {
  host: HostKind;
  settings: SettingsStore;
  checkout: Checkout;
  catalog: Catalog;
  payments: Payments;
  returns: Returns;
  printing: PrintService;
  manager: ManagerAuth;
  health: HealthDesk;
  /** Told the preferences saved whenever setPreferences changes them (every view follows the till's language). */
  emitPreferences: (preferences: Preferences) => void;
  /** What the admin's methods need besides the above (admin-handlers.ts). */
  admin: Pick<AdminDeps, 'db' | 'journal' | 'dataDir' | 'log'>;
  /** E-invoicing: onboarded for the environment the settings name (or not set up at all). */
  einvoicingReady?: () => boolean;
  /** The admin screen's e-invoicing section (einvoicing-handlers.ts). */
  einvoicing: EinvoicingAdminDeps['einvoicing'];
  /** The admin screen's Updates tab (updates-handlers.ts). */
  updates: Omit<UpdatesAdminDeps, 'manager' | 'settings'>;
  /** Shifts: the shift screen's methods, and the open shift a sale needs (shift-handlers.ts). */
  shifts: Shifts;
  /** Standard (B2B) tax invoices: clearance and the simplified invoice instead (tax-invoice-handlers.ts). */
  taxInvoices: TaxInvoiceDeps['einvoicing'];
  /** The X and Z reports (closing-handlers.ts). */
  closing: Closing;
  /** The verified backups (main/backup): the closing checklist runs one. */
  backups: Pick<Backups, 'backupNow'>;
  /** A settlement held against the ledger's card payments, right after it (main/closing/reconcile.ts). */
  reconciliation?: TerminalReconciliation;
  /** Who is signed in: the people methods (people-handlers.ts); the permission gate is the dispatcher's. */
  /** Reports written as CSV / PDF files, and the audit list (exports-handlers.ts). */
  exports: ReportExports;
  audit: AuditReader;
  /** Who is signed in: sale methods are refused while the till is locked (people-handlers.ts). */
  people: TillSessionDesk;
  /** Training mode (./training-handlers.ts); absent: a till that cannot switch (tests of the handlers alone). */
  training?: TrainingDesk;
  /** Guided practice on a training till (./practice-desk.ts); absent: every start and check is refused. */
  practice?: PracticeDesk;
  /** The signed-in manager's or admin's own two-factor enrolment (totp-handlers.ts). */
  twoFactor: TwoFactor;
  /** The admin screen's Users tab: the users and the sign-in back-off (users-handlers.ts). */
  staff: Omit<UsersDeps, 'manager'> & { sharedPinIsDemo: () => boolean };
  /** Store credit vouchers looked up and voided (credit-handlers.ts). */
  credit: CreditHandlerDeps['credit'];
}

const notTraining = (): never => {
  throw new TillError('PRACTICE_NOT_TRAINING');
};
const NO_PRACTICE: PracticeDesk = { list: () => [], requireTraining: notTraining, start: notTraining, check: notTraining };

export function createHandlers({
  host,
  settings,
  checkout,
  catalog,
  payments,
  returns,
  printing,
  manager,
  health,
  emitPreferences,
  admin,
  einvoicingReady = () => true,
  einvoicing,
  updates,
  shifts,
  taxInvoices,
  closing,
  backups,
  reconciliation,
  exports,
  audit,
  people,
  training = { active: false, request: () => undefined },
  practice = NO_PRACTICE,
  twoFactor,
  staff,
  credit,
}: HandlerDeps): Handlers {
  /**
   * A till on real devices that still carries the demo shop's identity would print receipts (and, later,
   * invoices) under ZATCA's example VAT number: it takes no money until the shop's own identity is set.
   */
  const liveSaleRefused = (): boolean => {
    const s = settings.get();
    return isDemoIdentity(s) && simulatedDevices(s).length === 0;
  };
  const mayTakeMoney = (): void => {
    if (liveSaleRefused()) throw new TillError('DEMO_IDENTITY');
    // Refused before any money moves: a card approved for a sale that then cannot get its invoice would leave
    // the customer charged for a sale the till cannot complete.
    if (!einvoicingReady()) throw new TillError('EINVOICE_NOT_ONBOARDED');
  };

  const tillInfo = (): TillInfo => {
    const s = settings.get();
    return {
      tillId: s.tillId,
      shopNameAr: s.shopNameAr,
      shopNameEn: s.shopNameEn,
      vatNumber: s.vatNumber,
      pricesIncludeVat: s.pricesIncludeVat,
      currency: 'SAR',
      host,
      simulated: simulatedDevices(s).length > 0,
      training: training.active,
      liveSaleRefused: liveSaleRefused(),
      cardPayments: s.terminal !== null,
      stcPayPayments: s.stcPay !== null,
      preferences: s.preferences,
    };
  };

  // A sale starts and is paid only on an open shift (live), or on the shift a demo till opens by itself. Who may
  // call what (SIGNED_OUT first: a locked till says so before anything about its shift) is the dispatcher's gate.
  return withShiftGate(shifts, {
    ...createPeopleHandlers(people),
    ...createTotpHandlers(people, twoFactor),
    ...createUsersHandlers({ ...staff, manager }),
    ...createFirstAdminHandler({ users: staff.users, session: people, manager, sharedPinIsDemo: staff.sharedPinIsDemo }),
    ...createAdminHandlers({ ...admin, settings, manager, printing, payments }),
    ...createEinvoicingHandlers({ einvoicing, manager, settings, db: admin.db, journal: admin.journal }),
    ...createUpdatesHandlers({ ...updates, manager, settings }),
    ...createShiftHandlers(shifts),
    ...createTaxInvoiceHandlers({ checkout, einvoicing: taxInvoices, manager }),
    ...createClosingHandlers({ closing, manager, backups }),
    ...createExportsHandlers({ reports: exports, audit, dataDir: admin.dataDir, manager }),
    ...createParkedHandlers(checkout, people),
    ...createCreditHandlers({ db: admin.db, journal: admin.journal, credit, manager }),
    getTill: () => tillInfo(),
    ...createTrainingHandlers(training, manager),
    ...createPracticeHandlers(practice, manager),
    setPreferences: (patch) => {
      const current = settings.get().preferences;
      const next = { locale: patch.locale ?? current.locale, digits: patch.digits ?? current.digits };
      // Nothing changed (a repeated call, an empty patch): nothing to save and nothing to tell the views.
      if (next.locale === current.locale && next.digits === current.digits) return current;
      const saved = settings.update({ preferences: next }).preferences;
      emitPreferences(saved);
      return saved;
    },
    getSale: () => checkout.currentSale(),
    scanBarcode: ({ barcode, grams }) => checkout.scanBarcode(barcode, grams),
    addProduct: ({ productId, grams }) => checkout.addProduct(productId, grams),
    setQuantity: ({ lineId, quantity }) => checkout.setQuantity(lineId, quantity),
    removeLine: ({ lineId }) => checkout.removeLine(lineId),
    setLineDiscount: ({ lineId, discount, managerPin }) => checkout.setLineDiscount(lineId, discount, managerPin),
    setSaleDiscount: ({ discount, managerPin }) => checkout.setSaleDiscount(discount, managerPin),
    overridePrice: ({ lineId, unitPriceHalalas, reason, managerPin }) => checkout.overridePrice(lineId, unitPriceHalalas, reason, managerPin),
    voidSale: () => checkout.voidSale(),
    tenderCash: ({ tenderedHalalas, voucherNo }) => {
      mayTakeMoney();
      return checkout.tenderCash(tenderedHalalas, voucherNo);
    },
    searchCatalog: ({ query, limit }) => catalog.search(query, limit),
    getReceipt: ({ receiptNo }) => checkout.receipt(receiptNo),
    payCard: ({ amountHalalas }) => {
      mayTakeMoney();
      return payments.payCard(amountHalalas);
    },
    payStcPay: ({ amountHalalas, mobile }) => {
      mayTakeMoney();
      return payments.payStcPay(amountHalalas, mobile);
    },
    submitStcPayOtp: ({ intentId, otp }) => payments.submitStcPayOtp(intentId, otp),
    cancelCardPayment: ({ intentId }) => payments.cancelCardPayment(intentId),
    recoverPayment: ({ intentId }) => payments.recoverPayment(intentId),
    resolvePayment: (input) => payments.resolvePayment(input),
    reverseCardPayment: ({ intentId, managerPin }) => payments.reverseCardPayment(intentId, managerPin),
    getReturnable: ({ receiptNo }) => returns.returnable(receiptNo),
    returnSale: ({ managerPin, ...input }) => {
      mayTakeMoney();
      return returns.returnSale(input, managerPin);
    },
    // The returns desk (main/returns/desk.ts): issuing a held return and paying out owed cash move money like a
    // return does, so they need what a return needs (e-invoicing, an open shift).
    reprintReturn: ({ returnNo }) => returns.reprint(returnNo),
    listWaitingReturns: () => returns.waiting(),
    settleReturnRequest: ({ requestId, managerPin }) => {
      mayTakeMoney();
      shifts.requireOpenForSale();
      return returns.settleRequest(requestId, managerPin);
    },
    payReturnCash: ({ returnNo, managerPin }) => {
      shifts.requireOpenForSale();
      return returns.payCash(returnNo, managerPin);
    },
    findSalesOfItem: ({ barcode }) => returns.salesOfItem(barcode),
    getTerminalStatus: () => payments.status(),
    checkTerminal: () => payments.checkTerminal(),
    repeatLastTransaction: () => payments.repeatLastTransaction(),
    settleTerminal: async ({ managerPin }) => {
      const settled = await payments.settleTerminal(managerPin);
      const held = reconciliation?.reconcileLastSettlement() ?? null;
      return held ? { ...settled, reconciliation: held } : settled;
    },
    getHealth: () => health.getHealth(),
    checkHealth: () => health.checkHealth(),
    getPrinterStatus: () => printing.status(),
    listPrintJobs: () => printing.list(),
    retryPrintJob: ({ jobId }) => printing.retry(jobId),
    cancelPrintJob: ({ jobId }) => printing.cancel(jobId),
    reprintReceipt: ({ receiptNo }) => {
      checkout.receipt(receiptNo); // RECEIPT_UNKNOWN before anything is queued
      return printing.reprint(receiptNo);
    },
    getReceiptImage: ({ receiptNo }) => printing.receiptImage(receiptNo),
    listReceipts: ({ limit, beforeReceiptNo }) => checkout.receipts(limit, beforeReceiptNo),
    openDrawer: async ({ managerPin, reason }) => {
      // Alone for a role whose limits allow it (the shop's settings, main/people/limits.ts); else a supervisor's PIN or above.
      if (managerPin !== undefined) manager.check(managerPin, 'approve:supervisor');
      else {
        const user = people.signedIn();
        if (!user || !limitsFrom(settings.get().roleLimits, user.role).drawerWithoutSale) throw new TillError('DRAWER_NEEDS_APPROVAL');
      }
      return printing.openDrawerForManager(reason);
    },
  });
}
