// The nexo provider simulator's vocabulary: scripted behaviours (JSON-friendly, so the CLI takes them on stdin)
// and its own ledger — the truth the till's ledger is checked against.
import type { AuthenticationMethod, EntryModeType, ErrorCondition, PaymentResponse, ReversalResponse } from '../../payments/nexo';

export type SimCategory = 'Payment' | 'Reversal' | 'TransactionStatus' | 'Abort' | 'Reconciliation' | 'Diagnosis';

/**
 * What the provider does with the next request it accepts (matching `categories`). Everything is optional; the
 * named scenarios of the brief are combinations:
 *   approve {} · decline {outcome:'decline'} (Refusal) · slow {delayMs} · never answers {outcome:'drop'} ·
 *   answers after the till gave up {delayMs: longer than the till waits} · busy {outcome:'busy'} ·
 *   in progress for N polls {answer:'never', inProgressPolls:N} · duplicate ServiceID {outcome:'duplicate-service-id'} ·
 *   Apple Pay {brand:'mada_applepay'} (or 'applepay', 'visa_applepay')
 */
export interface NexoBehaviour {
  /** Requests this behaviour applies to; default the financial ones: Payment and Reversal. */
  categories?: SimCategory[];
  /**
   * approve (default) · decline (Failure + errorCondition, default Refusal) · partial (Partial, partialHalalas,
   * default half) · busy (Failure/Busy at once, nothing recorded) · drop (the request is swallowed: nothing recorded,
   * never answered, TransactionStatus says NotFound) · duplicate-service-id (rejected with an EventNotification
   * "Reject" as for a reused ServiceID, nothing recorded)
   */
  outcome?: 'approve' | 'decline' | 'partial' | 'busy' | 'drop' | 'duplicate-service-id';
  errorCondition?: ErrorCondition;
  /** For decline: AdditionalResponse refusalReason. */
  refusalReason?: string;
  partialHalalas?: number;
  /**
   * How the processed result is answered: normal (default) · never (recorded, but the HTTP request is never
   * answered) · http-error (status httpStatus, default 500) · malformed (broken JSON) · empty (200, no body).
   * In cloud-async this applies to the /async call itself; the notification follows `notify`.
   */
  answer?: 'normal' | 'never' | 'http-error' | 'malformed' | 'empty';
  httpStatus?: number;
  /** Processing time: the transaction is InProgress meanwhile, its answer comes after it. */
  delayMs?: number;
  /** Once processed, TransactionStatus still answers InProgress this many times. */
  inProgressPolls?: number;
  /** PaymentBrand, verbatim (default "mada"). Wallets: "applepay", "mada_applepay", "visa_applepay", "googlepay". */
  brand?: string;
  entryMode?: EntryModeType;
  authenticationMethod?: AuthenticationMethod;
  /** cloud-async: POST the result to the notification target (default true). */
  notify?: boolean;
  /** Put a FULL card number in CardData.MaskedPan: only to prove the till masks it. */
  unmaskedPan?: boolean;
}

export type SimTransactionKind = 'purchase' | 'refund' | 'reversal';

export interface SimTransaction {
  /** SaleData.SaleTransactionID.TransactionID: the till's reference. */
  transactionId: string;
  saleId: string;
  serviceId: string;
  category: 'Payment' | 'Reversal';
  kind: SimTransactionKind;
  amountHalalas: number;
  /** reversed: a purchase later reversed in full. */
  status: 'in_progress' | 'approved' | 'declined' | 'aborted' | 'reversed';
  errorCondition?: string;
  poiTransactionId: string;
  poiTimeStamp: string;
  brand: string;
  approvalCode: string;
  acquirerTransactionId: string;
  /** Purchases: refunded so far. */
  refundedHalalas: number;
  /** Refunds and reversals: the POITransactionID they name. */
  original?: string;
  settled: boolean;
  /** TransactionStatus answers InProgress this many more times. */
  inProgressPolls: number;
  /** The final response body, repeated by TransactionStatus. */
  response?: { PaymentResponse: PaymentResponse } | { ReversalResponse: ReversalResponse };
}

export interface SimLedger {
  transactions: SimTransaction[];
  /** Payment requests received per SaleTransactionID: proves "no purchase sent twice for one intent". */
  paymentRequests: Record<string, number>;
  /** Requests received per MessageCategory (all endpoints). */
  requests: Record<string, number>;
  /** SaleID/ServiceID pairs of financial requests seen (a reuse is rejected). */
  serviceIds: string[];
  counter: number;
}

export type SimEvent =
  | { event: 'request'; endpoint: 'sync' | 'async' | 'local'; category: string; serviceId: string; saleId: string; transactionId?: string }
  | { event: 'transaction'; transaction: Omit<SimTransaction, 'response'> }
  | { event: 'notification'; serviceId: string; status: number | string };
