export type { Block, Cell, Span, TextSize, Align } from './blocks';
export { layoutReceipt, type ReceiptLayoutInput, type ReceiptCopy } from './receipt';
export { layoutCardSlip, cardSlipFromTender, hasCardSlip, type CardSlip, type CardSlipInput, type SlipCopy } from './card-slip';
export { refundSlips, type RefundSlip } from './refund-slip';
export { shopHeader, type ShopInfo } from './shop';
export { isStcPay } from './stc-pay';
export { formatHalalas, formatInteger, toArabicDigits, riyadhDateTime, safePan, safeMobile, type Digits } from './format';
export { T as RECEIPT_TEXTS } from './texts';
