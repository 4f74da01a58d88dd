// Messages between the print service and the print worker, and errors as data across the thread boundary.
import { TillError, type ErrorCode } from '../../errors';
import type { EncodedJob } from '../escpos/job';
import { PrintServiceError, type PrintServiceErrorCode } from '../service/errors';
import type { PreviewRequest, ReceiptImage } from './preview';
import type { RenderRequest } from './render-encode';

export interface WorkerInit {
  /** The host's process.resourcesPath (packaged app), so fonts and logo resolve exactly as on the host. */
  resourcesPath?: string;
}

/** A print job (render + ESC/POS encode) or a receipt preview (render + PNG); one worker does both. */
export type RenderMessage = { id: number; kind: 'job'; request: RenderRequest } | { id: number; kind: 'preview'; request: PreviewRequest };

export interface SerializedError {
  name: string;
  message: string;
  printCode?: PrintServiceErrorCode;
  tillCode?: ErrorCode;
  detail?: string;
}

/** The answer to the message with the same id: the job's bytes (transferred), or the preview (cloned). */
export type ResultMessage =
  | { id: number; ok: true; kind: 'job'; bytes: ArrayBuffer; lengths: number[] }
  | { id: number; ok: true; kind: 'preview'; image: ReceiptImage }
  | { id: number; ok: false; error: SerializedError };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof PrintServiceError) return { name: e.name, message: e.message, printCode: e.printCode, ...(e.detail !== undefined ? { detail: e.detail } : {}) };
  if (e instanceof TillError) return { name: e.name, message: e.message, tillCode: e.code, ...(e.detail !== undefined ? { detail: e.detail } : {}) };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

export function deserializeError(s: SerializedError): Error {
  if (s.printCode) return new PrintServiceError(s.printCode, s.detail);
  if (s.tillCode) return new TillError(s.tillCode, s.detail);
  const e = new Error(s.message);
  e.name = s.name;
  return e;
}

/** The job's chunks in one buffer (to transfer, not copy, to the host), and their lengths. */
export function packJob(job: EncodedJob): { bytes: ArrayBuffer; lengths: number[] } {
  const all = new Uint8Array(job.byteLength);
  let at = 0;
  for (const c of job.chunks) {
    all.set(c, at);
    at += c.length;
  }
  return { bytes: all.buffer, lengths: job.chunks.map((c) => c.length) };
}

export function unpackJob(bytes: ArrayBuffer, lengths: number[]): EncodedJob {
  const all = new Uint8Array(bytes);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const n of lengths) {
    chunks.push(all.subarray(at, at + n));
    at += n;
  }
  return { chunks, byteLength: at };
}
