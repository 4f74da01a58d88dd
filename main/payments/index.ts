// Card payments: intents, recovery and the protocol-neutral connector interface.
export { createPayments, type Payments, type PaymentsDeps } from './service';
export { createIntentStore, pendingPayment, toSummary, type IntentStore } from './intent-store';
export { openTerminal, type OpenTerminal, type SecretReader } from './terminal';
export { openStcPay, type OpenStcPay } from './stcpay-open';
export type { PaymentSimulators, SimulatedEndpoint } from './simulators';
export { createOtpDesk, type OtpDesk } from './otp-desk';
export type {
  PaymentConnector,
  TerminalOutcome,
  InquiryOutcome,
  TerminalRecord,
  TerminalStage,
  SettlementTotals,
} from './connector';
export { paymentsProjection } from './projection';
export type { RefundSettlement } from './lifecycle';
export type { IntentRow } from './intent-store';
