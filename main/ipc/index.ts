export { createDispatcher, type Dispatch, type Handlers } from './dispatch';
export { CUSTOMER_DISPLAY_METHODS, customerDisplayMayCall } from './customer-display';
