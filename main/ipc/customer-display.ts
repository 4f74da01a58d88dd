// Main's side of the customer display's limits, in Electron (its window) and in the browser host (its own
// secret). The lists themselves live in the contract (preload/contract/customer-display.ts), because the
// customer window's preload is built from them too; these checks are derived from the same lists.
import { CUSTOMER_DISPLAY_EVENTS, CUSTOMER_DISPLAY_METHODS } from '../../preload/contract';

export { CUSTOMER_DISPLAY_EVENTS, CUSTOMER_DISPLAY_METHODS };

const customerMethods: ReadonlySet<string> = new Set<string>(CUSTOMER_DISPLAY_METHODS);

export const customerDisplayMayCall = (method: string): boolean => customerMethods.has(method);

const customerEvents: ReadonlySet<string> = new Set<string>(CUSTOMER_DISPLAY_EVENTS);

export const customerDisplayMayHear = (event: string): boolean => customerEvents.has(event);
