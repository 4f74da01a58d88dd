// The only methods the customer-facing display may call, in Electron (its window) and in the browser host
// (its own secret): reads that change nothing. The one place this list lives.
import type { MethodName } from '../../preload/contract';

export const CUSTOMER_DISPLAY_METHODS = Object.freeze([
  'getTill',
  'getSale',
  'getTerminalStatus',
  'getPrinterStatus',
] as const satisfies readonly MethodName[]);

const customerMethods: ReadonlySet<string> = new Set<string>(CUSTOMER_DISPLAY_METHODS);

export const customerDisplayMayCall = (method: string): boolean => customerMethods.has(method);
