// How the till reaches a terminal: something that yields a byte stream per request. The ECR link layer only ever
// sees a Duplex, so TCP, a serial port and the in-process simulator are interchangeable.
import type { Duplex } from 'node:stream';

export interface Transport {
  /**
   * Opens a fresh byte stream for one request. Rejects when the terminal cannot be reached (nothing was sent).
   * The caller destroys the stream when the request is over. The stream carries a no-op 'error' listener, so an
   * error never crashes the process; the caller watches 'close'.
   */
  open(): Promise<Duplex>;
  /** For the status panel and logs, e.g. "tcp 192.168.1.20:8888". */
  describe(): string;
}
