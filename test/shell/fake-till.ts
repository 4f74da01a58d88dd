// A RunningTill for shell tests: the real dispatcher (so input validation and Result shapes are real) over
// tiny handlers, with the dispatch, subscribe and close observable.
import { vi } from 'vitest';
import type { EventName, EventPayload, Sale, TillInfo } from '../../preload/contract';
import type { RunningTill, TillEventListener } from '../../main/app/types';
import { TillError } from '../../main/errors';
import { createDispatcher, type Handlers } from '../../main/ipc';

export const emptySale: Sale = {
  saleId: 'sale-1',
  status: 'open',
  openedAt: '2025-01-01T09:00:00.000Z',
  lines: [],
  totals: { subtotalHalalas: 0, vatHalalas: 0, totalHalalas: 0, breakdown: [] },
  tenders: [],
  dueHalalas: 0,
  payment: null,
  revision: 0,
  buyer: null,
};

export const tillInfo: TillInfo = {
  tillId: 'T1',
  shopNameAr: 'بقالة',
  shopNameEn: 'Grocery',
  vatNumber: '300000000000003',
  pricesIncludeVat: true,
  currency: 'SAR',
  host: 'electron',
  simulated: true,
  training: false,
  liveSaleRefused: false,
  cardPayments: false,
  stcPayPayments: false,
  preferences: { locale: 'ar', digits: 'latin' },
};

const unsupported = (): never => {
  throw new TillError('INTERNAL', 'not in the shell test till');
};

const handlers: Handlers = {
  getTill: () => tillInfo,
  setTraining: () => unsupported(),
  listPracticeScenarios: () => unsupported(),
  startPractice: () => unsupported(),
  checkPractice: () => unsupported(),
  setPreferences: () => unsupported(),
  getSale: () => emptySale,
  scanBarcode: () => {
    throw new TillError('BARCODE_UNKNOWN');
  },
  addProduct: () => unsupported(),
  payStcPay: () => unsupported(),
  submitStcPayOtp: () => unsupported(),
  setQuantity: () => unsupported(),
  removeLine: () => unsupported(),
  setLineDiscount: () => unsupported(),
  setSaleDiscount: () => unsupported(),
  overridePrice: () => unsupported(),
  voidSale: () => emptySale,
  tenderCash: () => unsupported(),
  searchCatalog: () => [],
  getReceipt: () => unsupported(),
  payCard: () => unsupported(),
  cancelCardPayment: () => unsupported(),
  recoverPayment: () => unsupported(),
  resolvePayment: () => unsupported(),
  reverseCardPayment: () => unsupported(),
  getReturnable: () => unsupported(),
  returnSale: () => unsupported(),
  getTerminalStatus: () => unsupported(),
  checkTerminal: () => unsupported(),
  repeatLastTransaction: () => unsupported(),
  settleTerminal: () => unsupported(),
  getHealth: () => unsupported(),
  checkHealth: () => unsupported(),
  getPrinterStatus: () => unsupported(),
  listPrintJobs: () => unsupported(),
  retryPrintJob: () => unsupported(),
  cancelPrintJob: () => unsupported(),
  reprintReceipt: () => unsupported(),
  reprintReturn: () => unsupported(),
  getReceiptImage: () => unsupported(),
  listReceipts: () => unsupported(),
  openDrawer: () => unsupported(),
  getSettings: () => unsupported(),
  updateSettings: () => unsupported(),
  commissioningStep: () => unsupported(),
  getCommissioningReport: () => unsupported(),
  getEinvoicing: () => unsupported(),
  onboardEinvoicing: () => unsupported(),
  renewEinvoicing: () => unsupported(),
  listEinvoices: () => unsupported(),
  getUpdates: () => unsupported(),
  checkUpdates: () => unsupported(),
  downloadUpdate: () => unsupported(),
  importUpdateFolder: () => unsupported(),
  installUpdate: () => unsupported(),
  getShift: () => unsupported(),
  openShift: () => unsupported(),
  cashMovement: () => unsupported(),
  closeShift: () => unsupported(),
  approveShiftClose: () => unsupported(),
  listWaitingReturns: () => unsupported(),
  settleReturnRequest: () => unsupported(),
  payReturnCash: () => unsupported(),
  findSalesOfItem: () => unsupported(),
  getStoreCredit: () => unsupported(),
  voidStoreCredit: () => unsupported(),
  setSaleBuyer: () => unsupported(),
  removeSaleBuyer: () => unsupported(),
  clearTaxInvoice: () => unsupported(),
  issueSimplifiedInstead: () => unsupported(),
  reissueRejectedEinvoice: () => unsupported(),
  getXReport: () => unsupported(),
  closeDay: () => unsupported(),
  backupForClosing: () => unsupported(),
  listZReports: () => unsupported(),
  getSalesReport: () => unsupported(),
  currentUser: () => unsupported(),
  signIn: () => unsupported(),
  signOut: () => unsupported(),
  startTotpEnrolment: () => unsupported(),
  confirmTotpEnrolment: () => unsupported(),
  listUsers: () => unsupported(),
  addUser: () => unsupported(),
  addFirstAdmin: () => unsupported(),
  changeUser: () => unsupported(),
  presentApproverBadge: () => unsupported(),
  dropApproverBadge: () => unsupported(),
  parkSale: () => unsupported(),
  listParkedSales: () => unsupported(),
  exportXReport: () => unsupported(),
  exportZReport: () => unsupported(),
  listAudit: () => unsupported(),
  exportAudit: () => unsupported(),
  recallSale: () => unsupported(),
  voidParkedSale: () => unsupported(),
};

export type FakeTill = RunningTill & {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  listenerCount(): number;
  dispatch: ReturnType<typeof vi.fn<RunningTill['dispatch']>>;
  close: ReturnType<typeof vi.fn<RunningTill['close']>>;
};

/** An update service with nothing to install; a test sets readyToApply to say otherwise. */
export function fakeUpdates(): RunningTill['updates'] {
  const none = async () => {
    throw new Error('no update in the fake till');
  };
  return {
    check: vi.fn(async () => ({ status: 'no-feed' as const })),
    download: vi.fn(async () => ({ status: 'no-feed' as const })),
    verifyFile: vi.fn(none),
    importFile: vi.fn(none),
    staged: vi.fn(async () => null),
    readyToApply: vi.fn(async () => null),
  };
}

export function createFakeTill(dataDir = '/tmp/nuqta-shell-test'): FakeTill {
  const listeners = new Set<TillEventListener>();
  const real = createDispatcher(handlers, { error: () => {} });
  return {
    dataDir,
    dispatch: vi.fn<RunningTill['dispatch']>((method, input) => real(method, input)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    shell: () => ({ kiosk: false, customerScreen: 'auto' }),
    updates: fakeUpdates(),
    close: vi.fn<RunningTill['close']>(async () => {}),
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    listenerCount: () => listeners.size,
  };
}
