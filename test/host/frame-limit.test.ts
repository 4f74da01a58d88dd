// The host's payload limit is set from the contract, not guessed: the largest call frame each method can
// legitimately carry (every string at its maximum, made of characters JSON must escape, the largest id) must
// pass the method's own schema and stay far under MAX_FRAME_BYTES. A method added with a big input fails here
// until the limit is thought about again.
import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES } from '../../main/host';
import { DENOMINATIONS, MAX_MOVEMENT_HALALAS, MAX_PIECES, MAX_RETURN_LINES, methods, type MethodName } from '../../preload/contract';

/** A string JSON writes at 6 bytes a character (\u0001): the worst a length-capped free-text field can cost. */
const escaped = (length: number) => '\u0001'.repeat(length);
/** A string of the costliest printable characters: 3 bytes each in UTF-8, written by JSON as they are. */
const wide = (length: number) => '\uFFFD'.repeat(length);
const pin = '12345678';
const amount = 100_000_000;

const largestInputs: Record<MethodName, unknown> = {
  getTill: {},
  setTraining: { on: true, managerPin: '12345678' },
  listPracticeScenarios: {},
  startPractice: { scenarioId: 'declined-card-then-cash', managerPin: '12345678' },
  checkPractice: {},
  setPreferences: { locale: 'ar', digits: 'arabic' },
  getSale: {},
  scanBarcode: { barcode: escaped(64) },
  addProduct: { productId: Number.MAX_SAFE_INTEGER },
  setQuantity: { lineId: escaped(64), quantity: 9999 },
  removeLine: { lineId: escaped(64) },
  setLineDiscount: { lineId: escaped(64), discount: { rule: { kind: 'amount', halalas: 100_000_000 }, reason: 'loyal_customer' }, managerPin: pin },
  setSaleDiscount: { discount: { rule: { kind: 'amount', halalas: 100_000_000 }, reason: 'manager_decision' }, managerPin: pin },
  overridePrice: { lineId: escaped(64), unitPriceHalalas: 100_000_000, reason: 'manager_decision', managerPin: pin },
  voidSale: {},
  tenderCash: { tenderedHalalas: amount },
  searchCatalog: { query: escaped(100), limit: 50 },
  getReceipt: { receiptNo: escaped(32) },
  payCard: { amountHalalas: amount },
  payStcPay: { amountHalalas: amount, mobile: escaped(20) },
  submitStcPayOtp: { intentId: escaped(64), otp: pin },
  cancelCardPayment: { intentId: escaped(64) },
  recoverPayment: { intentId: escaped(64) },
  resolvePayment: { intentId: escaped(64), outcome: 'declined', rrn: 'A'.repeat(40), authCode: 'A'.repeat(6), managerPin: pin },
  reverseCardPayment: { intentId: escaped(64), managerPin: pin },
  getReturnable: { receiptNo: escaped(32) },
  returnSale: {
    receiptNo: escaped(32),
    lines: Array.from({ length: MAX_RETURN_LINES }, (_, i) => ({ lineId: `${i}`.padStart(40, 'a'), quantity: 9999 })),
    reason: 'customer_changed_mind',
    refundTo: 'original',
    managerPin: pin,
  },
  getTerminalStatus: {},
  checkTerminal: {},
  repeatLastTransaction: {},
  settleTerminal: { managerPin: pin },
  getHealth: {},
  checkHealth: {},
  getPrinterStatus: {},
  listPrintJobs: {},
  retryPrintJob: { jobId: escaped(64) },
  cancelPrintJob: { jobId: escaped(64) },
  reprintReceipt: { receiptNo: escaped(32) },
  reprintReturn: { returnNo: escaped(32) },
  getReceiptImage: { receiptNo: escaped(32) },
  listReceipts: { limit: 100, beforeReceiptNo: escaped(32) },
  openDrawer: { managerPin: pin, reason: escaped(200) },
  getSettings: { managerPin: pin },
  // One long text at the patch's byte cap (SETTINGS_PATCH_MAX_BYTES, 1,150): 23 bytes of braces, key and quotes + 187 × 6.
  updateSettings: { managerPin: pin, settings: { 'receipt.footerAr': escaped(187) } },
  commissioningStep: { managerPin: pin, step: 'customerDisplay', confirmRealCard: true, scan: { text: escaped(64), arabicLayout: true }, shown: true },
  getCommissioningReport: {},
  getEinvoicing: { managerPin: pin },
  onboardEinvoicing: { managerPin: pin, environment: 'production', otp: '123456' },
  renewEinvoicing: { managerPin: pin, otp: '123456' },
  listEinvoices: { managerPin: pin, state: 'rejected', page: 100_000, pageSize: 100 },
  getUpdates: { managerPin: pin },
  checkUpdates: { managerPin: pin },
  downloadUpdate: { managerPin: pin },
  importUpdateFolder: { managerPin: pin, folder: escaped(260) },
  installUpdate: { managerPin: pin },
  getShift: {},
  openShift: { float: Object.fromEntries(DENOMINATIONS.map((d) => [d.key, MAX_PIECES])) },
  cashMovement: { kind: 'safe_drop', amountHalalas: MAX_MOVEMENT_HALALAS, reason: escaped(120) },
  closeShift: { count: Object.fromEntries(DENOMINATIONS.map((d) => [d.key, MAX_PIECES])) },
  approveShiftClose: { managerPin: pin, reason: escaped(120) },
  listWaitingReturns: {},
  settleReturnRequest: { requestId: escaped(64), managerPin: pin },
  payReturnCash: { returnNo: escaped(32), managerPin: pin },
  findSalesOfItem: { barcode: escaped(64) },
  getStoreCredit: { voucherNo: escaped(40) },
  voidStoreCredit: { voucherNo: escaped(40), reason: 'issued_in_error', note: escaped(120), managerPin: pin },
  // The buyer's fields refuse control characters: the costliest a field can hold is a 3-byte UTF-8 character.
  setSaleBuyer: {
    buyer: {
      legalName: wide(160),
      vatNumber: wide(20),
      otherId: { scheme: 'OTH', value: wide(30) },
      address: { street: wide(80), buildingNumber: wide(10), district: wide(50), city: wide(50), postalCode: wide(10), country: 'SA' },
    },
  },
  removeSaleBuyer: {},
  clearTaxInvoice: { receiptNo: escaped(32), send: true },
  issueSimplifiedInstead: { receiptNo: escaped(32) },
  reissueRejectedEinvoice: { egsId: escaped(64), icv: Number.MAX_SAFE_INTEGER, managerPin: pin },
  getXReport: { managerPin: pin },
  closeDay: { managerPin: pin, acknowledgedBy: escaped(80) },
  backupForClosing: { managerPin: pin },
  listZReports: { managerPin: pin },
  getSalesReport: { managerPin: pin, from: '2026-01-01', to: '2026-12-31' },
  currentUser: {},
  signIn: { badge: escaped(64), pin: '12345678' },
  signOut: {},
  startTotpEnrolment: {},
  confirmTotpEnrolment: { code: '123456' },
  listUsers: { managerPin: pin },
  presentApproverBadge: { badge: escaped(64) },
  dropApproverBadge: {},
  addUser: { managerPin: pin, nameAr: escaped(60), nameEn: escaped(60), role: 'supervisor', pin, badge: escaped(64) },
  addFirstAdmin: { nameAr: escaped(60), nameEn: escaped(60), pin, badge: escaped(64), tillPin: pin },
  changeUser: { managerPin: pin, userId: escaped(64), change: { kind: 'badge', badge: escaped(64) } },
  parkSale: {},
  listParkedSales: {},
  recallSale: { saleId: escaped(64) },
  voidParkedSale: { saleId: escaped(64) },
  exportXReport: { managerPin: pin },
  exportZReport: { zNumber: 10_000_000, format: 'csv', managerPin: pin },
  listAudit: { from: '2026-12-05T00:00:00.000Z', to: '2026-12-05T23:59:59.999Z', userId: escaped(64), action: 'sign_in_failed', limit: 200, cursor: Number.MAX_SAFE_INTEGER, managerPin: pin },
  exportAudit: { from: '2026-12-05T00:00:00.000Z', to: '2026-12-05T23:59:59.999Z', userId: escaped(64), action: 'sign_in_failed', managerPin: pin },
};

