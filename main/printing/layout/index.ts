export type { Block, Cell, Span, TextSize, Align } from './blocks';
export { layoutReceipt, type ReceiptLayoutInput, type ReceiptCopy } from './receipt';
export { layoutCardSlip, cardSlipFromTender, type CardSlip, type CardSlipInput, type SlipCopy } from './card-slip';
export { shopHeader, type ShopInfo } from './shop';
export { formatHalalas, formatInteger, toArabicDigits, riyadhDateTime, safePan, type Digits } from './format';
export { T as RECEIPT_TEXTS } from './texts';
