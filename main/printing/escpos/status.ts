// DLE EOT n, the real-time status request: the printer answers one byte at once, even mid-job or offline
// (printing.md §3; Epson TM-T88III technical reference p. 304, Bixolon SRP-350 manual).
import { DLE, EOT } from './commands';

export type StatusKind = 1 | 2 | 3 | 4;
/** 1 printer, 2 offline cause, 3 error cause, 4 paper roll sensor. */
export const STATUS_PRINTER: StatusKind = 1;
export const STATUS_OFFLINE_CAUSE: StatusKind = 2;
export const STATUS_ERROR_CAUSE: StatusKind = 3;
export const STATUS_PAPER: StatusKind = 4;

export function statusRequest(n: StatusKind): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

/**
 * Every DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear. Checking that tells a status byte
 * from stray data (an ASB message or the tail of an earlier answer).
 */
export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export interface PrinterStatus {
  /** False when the printer reports itself offline (cover open, paper out, error, feed button). */
  online: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  /** Any error state: cutter jam, head overheated, unrecoverable error. */
  error: boolean;
  /** Drawer kick-out connector pin 3: `true` = high. Whether high means open depends on the drawer. */
  drawerPin3High: boolean;
}

export const STATUS_OK: PrinterStatus = {
  online: true,
  paperOut: false,
  paperNearEnd: false,
  coverOpen: false,
  error: false,
  drawerPin3High: false,
};

/** The status bytes as read: any may be missing when the printer only answered some of the requests. */
export interface StatusBytes {
  printer?: number;
  offlineCause?: number;
  errorCause?: number;
  paper?: number;
}

export function decodeStatus(bytes: StatusBytes): PrinterStatus {
  const s = { ...STATUS_OK };
  if (bytes.printer !== undefined) {
    s.drawerPin3High = (bytes.printer & 0x04) !== 0;
    s.online = (bytes.printer & 0x08) === 0;
  }
  if (bytes.offlineCause !== undefined) {
    s.coverOpen = (bytes.offlineCause & 0x04) !== 0;
    if (bytes.offlineCause & 0x20) s.paperOut = true; // stopped by paper end
    if (bytes.offlineCause & 0x40) s.error = true;
  }
  if (bytes.errorCause !== undefined) {
    // bit 3 autocutter error, bit 5 unrecoverable, bit 6 auto-recoverable (e.g. head temperature)
    if (bytes.errorCause & 0x68) s.error = true;
  }
  if (bytes.paper !== undefined) {
    s.paperNearEnd = (bytes.paper & 0x0c) !== 0;
    if (bytes.paper & 0x60) s.paperOut = true;
  }
  return s;
}

/** The inverse of decodeStatus: what a printer in this state answers (used by the virtual printer). */
export function encodeStatus(status: PrinterStatus): Required<StatusBytes> {
  const offline = !status.online || status.paperOut || status.coverOpen || status.error;
  return {
    printer: 0x12 | (status.drawerPin3High ? 0x04 : 0) | (offline ? 0x08 : 0),
    offlineCause: 0x12 | (status.coverOpen ? 0x04 : 0) | (status.paperOut ? 0x20 : 0) | (status.error ? 0x40 : 0),
    errorCause: 0x12 | (status.error ? 0x20 : 0),
    paper: 0x12 | (status.paperNearEnd || status.paperOut ? 0x0c : 0) | (status.paperOut ? 0x60 : 0),
  };
}

export type PrinterProblem = 'offline' | 'paper_out' | 'cover_open' | 'error' | 'paper_near_end';

/** What stops a print (everything except a near-end roll, which only warns). */
export function blockingProblems(status: PrinterStatus): PrinterProblem[] {
  const out: PrinterProblem[] = [];
  if (status.paperOut) out.push('paper_out');
  if (status.coverOpen) out.push('cover_open');
  if (status.error) out.push('error');
  if (!status.online && out.length === 0) out.push('offline');
  return out;
}
