// STC Pay DirectPayment V4: the two-step client (mutual TLS), the PaymentConnector adapter, the purchase flow.
// See README.md.
export { createStcPayClient, PRODUCTION_BASE_URL, TEST_BASE_URL, DEFAULT_STCPAY_TIMEOUTS, type StcPayClient, type StcPayClientOptions, type StcPayTimeouts } from './client';
export { createStcPayConnector, type StcPayConnectorOptions, type ReferenceInfo } from './connector';
export { runStcPayPurchase, type StcPayInteraction } from './flow';
export { inquireUntilKnown } from './retry';
export { normaliseSaudiMobile, maskMobile, type MobileResult } from './mobile';
export { halalasToSar, sarToHalalas } from './amount';
export { spkiPin, type StcPayTlsOptions } from './tls';
export { REASONS, DEFAULT_ERROR_CODES, type StcPayReason, type Bilingual } from './reasons';
export type * from './types';
export { quoteAmounts } from './wire';
