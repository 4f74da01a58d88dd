export { createDispatcher, type Dispatch, type DispatchOptions, type Handlers } from './dispatch';
export { READ_ONLY_METHODS, onlyReads } from './read-only';
export { CUSTOMER_DISPLAY_EVENTS, CUSTOMER_DISPLAY_METHODS, customerDisplayMayCall, customerDisplayMayHear } from './customer-display';
export { currentCall, runInCall, type CallContext } from './call-context';
export { createPermissionGate, type GateSession, type PermissionGate } from './permission-gate';
