// The methods whose reply is the sale itself (the `Sale` schema). Kept apart from methods.ts, with no runtime
// schema, so the view's bundle can read it.
//
// On the browser host's socket such a reply also stands for the `saleChanged` event the call raised: the host
// does not send the caller that event a second time, and the caller's client raises `saleChanged` from the reply
// (renderer/api/hostClient.ts). One frame per scan instead of two, and the view hears of the sale exactly as
// before. test/host/sale-replies.test.ts holds this list to the contract.
import type { MethodName } from './methods';

export const SALE_REPLY_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'getSale',
  'scanBarcode',
  'addProduct',
  'setQuantity',
  'removeLine',
  'setLineDiscount',
  'setSaleDiscount',
  'overridePrice',
  'voidSale',
  'removeSaleBuyer',
  'parkSale',
  'recallSale',
]);
