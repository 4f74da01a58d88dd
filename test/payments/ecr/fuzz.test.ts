// Fuzzing the frame reader, the response/request parsers, the link layer and the simulator's session with
// deterministic (seeded) random and mutated frames: nothing may throw, hang or reject unhandled, a full PAN may
// never come out of the codec, and valid frames hidden in STX-free noise must all be recovered.
import { describe, expect, it } from 'vitest';
import { createEcrSimulator } from '../../../main/sim/ecr-terminal';
import { DEFAULT_MERCHANT, settlementFields, statusFields, transactionFields } from '../../../main/sim/ecr-terminal/responses';
import { encodeFrame, FrameReader, splitFrame, STX } from '../../../main/payments/ecr/frame';
import { exchange } from '../../../main/payments/ecr/link';
import { containsFullPan } from '../../../main/payments/ecr/pan';
import { buildRequestFrame, decodeRequest, type EcrRequest } from '../../../main/payments/ecr/request';
import { parseResponse } from '../../../main/payments/ecr/response';
import { sha256Signature } from '../../../main/payments/ecr/signature';
import { createStreamPair } from '../../../main/payments/transport/stream';
import { guardUnhandled } from '../../support/payment-harness';

guardUnhandled();

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const special = [0x02, 0x03, 0x06, 0x15, 0xfc, 0x00, 0xff, 0x30, 0x39];
  const byte = () => (next() < 0.3 ? special[int(special.length)]! : int(256));
  return { next, int, byte, bytes: (n: number) => Buffer.from(Array.from({ length: n }, byte)) };
}

const dt = '150325143005';
const corpus: Buffer[] = (() => {
  const requests: EcrRequest[] = [
    { command: 'A1', datetime: dt, ecrRef: '00000000000042', amountHalalas: 2775, printFlag: '1' },
    { command: 'A6', datetime: dt, ecrRef: 'R1', amountHalalas: 500, originalRrn: '250315000017', printFlag: '1' },
    { command: 'A6', datetime: dt, ecrRef: 'R2', amountHalalas: 500, originalRrn: '250315000017', originalDate: '150325', printFlag: '0' },
    { command: 'A5', datetime: dt, ecrRef: 'V1', printFlag: '1' },
    { command: 'B1', datetime: dt, ecrRef: 'S1', printFlag: '1' },
    { command: 'C3', datetime: dt, ecrRef: 'Q1' },
    { command: 'C2', datetime: dt, ecrRef: 'Q2', previousEcrNumber: '000042' },
    { command: 'A0', datetime: dt, cashRegisterNo: 'TILL0001' },
  ];
  const answer = (o: Partial<Parameters<typeof transactionFields>[0]>) =>
    transactionFields(
      { command: 'A1', responseCode: '000', message: 'APPROVED', amountHalalas: 2775, stan: '000017', datetime: dt, rrn: '250315000017', authCode: '123456', card: 'mada', cvm: 'pin', entry: 'chip', wallet: null, ecrRef: '00000000000042', ...o },
      DEFAULT_MERCHANT,
    ).slice(1);
  const responses: string[][] = [
    answer({}),
    answer({ responseCode: '116', message: 'DECLINED', card: 'visa', cvm: 'no_cvm', entry: 'contactless' }),
    answer({ wallet: 'apple_pay', cvm: 'cdcvm', entry: 'contactless', unmaskedPan: true }),
    answer({ command: 'A5', responseCode: '400', message: 'ACCEPTED' }),
    answer({ command: 'A2' }),
    statusFields('000', 'APPROVED', dt, '00000000000042').slice(1),
    settlementFields('500', dt, DEFAULT_MERCHANT, [{ scheme: 'mada', purchaseCount: 2, purchaseHalalas: 100, refundCount: 0, refundHalalas: 0 }], 'S1').slice(1),
    ['C2', 'NO DATA FOUND'],
    ['A1', 'BUSY', 'TERMINAL BUSY'],
  ];
  return [
    ...requests.flatMap((r) => [buildRequestFrame(r, { lrcMode: 'xor', signature: sha256Signature }), buildRequestFrame(r, { lrcMode: 'sdk-ascii-hex', signature: sha256Signature })]),
    ...responses.flatMap((f) => [encodeFrame(f, 'xor'), encodeFrame(f, 'sdk-ascii-hex')]),
  ];
})();

function mutate(r: ReturnType<typeof prng>, frame: Buffer): Buffer {
  const b = [...frame];
  const ops = 1 + r.int(4);
  for (let k = 0; k < ops; k += 1) {
    const at = r.int(b.length + 1);
    switch (r.int(7)) {
      case 0: // bit flip
        if (b.length) b[at % b.length] = b[at % b.length]! ^ (1 << r.int(8));
        break;
      case 1: // insert a byte
        b.splice(at, 0, r.byte());
        break;
      case 2: // delete a run
        b.splice(at, 1 + r.int(5));
        break;
      case 3: // truncate
        b.length = Math.min(b.length, at);
        break;
      case 4: // duplicate a slice
        b.splice(at, 0, ...b.slice(r.int(b.length + 1), r.int(b.length + 1)));
        break;
      case 5: // replace with a special byte
        if (b.length) b[at % b.length] = [0x02, 0x03, 0xfc, 0x06, 0x15][r.int(5)]!;
        break;
      default: // garbage around it
        b.unshift(...r.bytes(r.int(8)));
        b.push(...r.bytes(r.int(8)));
    }
  }
  return Buffer.from(b);
}

