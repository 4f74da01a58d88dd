// Store credit: a bearer voucher a return issues instead of cash, taken as a tender on a later sale (issue 13).
export { createStoreCredit, type StoreCredit, type StoreCreditDeps, type Voucher, type VoucherState } from './store';
export { CREDIT_ENTRY } from './entries';
export { storeCreditProjection } from './projection';
export { groupedVoucherNumber, newVoucherNumber, readVoucherNumber } from './voucher-number';
