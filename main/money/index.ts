export { divideRoundHalfUp } from './rounding';
export { computeTotals, VAT_RATE_PERCENT, type PricedLine } from './vat';
export { lineTotalHalalas, quantityMilli, type LineQuantity } from './line-total';
export { apportion, beyondLimit, discountExceeds, discountHalalas, paidPartHalalas } from './discount';
