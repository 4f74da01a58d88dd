// From what the printer said (DLE EOT bits) or how a job failed to the contract's PrinterStatus, plus a
// bilingual explanation for anything but "ready" so the view never has to invent wording.
import type { ErrorData, PrinterStatus } from '../../../preload/contract';
import { PrinterError, type PrinterErrorCode } from '../errors';
import type { PrinterStatus as EscPosStatus } from '../escpos/status';
import { PrintServiceError } from './errors';

export type PrinterState = PrinterStatus['state'];

/**
 * The contract's PrinterStatus plus `error`: why the printer is not ready, in both languages (null when
 * ready or not checked). Structurally a PrinterStatus, so it can be emitted as one.
 */
export interface PrinterStatusReport extends PrinterStatus {
  error: ErrorData | null;
}

/** The worst thing the printer reports, in the order a cashier must deal with it. */
export function stateFromStatus(s: EscPosStatus): { state: PrinterState; error: ErrorData | null } {
  if (s.paperOut) return { state: 'paper_out', error: new PrinterError('PRINTER_PAPER_OUT').toData() };
  if (s.coverOpen) return { state: 'cover_open', error: new PrinterError('PRINTER_COVER_OPEN').toData() };
  // The contract has no separate error state: a cutter jam or hot head keeps the printer offline.
  if (s.error) return { state: 'offline', error: new PrinterError('PRINTER_ERROR').toData() };
  if (!s.online) return { state: 'offline', error: new PrinterError('PRINTER_OFFLINE').toData() };
  if (s.paperNearEnd) return { state: 'paper_near_end', error: null };
  return { state: 'ready', error: null };
}

const STATE_OF_ERROR: Record<PrinterErrorCode, PrinterState> = {
  PRINTER_PAPER_OUT: 'paper_out',
  PRINTER_COVER_OPEN: 'cover_open',
  PRINTER_ERROR: 'offline',
  PRINTER_OFFLINE: 'offline',
  PRINTER_TIMEOUT: 'offline',
  PRINTER_DISCONNECTED: 'disconnected',
  PRINTER_NOT_FOUND: 'disconnected',
  PRINTER_PERMISSION: 'disconnected',
  PRINTER_CLOSED: 'disconnected',
};

/** What a failed status query or job says about the printer. */
export function stateFromError(e: unknown): { state: PrinterState; error: ErrorData } {
  if (e instanceof PrinterError) return { state: STATE_OF_ERROR[e.code], error: e.toData() };
  if (e instanceof PrintServiceError) return { state: 'not_checked', error: e.toData() };
  return { state: 'offline', error: new PrinterError('PRINTER_OFFLINE').toData() };
}
