// What the backup verification worker and the till say to each other. One worker checks one file: the till
// hands it the path (workerData), the worker says it has started (its code loaded: from then on a lost worker
// is a failed verification, before it a worker that could not start), then posts the report, or the error the
// same check would have thrown in-process.
import { TillError, type ErrorCode } from '../errors';
import type { LedgerReport } from '../ledger';

export interface VerifyWorkerData {
  /** The copy to check; the worker opens it read-only. */
  file: string;
}

export interface SerializedVerifyError {
  name: string;
  message: string;
  /** A TillError (a copy written by a newer version: LEDGER_SCHEMA_NEWER) crosses as its code and detail. */
  tillCode?: ErrorCode;
  detail?: string;
}

export type VerifyWorkerMessage =
  | { kind: 'started' }
  | { kind: 'report'; report: LedgerReport }
  | { kind: 'error'; error: SerializedVerifyError };

export function serializeVerifyError(e: unknown): SerializedVerifyError {
  if (e instanceof TillError) return { name: e.name, message: e.message, tillCode: e.code, ...(e.detail !== undefined ? { detail: e.detail } : {}) };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

/** The error as checkLedgerFile would have thrown it on the till's own thread. */
export function deserializeVerifyError(s: SerializedVerifyError): Error {
  if (s.tillCode) return new TillError(s.tillCode, s.detail);
  const e = new Error(s.message);
  e.name = s.name;
  return e;
}
