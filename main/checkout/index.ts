export {
  createCheckout,
  withEinvoiceQr,
  receiptNumberText,
  MAX_LINES,
  MAX_SALE_TOTAL_HALALAS,
  type Checkout,
  type CheckoutDeps,
  type DiscountLimits,
  type ProductLookup,
  type SignedInSale,
} from './checkout';
export { createReceiptReader, type ReceiptReader } from './receipts';
export { checkoutProjection } from './projection';
export { openReceiptWatermark, receiptLogAsNow, receiptsMissingFrom, WATERMARK_FILE, type IssuedReceipt, type ReceiptWatermark } from './receipt-watermark';
export { cashTakenBetween } from './cash-taken';
