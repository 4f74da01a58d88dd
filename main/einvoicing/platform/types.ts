// Every platform answer as one of a few kinds the caller can act on. The reporting kinds are a superset of the
// queue's ReportAnswer (reporting/answer.ts): a ReportResult can be handed to the queue as it is.
import type { PlatformCode, RetryReason } from './reasons';
import type { PlatformMessage } from './wire';

export type { PlatformMessage, RetryReason };

/** A CSID: the certificate (as the token) and its secret, the Basic-auth pair of every later call. */
export interface PlatformCredentials {
  binarySecurityToken: string;
  secret: string;
}

/** Send the identical request again later: 5xx, 429, timeout, connection trouble, an answer that cannot be read. */
export interface Retry {
  kind: 'retry';
  reason: RetryReason;
  code: PlatformCode;
  /** For logs and the status screen: what happened, never a credential. */
  detail: string;
  /** The HTTP status when there was one. */
  status: number | null;
  /** From Retry-After (429, 503), when sent. */
  retryAfterMs: number | null;
}

/** 401: the credentials were refused. Nothing is wrong with the document. */
export interface Unauthorized {
  kind: 'unauthorized';
  code: 'ZATCA_UNAUTHORIZED';
  detail: string;
}

/** 400: ZATCA's validation said no. Final for this document: fixed only by a new one. */
export interface Rejected {
  kind: 'rejected';
  code: 'ZATCA_REJECTED';
  errors: PlatformMessage[];
  warnings: PlatformMessage[];
}

export type ReportResult =
  /** 200, or 202 with warnings (kept: the document counts as reported, the warnings are shown). */
  | { kind: 'reported'; status: 200 | 202; warnings: PlatformMessage[] }
  /** 409: this document was reported earlier (a resend after a lost answer): counts as reported. */
  | { kind: 'already-reported'; detail: string }
  | Rejected
  | Unauthorized
  | Retry;

export type ClearResult =
  /** 200 / 202: cleared; ZATCA's stamped document comes back and is the one to hand the buyer. */
  | { kind: 'cleared'; status: 200 | 202; warnings: PlatformMessage[]; clearedInvoice: string }
  /** 409: cleared earlier. The stamped copy is not sent again. */
  | { kind: 'already-cleared'; detail: string }
  /** 303: clearance is switched off at the platform: report the document instead. */
  | { kind: 'clearance-off'; code: 'ZATCA_CLEARANCE_OFF'; detail: string }
  | Rejected
  | Unauthorized
  | Retry;

export type ComplianceCheckResult =
  | { kind: 'passed'; status: 'PASS' | 'WARNING'; warnings: PlatformMessage[]; reportingStatus: string; clearanceStatus: string }
  | Rejected
  | Unauthorized
  | Retry;

export type CsidResult =
  | {
      kind: 'issued';
      requestId: string;
      dispositionMessage: string;
      credentials: PlatformCredentials;
      /** The certificate as Base64 DER text (what a signed document's ds:X509Certificate carries). */
      certificate: string;
      /** The certificate's end of validity, ISO 8601. */
      notAfter: string;
    }
  /** 4xx with ZATCA's reasons (wrong OTP, unusable CSR, compliance steps missing), or refused here before sending (status null). */
  | { kind: 'refused'; code: 'ZATCA_CSID_REFUSED' | 'ZATCA_OTP_FORMAT'; status: number | null; errors: PlatformMessage[]; detail: string }
  | Unauthorized
  | Retry;
