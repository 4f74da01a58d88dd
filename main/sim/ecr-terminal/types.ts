// The ECR simulator's vocabulary: scripted behaviours (JSON-friendly, so the CLI can take them on stdin) and the
// simulator's own record of transactions — the truth the till's ledger is checked against.
import type { EcrCommand } from '../../payments/ecr';

export const SIM_CARDS = ['mada', 'visa', 'mastercard', 'amex'] as const;
export type SimCard = (typeof SIM_CARDS)[number];
export type SimCvm = 'pin' | 'no_cvm' | 'cdcvm' | 'signature';

/** What the terminal does with the next request it accepts (matching `commands`). Everything is optional. */
export interface Behaviour {
  /** Requests this behaviour applies to; default the financial ones: A1, A6, A5. */
  commands?: EcrCommand[];
  /**
   * approve (default) · decline (with declineCode, default 116) · partial (approve partialHalalas, default half) ·
   * cancel (code UC, message CANCELLED) · busy (answer TERMINAL BUSY, record nothing) ·
   * no-answer (ACK, then never answer and record nothing)
   */
  outcome?: 'approve' | 'decline' | 'partial' | 'cancel' | 'busy' | 'no-answer';
  declineCode?: string;
  partialHalalas?: number;
  card?: SimCard;
  /** Apple Pay: contactless, consumer-device CVM (CVR 640300), "DEVICE OWNER IDENTITY VERIFIED". */
  wallet?: 'apple_pay' | null;
  cvm?: SimCvm;
  entry?: 'contactless' | 'chip' | 'swipe';
  /** Processing time before the answer (the terminal is BUSY to other requests meanwhile). */
  delayMs?: number;
  /** Record the outcome, then cut the connection before the answer ('after-approve') or halfway through it. */
  drop?: 'after-approve' | 'mid-response';
  /** Send the answer with a bad LRC: the first copy only, or every copy (retransmissions included). */
  corruptLrc?: 'once' | 'always';
  /** Line noise written before the answer (latin1 text; true = a built-in mix including a stray STX). */
  garbage?: string | true;
  /** Write the answer in small pieces with pauses, to exercise partial-frame handling. */
  chunked?: boolean;
  /** NAK this many copies of the request before accepting it (ACK/NAK mode; tests the till's retransmission). */
  nakRequest?: number;
  /** Do not ACK the request (ACK/NAK mode), but still process and answer it. */
  noAck?: boolean;
  /** Put an UNMASKED card number in the PAN field: only to prove the till masks it. */
  unmaskedPan?: boolean;
  /** For B1: report totals out of balance (501). */
  outOfBalance?: boolean;
  /** For B1: refuse to settle with this code (a short answer: code and message only), settling nothing. */
  refuseSettlement?: string;
}

export type SimTransactionKind = 'purchase' | 'refund' | 'reversal';

export interface SimTransaction {
  ecrRef: string;
  kind: SimTransactionKind;
  amountHalalas: number;
  status: 'approved' | 'declined' | 'reversed' | 'refunded';
  responseCode: string;
  rrn: string;
  authCode: string;
  stan: string;
  /** Terminal date-time DDMMYYhhmmss. */
  datetime: string;
  card: SimCard;
  schemeLabel: string;
  /** Refunds: the purchase RRN. Reversals: the reversed transaction's reference. */
  original?: string;
  /** Purchases: how much has been refunded so far. */
  refundedHalalas?: number;
  settled: boolean;
}

/** Everything the simulator persists to `recordFile`. */
export interface SimRecord {
  transactions: SimTransaction[];
  /** Purchase frames (A1) accepted per ECR reference: proves "no purchase sent twice for one intent". */
  purchaseFrames: Record<string, number>;
  /** The full field list of the last transaction's answer, for C2 (repeat last). */
  lastResponse: string[] | null;
  stan: number;
}
