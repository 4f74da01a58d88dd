export {
  createCheckout,
  receiptNumberText,
  MAX_LINES,
  MAX_SALE_TOTAL_HALALAS,
  type Checkout,
  type CheckoutDeps,
  type ProductLookup,
} from './checkout';
export { createReceiptReader, type ReceiptReader } from './receipts';
export { checkoutProjection } from './projection';
