// Returns: what comes back of a receipt, refunded and credited (the credit note of its e-invoice).
export { createReturns, returnNumberText, RETURN_ENTRY, type Returns, type ReturnsDeps, type IssuedReturn } from './returns';
export { returnsProjection } from './projection';
export { REASON_TEXT } from './reasons';
