// Contract-shaped values for the view's pure tests.
import type { CardDetails, CardTender, IntentSummary, PaymentProgress, PrintJob, ReceiptSummary, Sale } from '../../preload/contract/schemas';

export const cardDetails = (over: Partial<CardDetails> = {}): CardDetails => ({
  scheme: 'MADA',
  schemeLabel: 'mada',
  wallet: null,
  verification: 'pin',
  entryMode: 'contactless',
  maskedPan: '************1234',
  authCode: 'A1B2C3',
  rrn: '123456789012',
  stan: '000042',
  tid: '12345678',
  mid: '123456789012345',
  responseCode: '000',
  terminalAt: '2025-11-27T10:01:00Z',
  texts: { en: 'APPROVED', ar: 'مقبولة' },
  resolvedByManager: false,
  ...over,
});

export const intent = (over: Partial<IntentSummary> = {}): IntentSummary => ({
  intentId: 'I1',
  reference: 'R000001',
  kind: 'purchase',
  method: 'card',
  state: 'sending',
  amountHalalas: 2000,
  saleId: 'S1',
  createdAt: '2025-11-27T10:00:00Z',
  card: null,
  reason: null,
  otp: null,
  ...over,
});

export const cardTender = (intentId: string, amountHalalas: number): CardTender => ({
  kind: 'card',
  intentId,
  reference: `R-${intentId}`,
  amountHalalas,
  card: cardDetails(),
});

/** What main puts in the card details of an STC Pay payment: the masked mobile and the STCPayRefNum. */
export const stcPayDetails = (over: Partial<CardDetails> = {}): CardDetails =>
  cardDetails({
    scheme: 'STCPAY',
    schemeLabel: 'STC Pay',
    maskedPan: '9665*****567',
    authCode: '',
    rrn: '1234567890',
    stan: '',
    tid: '',
    mid: '',
    verification: 'unknown',
    entryMode: 'unknown',
    ...over,
  });

export const stcPayTender = (intentId: string, amountHalalas: number): CardTender => ({
  ...cardTender(intentId, amountHalalas),
  card: stcPayDetails(),
});

export const otpPrompt = (over: Partial<NonNullable<PaymentProgress['otp']>> = {}): NonNullable<PaymentProgress['otp']> => ({
  attempt: 1,
  expiresAt: '2025-11-27T10:05:00Z',
  maskedMobile: '9665*****567',
  lastError: null,
  ...over,
});

export const openSale = (over: Partial<Sale> = {}): Sale => ({
  saleId: 'S1',
  status: 'open',
  openedAt: '2025-11-27T10:00:00Z',
  lines: [
    {
      lineId: 'L1',
      productId: 1,
      barcode: '6281000000001',
      nameAr: 'حليب',
      nameEn: 'Milk',
      quantity: 1,
      unitPriceHalalas: 5000,
      lineTotalHalalas: 5000,
      vatCategory: 'S',
    },
  ],
  totals: { subtotalHalalas: 4348, vatHalalas: 652, totalHalalas: 5000, breakdown: [] },
  tenders: [],
  dueHalalas: 5000,
  payment: null,
  revision: 1,
  buyer: null,
  ...over,
});

export const printJob = (over: Partial<PrintJob> = {}): PrintJob => ({
  jobId: 'J1',
  kind: 'receipt',
  receiptNo: 'T01-000001',
  copy: 'original',
  state: 'queued',
  attempts: 0,
  mayHavePrinted: false,
  error: null,
  createdAt: '2025-11-27T10:02:00Z',
  printedAt: null,
  ...over,
});

export const paperOut = { code: 'PRINTER_PAPER_OUT', message_ar: 'نفد ورق الطابعة.', message_en: 'The printer is out of paper.' };

export const receiptSummary = (over: Partial<ReceiptSummary> = {}): ReceiptSummary => ({
  receiptNo: 'T01-000001',
  issuedAt: '2025-11-27T10:02:00Z',
  totalHalalas: 5000,
  tenderKinds: ['cash'],
  returnedHalalas: 0,
  ...over,
});
