// One byte stream between the till and the simulated terminal (a socket, one end of an in-process pair, or a
// serial/pty port): framing, ACK/NAK, and the scripted wire faults (garbage, chunking, corrupt LRC, drops).
import type { Duplex } from 'node:stream';
import { ACK, encodeFrame, FrameReader, NAK, splitFrame, type ReaderEvent } from '../../payments/ecr';
import { matchLrc, type LrcMode } from '../../payments/ecr';
import { decodeRequest } from '../../payments/ecr';
import { busyFields, formatErrorFields } from './responses';
import type { SimulatedTerminal } from './terminal';
import type { Behaviour } from './types';

export interface SessionOptions {
  lrcMode: LrcMode;
  ackNak: boolean;
  /** How long the terminal waits for the till's ACK of an answer before giving up on it. */
  ackTimeoutMs: number;
  /** Copies of an answer in all (first + retransmissions after NAK). */
  maxAnswerCopies: number;
  /**
   * 'destroy' cuts sockets and in-process streams; a serial line cannot be "disconnected" from this end, so there a
   * drop means going silent (what a pulled RS-232 cable looks like to the till).
   */
  dropMode: 'destroy' | 'silence';
}

const BUILTIN_GARBAGE = '\x00\xff\x02junk\x10\x02\xfcA1\x13noise';

export class Session {
  private readonly reader = new FrameReader();
  private processing = false;
  private dropped = false;
  private pendingAnswer: { resend: () => void; copies: number; timer: NodeJS.Timeout } | null = null;

  constructor(
    private readonly stream: Duplex,
    private readonly terminal: SimulatedTerminal,
    private readonly options: SessionOptions,
  ) {
    stream.on('error', () => {});
    stream.on('data', (chunk: Buffer) => {
      try {
        for (const event of this.reader.push(chunk)) this.onEvent(event);
      } catch {
        // a terminal never crashes on line noise
      }
    });
    stream.on('close', () => this.clearPending());
  }

  private onEvent(event: ReaderEvent): void {
    if (this.dropped) return;
    if (event.type === 'control') {
      const pending = this.pendingAnswer;
      if (!pending) return;
      if (event.byte === ACK) return this.clearPending();
      if (pending.copies < this.options.maxAnswerCopies) pending.resend();
      else this.clearPending();
      return;
    }
    if (event.type === 'corrupt') {
      if (this.options.ackNak) this.write(Uint8Array.of(NAK));
      return;
    }
    this.onRequest(event.frame);
  }

  private onRequest(frame: Buffer): void {
    const fields = splitFrame(frame);
    const command = fields[1] ?? '';
    if (this.processing || this.terminal.busy) {
      // Busy: take the frame, say so, and leave the script for the request that gets through.
      if (this.options.ackNak) this.write(Uint8Array.of(ACK));
      return this.answer(busyFields(command), {});
    }
    const behaviour = this.terminal.peek(command);
    if (this.options.ackNak && behaviour?.nakRequest && behaviour.nakRequest > 0) {
      behaviour.nakRequest -= 1; // pretend this copy arrived damaged
      this.write(Uint8Array.of(NAK));
      return;
    }
    this.terminal.consume(behaviour);
    const b: Behaviour = behaviour ?? {};
    if (this.options.ackNak && !b.noAck) this.write(Uint8Array.of(ACK));
    const decoded = decodeRequest(fields);
    this.terminal.noteRequest(command, decoded?.request ?? null);
    if (!decoded) return this.answer(formatErrorFields(command), {});
    if (b.outcome === 'busy') return this.answer(busyFields(command), b);
    if (b.outcome === 'no-answer') return;
    this.processing = true;
    this.terminal.busy = true;
    const run = () => {
      let answer: string[];
      try {
        answer = this.terminal.process(decoded, b);
      } finally {
        this.processing = false;
        this.terminal.busy = false;
      }
      this.answer(answer, b);
    };
    if (b.delayMs && b.delayMs > 0) setTimeout(run, b.delayMs);
    else run();
  }

  private answer(fields: string[], b: Behaviour): void {
    if (b.drop === 'after-approve') return this.drop();
    const good = encodeFrame(fields.slice(1), this.options.lrcMode);
    let copies = 0;
    const copy = () => {
      copies += 1;
      const corrupt = b.corruptLrc === 'always' || (b.corruptLrc === 'once' && copies === 1);
      return corrupt ? corrupted(good) : good;
    };
    const first = copy();
    if (b.garbage) this.write(Buffer.from(b.garbage === true ? BUILTIN_GARBAGE : b.garbage, 'latin1'));
    if (b.drop === 'mid-response') {
      this.write(first.subarray(0, Math.floor(first.length / 2)));
      return this.drop();
    }
    this.send(first, b.chunked ?? false);
    if (!this.options.ackNak) return;
    const arm = () => {
      this.clearPending();
      const timer = setTimeout(() => this.clearPending(), this.options.ackTimeoutMs);
      this.pendingAnswer = {
        copies,
        timer,
        resend: () => {
          this.send(copy(), false);
          arm();
        },
      };
    };
    arm();
  }

  private send(frame: Buffer, chunked: boolean): void {
    if (!chunked) return this.write(frame);
    let at = 0;
    const next = () => {
      if (at >= frame.length || this.dropped) return;
      this.write(frame.subarray(at, at + 7));
      at += 7;
      setTimeout(next, 3);
    };
    next();
  }

  private write(bytes: Uint8Array): void {
    if (this.dropped || this.stream.destroyed || !this.stream.writable) return;
    try {
      this.stream.write(bytes);
    } catch {
      // the till hung up; the terminal carries on
    }
  }

  private drop(): void {
    this.clearPending();
    if (this.options.dropMode === 'destroy') {
      this.dropped = true;
      this.stream.destroy();
    }
    // 'silence': nothing more is written for this answer; the line stays usable for the next request.
  }

  private clearPending(): void {
    if (this.pendingAnswer) clearTimeout(this.pendingAnswer.timer);
    this.pendingAnswer = null;
  }
}

/** The same frame with an LRC byte that matches neither accepted form. */
function corrupted(frame: Buffer): Buffer {
  const out = Buffer.from(frame);
  const body = out.subarray(0, out.length - 1);
  let bad = (out[out.length - 1]! + 1) & 0xff;
  while (matchLrc(body, bad) !== null) bad = (bad + 1) & 0xff;
  out[out.length - 1] = bad;
  return out;
}
