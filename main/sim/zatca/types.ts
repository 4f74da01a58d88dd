// The ZATCA platform simulator's calls, scripted faults, events and record. See README.md.

export type ZatcaCall = 'compliance' | 'compliance-invoices' | 'production-csid' | 'renew-csid' | 'reporting' | 'clearance';

export const ZATCA_CALLS: readonly ZatcaCall[] = ['compliance', 'compliance-invoices', 'production-csid', 'renew-csid', 'reporting', 'clearance'];

/** A validation message a fault makes the simulator send. */
export interface FaultMessage {
  code: string;
  message: string;
  category?: string;
}

/**
 * One scripted fault, used by the next `count` (default 1) requests it matches (`call`, default any), then
 * discarded. `process`: whether the request takes effect before the fault hides the answer (a document then
 * counts as received and reported, and sending it again draws 409).
 *   status          HTTP `status` (default 500) with `body` (default ZATCA's {"code","message"} server error)
 *   timeout         hold the connection open and never answer (until the client gives up or the simulator closes)
 *   reset           drop the connection without an answer
 *   unauthorized    401, as for credentials it does not know
 *   rejected        400 with `errors` (default one BR-KSA-like error): NOT_REPORTED / NOT_CLEARED / compliance ERROR
 *   already-reported 409 (the document is recorded as reported)
 *   warnings        the request is checked as usual; if it passes, 202 with `warnings` added
 *   clearance-off   303 to the reporting endpoint (clearance switched off)
 *   rate-limited    429 with Retry-After `retryAfterSeconds` (default 1)
 *   malformed       200 with a body that is not JSON
 *   oversized       200 with a 4 MiB body
 *   slow            process at once, answer after `delayMs`
 */
export type ZatcaFault = { call?: ZatcaCall; count?: number } & (
  | { action: 'status'; status?: number; body?: string; process?: boolean }
  | { action: 'timeout'; process?: boolean }
  | { action: 'reset'; process?: boolean }
  | { action: 'unauthorized' }
  | { action: 'rejected'; errors?: FaultMessage[] }
  | { action: 'already-reported' }
  | { action: 'warnings'; warnings?: FaultMessage[] }
  | { action: 'clearance-off' }
  | { action: 'rate-limited'; retryAfterSeconds?: number }
  | { action: 'malformed'; process?: boolean }
  | { action: 'oversized' }
  | { action: 'slow'; delayMs: number }
);

export type FaultAction = ZatcaFault['action'];

/** What happened to a document the simulator received, per EGS and ICV. */
export type DocumentFate = 'reported' | 'cleared' | 'rejected';

export interface ReceivedDocument {
  icv: number;
  uuid: string;
  /** The hash the simulator computed from the document (not the one the request claimed). */
  hash: string;
  pih: string;
  profile: 'simplified' | 'standard' | 'unknown';
  typeCode: string;
  fate: DocumentFate;
  /** Every time this exact document arrived. */
  received: number;
  /** The error codes of its last rejection. */
  errors: string[];
}

export interface SimCsid {
  kind: 'compliance' | 'production';
  requestId: string;
  /** VAT number | EGS serial, from the certificate's subjectAltName. */
  egs: string;
  certificate: string;
  binarySecurityToken: string;
  secret: string;
  invoiceTypes: string;
  issuedAt: string;
  /** Compliance CSIDs: the sample kinds that passed (simplified-invoice, standard-credit, …). */
  passedChecks: string[];
  /** Made by adoptCsid (a known certificate handed in by a test), not issued from a CSR. */
  adopted: boolean;
}

/** One request as received and answered (for tests: what the till sent, headers included). */
export interface SimRequest {
  seq: number;
  call: ZatcaCall | 'unknown';
  method: string;
  path: string;
  /** Header names in lower case; Authorization is kept (it is the simulator's own CSID). */
  headers: Record<string, string>;
  /** The JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** The status answered, or null (timeout, reset). */
  status: number | null;
  fault: FaultAction | null;
  egs: string | null;
  icv: number | null;
}

export interface SimRecord {
  requests: SimRequest[];
  csids: SimCsid[];
  /** Per EGS: the documents received, by ICV. */
  documents: Record<string, ReceivedDocument[]>;
}

export type SimEvent =
  | { event: 'request'; seq: number; call: ZatcaCall | 'unknown'; status: number | null; fault: FaultAction | null; egs: string | null; icv: number | null }
  | { event: 'csid'; kind: SimCsid['kind']; egs: string; requestId: string }
  | { event: 'document'; egs: string; document: ReceivedDocument };
