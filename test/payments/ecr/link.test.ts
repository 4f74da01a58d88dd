// The link layer against a hand-driven peer on a real in-process stream pair: exact bytes on the wire.
import type { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ACK, encodeFrame, NAK } from '../../../main/payments/ecr/frame';
import { exchange, type ExchangeOptions } from '../../../main/payments/ecr/link';
import { createStreamPair } from '../../../main/payments/transport/stream';
import { guardUnhandled, sleep } from '../../support/payment-harness';

guardUnhandled();

const request = encodeFrame(['A1', '000000000100', '150325143005', 'R1', '1', 'S'.repeat(64), '120'], 'xor');
const answer = encodeFrame(['A1', '000', 'APPROVED'], 'xor');
const corrupt = Buffer.from(answer);
corrupt[corrupt.length - 1] = corrupt.at(-1)! ^ 0xff;

/** Records every chunk the peer receives and lets the test react to each. */
function peer(onChunk: (chunk: Buffer, end: Duplex, received: Buffer[]) => void) {
  const [till, terminal] = createStreamPair();
  const received: Buffer[] = [];
  terminal.on('data', (chunk: Buffer) => {
    received.push(Buffer.from(chunk));
    onChunk(chunk, terminal, received);
  });
  return { till, terminal, received };
}

const opts = (o: Partial<ExchangeOptions> = {}): ExchangeOptions => ({ ackNak: true, ackTimeoutMs: 150, responseTimeoutMs: 500, ...o });

