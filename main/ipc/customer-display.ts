// The only methods the customer-facing display may call, in Electron (its window) and in the browser host
// (its own secret): reads that change nothing. The one place this list lives.
import type { EventName, MethodName } from '../../preload/contract';

export const CUSTOMER_DISPLAY_METHODS = Object.freeze([
  'getTill',
  'getSale',
  'getTerminalStatus',
  'getPrinterStatus',
] as const satisfies readonly MethodName[]);

const customerMethods: ReadonlySet<string> = new Set<string>(CUSTOMER_DISPLAY_METHODS);

export const customerDisplayMayCall = (method: string): boolean => customerMethods.has(method);

/**
 * The only events the customer display hears: the sale in front of the customer, its payment prompts, the
 * thank-you, whether the receipt can print, and the till's language and digits (nothing about anyone). Not the
 * terminal panel (earlier customers' masked cards and RRNs), not the print queue, not refused scans.
 */
export const CUSTOMER_DISPLAY_EVENTS = Object.freeze([
  'saleChanged',
  'paymentProgress',
  'saleCompleted',
  'printerStatusChanged',
  'preferencesChanged',
] as const satisfies readonly EventName[]);

const customerEvents: ReadonlySet<string> = new Set<string>(CUSTOMER_DISPLAY_EVENTS);

export const customerDisplayMayHear = (event: string): boolean => customerEvents.has(event);
