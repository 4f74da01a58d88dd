// Returns: what comes back of a receipt, refunded and credited (the credit note of its e-invoice).
export { createReturns, returnNumberText, type Returns, type ReturnsDeps, type IssuedReturn } from './returns';
export { CASH_ENTRY, REQUEST_ENTRY, RETURN_ENTRY } from './entries';
export { returnsProjection } from './projection';
export { REASON_TEXT } from './reasons';
export { cashRefundedBetween } from './cash-refunded';
