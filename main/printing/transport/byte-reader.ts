// Bytes coming back from a two-way printer link (TCP, serial), read one at a time with a timeout. Only
// status answers come back; anything that is not a status byte (Automatic Status Back messages, noise
// from a reconnect) is skipped by the status query, not here.
import { PrinterError } from '../errors';

export class ByteReader {
  private readonly queue: number[] = [];
  private waiter: { resolve: (b: number) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | null = null;
  private failure: Error | null = null;

  push(chunk: Uint8Array): void {
    for (const b of chunk) this.queue.push(b);
    this.flush();
  }

  /** Drops anything not yet read (before a new request, so an old answer is not taken for the new one). */
  clear(): void {
    this.queue.length = 0;
  }

  /** Fails the current and all future reads (link closed). */
  fail(error: Error): void {
    this.failure = error;
    const w = this.waiter;
    if (w) {
      this.waiter = null;
      clearTimeout(w.timer);
      w.reject(error);
    }
  }

  /** Re-arms the reader after a reconnect. */
  reset(): void {
    this.failure = null;
    this.queue.length = 0;
  }

  next(timeoutMs: number, what: string): Promise<number> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiter) return Promise.reject(new Error('ByteReader: one read at a time'));
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new PrinterError('PRINTER_TIMEOUT', `no answer to ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = { resolve, reject, timer };
      this.flush();
    });
  }

  private flush(): void {
    if (!this.waiter || this.queue.length === 0) return;
    const w = this.waiter;
    this.waiter = null;
    clearTimeout(w.timer);
    w.resolve(this.queue.shift()!);
  }
}
