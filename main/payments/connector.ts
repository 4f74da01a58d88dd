// The protocol-neutral face of a payment terminal or provider. The mada ECR connector (SkyBand over TCP or
// serial) implements it today; the nexo and STC Pay connectors of the next issue implement the same thing.
// Everything the till decides about money (intents, the unknown state, recovery, reversal of orphans) lives
// above this interface in main/payments and never depends on which protocol is underneath.

/** Card schemes as the till records them; STCPAY is the STC Pay wallet (no card at all). */
export type CardScheme = 'MADA' | 'VISA' | 'MASTERCARD' | 'AMEX' | 'GCCNET' | 'UNIONPAY' | 'JCB' | 'DISCOVER' | 'STCPAY' | 'OTHER';

/** How the cardholder was verified. `cdcvm` = consumer-device CVM (Apple Pay, phone wallets). */
export type Verification = 'pin' | 'no_cvm' | 'cdcvm' | 'signature' | 'unknown';

export type EntryMode = 'contactless' | 'chip' | 'swipe' | 'manual' | 'unknown';

/**
 * What the terminal said about one approved or declined transaction: only what it returns masked.
 * Never a full card number, track data or CVV — the codecs must not even parse such fields into here.
 */
export interface TerminalRecord {
  /** Our reference for the transaction (ECR reference number / RefNum / ServiceID). */
  reference: string;
  /** Terminal response code as sent (e.g. "000"). */
  responseCode: string;
  approved: boolean;
  amountHalalas: number;
  scheme: CardScheme;
  /** The terminal's own scheme/application label, verbatim (e.g. "mada", "VISA CREDIT"). */
  schemeLabel: string;
  /** Wallet when the terminal says so (Apple Pay shows as a consumer-device verified payment). */
  wallet: 'apple_pay' | 'google_pay' | 'samsung_pay' | 'other_wallet' | null;
  verification: Verification;
  entryMode: EntryMode;
  maskedPan: string;
  authCode: string;
  rrn: string;
  stan: string;
  tid: string;
  mid: string;
  /** Terminal date-time of the transaction, ISO 8601. */
  at: string;
  /** Merchant-facing texts from the terminal, verbatim (Arabic included), for the receipt. */
  texts: { en: string; ar: string };
}

/** Progress the cashier can see while the terminal works. */
export type TerminalStage =
  | 'connecting'
  | 'sent' // the terminal took the request: the customer follows its screen (present card, PIN)
  | 'awaiting_otp' // STC Pay texted the customer a code; the cashier types it in
  | 'awaiting_result'
  | 'recovering'; // asking the terminal what happened

/** The outcome of a financial request. `unknown` is a real outcome: the till must not guess. */
export type TerminalOutcome =
  | { kind: 'approved'; record: TerminalRecord }
  | { kind: 'declined'; record: TerminalRecord | null; responseCode: string; reason: { en: string; ar: string } }
  | { kind: 'unknown'; why: 'timeout' | 'disconnected' | 'corrupt' | 'busy' | 'cancelled'; detail: string };

/** The outcome of asking the terminal about an earlier reference. */
export type InquiryOutcome =
  | { kind: 'found'; outcome: Extract<TerminalOutcome, { kind: 'approved' | 'declined' }> }
  /** The terminal explicitly says it has no transaction with this reference: it is safe to try anew. */
  | { kind: 'not_found' }
  /**
   * No final answer: still unknown. Either the terminal could not be asked (offline, busy, garbled), or it
   * answered that the transaction is still in progress (`pending`: STC Pay "Pending", nexo "InProgress") — then
   * it may still complete, so no person may settle it meanwhile.
   */
  | { kind: 'unreachable'; detail: string; pending?: boolean };

export interface SettlementTotals {
  responseCode: string;
  /** True when the terminal reports its totals in balance with the host (500), false out of balance (501). */
  inBalance: boolean;
  /** Per scheme: count and amount of purchases and refunds, as reported. */
  schemes: Array<{ scheme: string; purchaseCount: number; purchaseHalalas: number; refundCount: number; refundHalalas: number }>;
  at: string;
}

export interface PurchaseRequest {
  reference: string;
  amountHalalas: number;
}

export interface RefundRequest {
  reference: string;
  amountHalalas: number;
  /** RRN and date of the original purchase. */
  originalRrn: string;
  originalAt: string;
}

export interface ReversalRequest {
  reference: string;
  /** The reference of the transaction being reversed (the terminal's last transaction for SkyBand). */
  originalReference: string;
}

export interface CallOptions {
  onStage?: (stage: TerminalStage) => void;
  /** Aborts waiting; the request may still complete on the terminal, so the outcome is then `unknown`. */
  signal?: AbortSignal;
}

/** What a provider's TLS connection showed (STC Pay): certificates' expiry and the server's clock. */
export interface ConnectionFacts {
  ownCertificateValidTo: string | null;
  serverCertificateValidTo: string | null;
  serverDate: string | null;
}

export type TerminalHealth =
  | { state: 'connected'; connection?: ConnectionFacts }
  | { state: 'disconnected'; detail: string }
  | { state: 'busy' };

export type SettlementResult = SettlementTotals | { kind: 'unknown'; detail: string } | { kind: 'refused'; responseCode: string; message: string };

export interface PaymentConnector {
  readonly protocol: 'mada-ecr' | 'nexo' | 'stcpay';
  purchase(request: PurchaseRequest, options?: CallOptions): Promise<TerminalOutcome>;
  refund(request: RefundRequest, options?: CallOptions): Promise<TerminalOutcome>;
  reverse(request: ReversalRequest, options?: CallOptions): Promise<TerminalOutcome>;
  /** Check status / repeat last / TransactionStatus / PaymentInquiry for one earlier reference. */
  inquire(reference: string, options?: CallOptions): Promise<InquiryOutcome>;
  /**
   * End of day. `unknown`: no answer (it may or may not have settled). `refused`: the terminal answered with a
   * code of its own and did not settle (an error to show with its code, not a lost terminal).
   */
  settle(options?: CallOptions): Promise<SettlementResult>;
  /** Cheap liveness check for the status panel; never sends a financial message. */
  health(): Promise<TerminalHealth>;
  close(): Promise<void>;
}