/** Every string a parsed result exposes, minus our own identifiers (verbatim by design, see response.ts). */
function exposed(value: unknown, key = ''): string[] {
  if (key === 'ecrRef' || key === 'mid') return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => exposed(v, k));
  return [];
}

describe('fuzz (seeded, deterministic)', () => {
  it('≥ 10,000 random and mutated frames through reader and parsers: no throw, no full PAN out', () => {
    const r = prng(0x5eed_ec0);
    let inputs = 0;
    let frames = 0;
    let corrupt = 0;
    for (let i = 0; i < 12_000; i += 1) {
      const kind = i % 10;
      let input: Buffer;
      if (kind < 5) input = mutate(r, corpus[r.int(corpus.length)]!);
      else if (kind < 8) input = r.bytes(r.int(600));
      else input = Buffer.concat(Array.from({ length: 1 + r.int(4) }, () => (r.next() < 0.5 ? corpus[r.int(corpus.length)]! : mutate(r, corpus[r.int(corpus.length)]!))));
      inputs += 1;
      const reader = new FrameReader(r.next() < 0.2 ? 64 + r.int(512) : undefined);
      // Random chunking: a byte at a time up to everything at once.
      let at = 0;
      while (at < input.length) {
        const n = 1 + r.int(r.next() < 0.3 ? 3 : 200);
        for (const event of reader.push(input.subarray(at, at + n))) {
          if (event.type === 'control') continue;
          if (event.type === 'corrupt') corrupt += 1;
          else frames += 1;
          const parsed = parseResponse(event.frame);
          expect(exposed(parsed).filter(containsFullPan)).toEqual([]);
          decodeRequest(splitFrame(event.frame));
        }
        at += n;
      }
      // The parsers also get the raw input, framed or not.
      parseResponse(input);
      decodeRequest(splitFrame(input));
    }
    expect(inputs).toBeGreaterThanOrEqual(10_000);
    expect(frames).toBeGreaterThan(1000);
    expect(corrupt).toBeGreaterThan(1000);
  });

  it('valid frames separated by STX-free noise are all recovered, whatever the chunking', () => {
    const r = prng(42);
    for (let i = 0; i < 2000; i += 1) {
      const picks = Array.from({ length: 1 + r.int(5) }, () => corpus[r.int(corpus.length)]!);
      const noise = () => Buffer.from([...r.bytes(r.int(20))].filter((b) => b !== STX));
      const input = Buffer.concat(picks.flatMap((f) => [noise(), f]).concat(noise()));
      const reader = new FrameReader();
      const got: Buffer[] = [];
      for (let at = 0; at < input.length; ) {
        const n = 1 + r.int(64);
        for (const e of reader.push(input.subarray(at, at + n))) if (e.type === 'frame') got.push(e.frame);
        at += n;
      }
      expect(got).toEqual(picks);
    }
  });

  it('the link layer ends every exchange in a defined state against 400 hostile peers', async () => {
    const r = prng(7);
    const request = corpus[0]!;
    const results = await Promise.all(
      Array.from({ length: 400 }, async () => {
        const [till, terminal] = createStreamPair();
        const script = Array.from({ length: 1 + r.int(4) }, () => (r.next() < 0.5 ? mutate(r, corpus[r.int(corpus.length)]!) : r.bytes(r.int(100))));
        const hangUp = r.next() < 0.2;
        terminal.on('data', () => {
          for (const chunk of script) terminal.write(chunk);
          if (hangUp) setTimeout(() => terminal.destroy(), r.int(10));
        });
        const result = await exchange(till, request, { ackNak: r.next() < 0.5, ackTimeoutMs: 30, responseTimeoutMs: 60 });
        till.destroy();
        terminal.destroy();
        return result.kind;
      }),
    );
    for (const kind of results) expect(['response', 'not-sent', 'unknown']).toContain(kind);
  });

  it('the simulator survives 3,000 hostile inputs and still answers a good request afterwards', async () => {
    const r = prng(99);
    const sim = createEcrSimulator({ ackNak: true, ackTimeoutMs: 20 });
    const [till, terminal] = createStreamPair();
    sim.attach(terminal);
    till.on('data', () => {});
    for (let i = 0; i < 3000; i += 1) till.write(r.next() < 0.5 ? mutate(r, corpus[r.int(corpus.length)]!) : r.bytes(r.int(80)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    till.destroy();
    const [till2, terminal2] = createStreamPair();
    sim.attach(terminal2);
    sim.terminal.busy = false;
    const result = await exchange(till2, corpus[0]!, { ackNak: true, ackTimeoutMs: 300, responseTimeoutMs: 1000 });
    expect(result.kind).toBe('response');
    till2.destroy();
    await sim.close();
  });
});
