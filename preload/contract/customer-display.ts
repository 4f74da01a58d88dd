// What the customer-facing display may call and hear: reads that change nothing, and the events about the sale
// in front of the customer. The one place these lists live: main refuses everything else from the customer
// window (Electron) and the customer secret (browser host), and the customer window's own preload is built
// from them, so the page facing the customer never even holds payCard, refundCard or openDrawer.
import type { EventName, MethodName } from './methods';

export const CUSTOMER_DISPLAY_METHODS = Object.freeze([
  'getTill',
  'getSale',
  'getTerminalStatus',
  'getPrinterStatus',
] as const satisfies readonly MethodName[]);

export type CustomerDisplayMethod = (typeof CUSTOMER_DISPLAY_METHODS)[number];

/**
 * The sale in front of the customer, its payment prompts, the thank-you, whether the receipt can print, and
 * the till's language and digits, and whether the till is in training (nothing about anyone). Not the terminal panel (earlier customers' masked
 * cards and RRNs), not the print queue, not refused scans.
 */
export const CUSTOMER_DISPLAY_EVENTS = Object.freeze([
  'saleChanged',
  'paymentProgress',
  'saleCompleted',
  'printerStatusChanged',
  'preferencesChanged',
  'trainingChanged',
] as const satisfies readonly EventName[]);

export type CustomerDisplayEvent = (typeof CUSTOMER_DISPLAY_EVENTS)[number];
