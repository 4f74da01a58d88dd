// The ECR link layer: one request/response exchange over a byte stream (socket, serial port, in-process pair).
//
// Sending. With ACK/NAK (`ackNak: true`, a per-kit setting — payments.md does not document ACK/NAK for SkyBand over
// TCP, serial kits commonly use it): write the frame and wait `ackTimeoutMs` for ACK (0x06). On NAK (0x15) the
// terminal says it rejected that copy, so THE SAME BYTES are written again, at most `maxRetransmits` (2) more
// times. The outcome of the send phase is then:
//   ACK                                  → sent
//   a frame instead of ACK               → sent (the terminal answered; its ACK was lost or it does not ACK)
//   every copy explicitly NAKed          → not-sent (nothing was ever accepted: safe to try anew)
//   no ACK/NAK in time, close, error     → unknown (a copy may have been accepted; the ACK may have been lost)
// We never retransmit on a missing ACK: a terminal that accepted the first copy would see a second purchase.
// Without ACK/NAK the frame is written once and is 'sent' as soon as the write completes.
//
// Receiving. Bytes are accumulated and framed by FrameReader (garbage before STX skipped, partial frames awaited).
// A frame whose LRC matches neither form is NAKed (with ACK/NAK) and the terminal's retransmission awaited, at most
// `maxResponseNaks` times; one more bad copy, or any bad copy without ACK/NAK, ends as unknown/corrupt. A good
// frame that `accept` rejects (a stale answer to an earlier request) is ACKed and ignored. The accepted frame is
// ACKed before the exchange resolves.
//
// Every path ends in exactly one LinkResult; the promise never rejects and nothing is left listening afterwards.
import type { Duplex } from 'node:stream';
import { ACK, FrameReader, NAK, type ReaderEvent } from './frame';
import type { LrcMode } from './lrc';

export interface ExchangeOptions {
  ackNak: boolean;
  /** How long to wait for ACK/NAK after each copy (ACK/NAK kits only). */
  ackTimeoutMs: number;
  /** Extra copies after a NAK (default 2: at most three copies in all). */
  maxRetransmits?: number;
  /** NAKs we send for corrupt responses before giving up (default 2). */
  maxResponseNaks?: number;
  /** From 'sent' until the response frame is complete. */
  responseTimeoutMs: number;
  signal?: AbortSignal;
  /** Called once, when the terminal has taken the request. */
  onSent?: () => void;
  /** Is this (LRC-verified) frame the answer to our request? Rejected frames are ACKed and ignored. */
  accept?: (frame: Buffer) => boolean;
}

export type LinkResult =
  | { kind: 'response'; frame: Buffer; lrc: LrcMode; copiesSent: number; ignoredFrames: number }
  | { kind: 'not-sent'; detail: string }
  | { kind: 'unknown'; why: 'timeout' | 'disconnected' | 'corrupt' | 'cancelled'; detail: string; copiesSent: number };