const frameBytes = (method: string, input: unknown) =>
  Buffer.byteLength(JSON.stringify({ kind: 'call', id: Number.MAX_SAFE_INTEGER, method, input }));

describe('the payload limit against the contract', () => {
  it.each(Object.keys(methods) as MethodName[])('%s: its largest legitimate call frame passes its schema and fits four times over', (method) => {
    const input = largestInputs[method];
    expect(methods[method].input.safeParse(input).success).toBe(true);
    expect(frameBytes(method, input)).toBeLessThanOrEqual(MAX_FRAME_BYTES / 4);
  });

  it("setSaleBuyer's fields refuse control characters, which JSON would write at 6 bytes each", () => {
    const buyer = largestInputs.setSaleBuyer as { buyer: { legalName: string } };
    expect(methods.setSaleBuyer.input.safeParse({ buyer: { ...buyer.buyer, legalName: escaped(160) } }).success).toBe(false);
  });

  it('the largest of all is the figure the limit is documented with', () => {
    const largest = Math.max(...(Object.keys(methods) as MethodName[]).map((m) => frameBytes(m, largestInputs[m])));
    expect(largest).toBe(1673);
  });

  it('a string one character over its cap is refused by the schema, so the worst cases above are the real maximum', () => {
    expect(methods.openDrawer.input.safeParse({ managerPin: pin, reason: escaped(201) }).success).toBe(false);
    expect(methods.searchCatalog.input.safeParse({ query: escaped(101) }).success).toBe(false);
  });
});
