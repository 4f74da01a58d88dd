// The contract methods that only read: what a till whose ledger was found damaged still answers (the sale on
// screen, history, receipts, the panels), while every method that could write is refused with LEDGER_DAMAGED.
import type { MethodName } from '../../preload/contract';

export const READ_ONLY_METHODS = Object.freeze([
  'getTill',
  'getSale',
  'searchCatalog',
  'getReceipt',
  'getReceiptImage',
  'listReceipts',
  'listPrintJobs',
  'getTerminalStatus',
  'getPrinterStatus',
  'getShift',
  'listWaitingReturns',
  'getStoreCredit',
] as const satisfies readonly MethodName[]);

const readOnly: ReadonlySet<string> = new Set<string>(READ_ONLY_METHODS);

export const onlyReads = (method: string): boolean => readOnly.has(method);