export function exchange(stream: Duplex, frame: Buffer, options: ExchangeOptions): Promise<LinkResult> {
  return new Promise<LinkResult>((resolve) => {
    const maxRetransmits = options.maxRetransmits ?? 2;
    const maxResponseNaks = options.maxResponseNaks ?? 2;
    const reader = new FrameReader();
    let phase: 'sending' | 'awaiting' | 'done' = 'sending';
    let copies = 0;
    let naksReceived = 0;
    let naksSent = 0;
    let ignored = 0;
    let corruptGrace = false;
    let timer: NodeJS.Timeout | null = null;
    const isDone = () => phase === 'done';

    const setTimer = (ms: number, onFire: () => void) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        guard(onFire);
      }, ms);
    };

    const cleanup = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      stream.off('data', onData);
      stream.off('close', onClose);
      stream.off('end', onClose);
      stream.off('error', onError);
      options.signal?.removeEventListener('abort', onAbort);
    };

    const finish = (result: LinkResult) => {
      if (phase === 'done') return;
      phase = 'done';
      cleanup();
      resolve(result);
    };

    const unknown = (why: 'timeout' | 'disconnected' | 'corrupt' | 'cancelled', detail: string) =>
      finish({ kind: 'unknown', why, detail, copiesSent: copies });

    // Any exception inside our own handlers ends the exchange in a defined state instead of escaping.
    function guard(fn: () => void) {
      try {
        fn();
      } catch (err) {
        const detail = `link error: ${err instanceof Error ? err.message : String(err)}`;
        if (copies === 0) finish({ kind: 'not-sent', detail });
        else unknown('corrupt', detail);
      }
    }

    const safeWrite = (bytes: Uint8Array, after?: (err: Error | null) => void) => {
      try {
        stream.write(bytes, (err) => guard(() => after?.(err ?? null)));
      } catch (err) {
        guard(() => after?.(err instanceof Error ? err : new Error(String(err))));
      }
    };

    const markSent = () => {
      phase = 'awaiting';
      try {
        options.onSent?.();
      } catch {
        // a broken progress callback must not change the money outcome
      }
      setTimer(options.responseTimeoutMs, () => unknown('timeout', `no response within ${options.responseTimeoutMs} ms`));
    };

    const sendCopy = () => {
      copies += 1;
      safeWrite(frame, (err) => {
        if (phase === 'done') return;
        if (err) return unknown('disconnected', `write failed: ${err.message}`);
        if (!options.ackNak && phase === 'sending') markSent();
      });
      if (options.ackNak) {
        setTimer(options.ackTimeoutMs, () => {
          if (phase === 'sending') unknown('timeout', `no ACK within ${options.ackTimeoutMs} ms (copy ${copies}); the terminal may have taken it`);
        });
      }
    };

    const handleFrame = (event: Extract<ReaderEvent, { type: 'frame' | 'corrupt' }>) => {
      if (phase === 'sending') markSent(); // an answer is the strongest ACK there is
      if (event.type === 'corrupt') {
        if (options.ackNak && naksSent < maxResponseNaks) {
          naksSent += 1;
          safeWrite(Uint8Array.of(NAK));
          return;
        }
        if (options.ackNak) return unknown('corrupt', `response LRC still bad after ${naksSent} NAKs`);
        // Without ACK/NAK nobody will resend; but what we saw may have been line noise in front of the real answer,
        // so give a good frame a short grace period before calling the answer corrupt.
        if (!corruptGrace) {
          corruptGrace = true;
          setTimer(Math.min(options.ackTimeoutMs, options.responseTimeoutMs), () => unknown('corrupt', 'response LRC bad (kit without ACK/NAK)'));
        }
        return;
      }
      let wanted = true;
      try {
        wanted = options.accept ? options.accept(event.frame) : true;
      } catch {
        wanted = false;
      }
      if (!wanted) {
        ignored += 1;
        if (options.ackNak) safeWrite(Uint8Array.of(ACK));
        return;
      }
      const result: LinkResult = { kind: 'response', frame: event.frame, lrc: event.lrc, copiesSent: copies, ignoredFrames: ignored };
      if (!options.ackNak) return finish(result);
      // ACK before resolving, so the caller closing the stream cannot cut our ACK off.
      if (timer) clearTimeout(timer);
      timer = null;
      phase = 'done';
      cleanup();
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      const fallback = setTimeout(done, 500);
      try {
        stream.write(Uint8Array.of(ACK), () => {
          clearTimeout(fallback);
          done();
        });
      } catch {
        clearTimeout(fallback);
        done();
      }
    };

    function onData(chunk: Buffer | string) {
      guard(() => {
        if (phase === 'done') return;
        const events = reader.push(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
        for (const event of events) {
          if (isDone()) return; // a handler below may have finished the exchange
          if (event.type === 'control') {
            if (phase !== 'sending' || !options.ackNak) continue; // stray ACK/NAK while awaiting: irrelevant
            if (event.byte === ACK) {
              markSent();
            } else {
              naksReceived += 1;
              if (copies <= maxRetransmits) sendCopy();
              else finish({ kind: 'not-sent', detail: `terminal NAKed all ${naksReceived} copies; none was accepted` });
            }
            continue;
          }
          handleFrame(event);
        }
      });
    }

    function onClose() {
      guard(() => {
        if (phase === 'done') return;
        unknown('disconnected', phase === 'sending' ? 'connection closed before ACK' : 'connection closed before the response');
      });
    }

    function onError() {
      // 'close' follows; the reason is the same for the till either way.
    }

    function onAbort() {
      guard(() => unknown('cancelled', 'cancelled by the till while waiting; the terminal may still complete it'));
    }

    guard(() => {
      if (options.signal?.aborted) return finish({ kind: 'not-sent', detail: 'cancelled before sending' });
      if (stream.destroyed || !stream.writable) return finish({ kind: 'not-sent', detail: 'stream not writable' });
      stream.on('data', onData);
      stream.on('close', onClose);
      stream.on('end', onClose);
      stream.on('error', onError);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      sendCopy();
    });
  });
}
