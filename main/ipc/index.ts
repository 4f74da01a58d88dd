export { createDispatcher, type Dispatch, type Handlers } from './dispatch';
export { CUSTOMER_DISPLAY_EVENTS, CUSTOMER_DISPLAY_METHODS, customerDisplayMayCall, customerDisplayMayHear } from './customer-display';
