// One interface for every way the till reaches a printer. Failures reject with a PrinterError (code +
// Arabic/English message), never a raw socket error, so callers can show and journal them as data.
import type { PrinterStatus } from '../escpos/status';

export interface PrinterTransport {
  readonly kind: 'tcp' | 'serial' | 'usb-lp' | 'windows-share' | 'stream';
  /** For logs and the settings screen: "tcp 192.168.1.50:9100", "serial /dev/ttyUSB0". */
  readonly description: string;
  /** Resolves once the bytes were handed to the OS (socket, tty, device); rejects on timeout or loss. */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Real-time status (DLE EOT). Absent on write-only transports (USB printer class, Windows spooler).
   * `quick` asks only the online bit, and the causes only when offline (used between image bands).
   */
  status?(options?: { quick?: boolean }): Promise<PrinterStatus>;
  close(): Promise<void>;
}

export interface TimeoutOptions {
  /** Connecting or opening the device. */
  connectTimeoutMs?: number;
  /** One write: the printer must take the bytes within this time (a stalled printer stops reading). */
  writeTimeoutMs?: number;
  /** One status byte. Real-time status is answered at once, even offline, so this is short. */
  statusTimeoutMs?: number;
}

export const DEFAULT_TIMEOUTS: Required<TimeoutOptions> = {
  connectTimeoutMs: 3000,
  writeTimeoutMs: 10_000,
  statusTimeoutMs: 1000,
};