describe('link layer', () => {
  it('NAK → the very same bytes again (at most twice more); ACK → sent → answer → our ACK', async () => {
    let naks = 2;
    const { till, received } = peer((chunk, end) => {
      if (chunk.equals(request)) {
        if (naks-- > 0) end.write(Uint8Array.of(NAK));
        else {
          end.write(Uint8Array.of(ACK));
          end.write(answer);
        }
      }
    });
    let sent = 0;
    const result = await exchange(till, request, opts({ onSent: () => sent++ }));
    expect(result).toMatchObject({ kind: 'response', copiesSent: 3 });
    expect(sent).toBe(1);
    await sleep(20);
    expect(received.filter((c) => c.equals(request))).toHaveLength(3);
    expect(received.at(-1)).toEqual(Buffer.from([ACK]));
  });

  it('every copy NAKed → not-sent after exactly three copies', async () => {
    const { till, received } = peer((chunk, end) => {
      if (chunk.equals(request)) end.write(Uint8Array.of(NAK));
    });
    expect(await exchange(till, request, opts())).toMatchObject({ kind: 'not-sent' });
    await sleep(50);
    expect(received.filter((c) => c.equals(request))).toHaveLength(3);
  });

  it('NAK then silence → unknown (the second copy may have been taken); never a fourth copy', async () => {
    let first = true;
    const { till, received } = peer((chunk, end) => {
      if (chunk.equals(request) && first) {
        first = false;
        end.write(Uint8Array.of(NAK));
      }
    });
    expect(await exchange(till, request, opts())).toMatchObject({ kind: 'unknown', why: 'timeout', copiesSent: 2 });
    expect(received.filter((c) => c.equals(request))).toHaveLength(2);
  });

  it('no ACK at all → unknown, and the frame is not resent', async () => {
    const { till, received } = peer(() => {});
    expect(await exchange(till, request, opts())).toMatchObject({ kind: 'unknown', why: 'timeout', copiesSent: 1 });
    await sleep(200);
    expect(received).toHaveLength(1);
  });

  it('an answer instead of an ACK counts as taken', async () => {
    const { till } = peer((chunk, end) => {
      if (chunk.equals(request)) end.write(answer);
    });
    expect(await exchange(till, request, opts())).toMatchObject({ kind: 'response' });
  });

  it('corrupt answer: NAK and wait for the retransmission, at most twice; a third bad copy → unknown corrupt', async () => {
    let badCopies = 2;
    const ok = peer((chunk, end) => {
      if (chunk.equals(request)) {
        end.write(Uint8Array.of(ACK));
        end.write(corrupt);
      } else if (chunk[0] === NAK) end.write(badCopies-- > 1 ? corrupt : answer);
    });
    expect(await exchange(ok.till, request, opts())).toMatchObject({ kind: 'response' });
    expect(ok.received.filter((c) => c[0] === NAK)).toHaveLength(2);

    const bad = peer((chunk, end) => {
      if (chunk.equals(request)) {
        end.write(Uint8Array.of(ACK));
        end.write(corrupt);
      } else if (chunk[0] === NAK) end.write(corrupt);
    });
    expect(await exchange(bad.till, request, opts())).toMatchObject({ kind: 'unknown', why: 'corrupt' });
    expect(bad.received.filter((c) => c[0] === NAK)).toHaveLength(2);
  });

  it('a stale answer (rejected by accept) is ACKed and ignored; ours is taken', async () => {
    const stale = encodeFrame(['A1', '000', 'APPROVED', 'OLD'], 'xor');
    const { till } = peer((chunk, end) => {
      if (chunk.equals(request)) {
        end.write(Uint8Array.of(ACK));
        end.write(Buffer.concat([stale, answer]));
      }
    });
    const result = await exchange(till, request, opts({ accept: (f) => !f.includes(Buffer.from('OLD')) }));
    expect(result).toMatchObject({ kind: 'response', ignoredFrames: 1 });
  });

  it('peer hangs up before ACK / after ACK → unknown disconnected; destroyed stream → not-sent', async () => {
    const a = peer((_c, end) => end.destroy());
    expect(await exchange(a.till, request, opts())).toMatchObject({ kind: 'unknown', why: 'disconnected' });
    const b = peer((_c, end) => {
      end.write(Uint8Array.of(ACK));
      setTimeout(() => end.destroy(), 10);
    });
    expect(await exchange(b.till, request, opts())).toMatchObject({ kind: 'unknown', why: 'disconnected' });
    const c = peer(() => {});
    c.till.destroy();
    expect(await exchange(c.till, request, opts())).toMatchObject({ kind: 'not-sent' });
  });

  it('abort before sending → not-sent; abort while waiting → unknown cancelled', async () => {
    const early = new AbortController();
    early.abort();
    expect(await exchange(peer(() => {}).till, request, opts({ signal: early.signal }))).toMatchObject({ kind: 'not-sent' });
    const late = new AbortController();
    const { till } = peer((_c, end) => end.write(Uint8Array.of(ACK)));
    setTimeout(() => late.abort(), 50);
    expect(await exchange(till, request, opts({ signal: late.signal }))).toMatchObject({ kind: 'unknown', why: 'cancelled' });
  });

  it('no-ACK kit: sent after the write; noise then the answer within the grace period is fine', async () => {
    const { till, received } = peer((chunk, end) => {
      if (chunk.equals(request)) {
        end.write(Buffer.from([0x02, 0xfc, 0x41, 0x03, 0x99])); // a noise "frame" with a bad LRC
        setTimeout(() => end.write(answer), 30);
      }
    });
    expect(await exchange(till, request, opts({ ackNak: false }))).toMatchObject({ kind: 'response' });
    await sleep(20);
    expect(received.some((c) => c[0] === ACK || c[0] === NAK)).toBe(false); // a no-ACK kit never gets ACK/NAK
  });

  it('a throwing onSent or accept callback cannot break the exchange', async () => {
    const { till } = peer((chunk, end) => {
      if (chunk.equals(request)) {
        end.write(Uint8Array.of(ACK));
        end.write(answer);
      }
    });
    const result = await exchange(till, request, opts({ onSent: () => { throw new Error('ui bug'); }, accept: () => { throw new Error('bug'); }, responseTimeoutMs: 200 }));
    expect(result).toMatchObject({ kind: 'unknown', why: 'timeout' });
  });
});
