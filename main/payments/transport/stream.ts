// In-process transport: a pair of linked Duplex streams, one end for the till, the other handed to whoever plays
// the terminal (the ECR simulator in the demo, training mode and tests). Destroying either end ends the other,
// like pulling a cable, so the link layer sees the same 'close' it sees on a socket.
import { Duplex } from 'node:stream';
import type { Transport } from './transport';

class LinkedEnd extends Duplex {
  peer: LinkedEnd | null = null;

  override _read(): void {}

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    const peer = this.peer;
    if (!peer || peer.destroyed) return done(new Error('the other end is gone'));
    // Deliver asynchronously, as a real wire would: a writer never re-enters its own reader synchronously.
    const copy = Buffer.from(chunk);
    setImmediate(() => {
      if (!peer.destroyed) peer.push(copy);
    });
    done();
  }

  override _final(done: (err?: Error | null) => void): void {
    const peer = this.peer;
    setImmediate(() => {
      if (peer && !peer.destroyed) peer.push(null);
    });
    done();
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    const peer = this.peer;
    this.peer = null;
    if (peer && !peer.destroyed) setImmediate(() => peer.destroy());
    done(err);
  }
}

/** Two connected ends: what one writes, the other reads. */
export function createStreamPair(): [Duplex, Duplex] {
  const a = new LinkedEnd();
  const b = new LinkedEnd();
  a.peer = b;
  b.peer = a;
  a.on('error', () => {});
  b.on('error', () => {});
  return [a, b];
}

/**
 * Each open() makes a new pair, hands the terminal end to `serve` and returns the till end. If `serve` throws,
 * open() rejects (nothing was sent).
 */
export function createStreamTransport(serve: (terminalEnd: Duplex) => void, label = 'in-process simulator'): Transport {
  return {
    describe: () => `stream ${label}`,
    open: async () => {
      const [till, terminal] = createStreamPair();
      serve(terminal);
      return till;
    },
  };
}
