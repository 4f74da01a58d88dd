// 10,000 fuzzed contract messages over real sockets to a real till (the built host as its own process on a
// temp folder). What must hold: the process never dies; every frame the contract calls a call gets exactly one
// reply, in the wire's reply shape (and an ok value in its method's output shape); a frame that is not a call
// closes its own socket with 1003 and no other; the ledger verifies at the end. The run is seeded
// (NUQTA_FUZZ_SEED, NUQTA_FUZZ_TRIES): a seed always gives the same frames, though the real ids they carry
// (lines, receipts, intents taken from replies) and the order concurrent calls run in may differ. It ends with
// one line of figures.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../../main/db';
import { verifyJournal } from '../../main/ledger';
import { CallFrame, methods, ReplyFrame, type MethodName } from '../../preload/contract';
import { startHostProcess, type HostProcess } from '../e2e/support/host-process';
import { ensureMainBuilt } from '../support/build';
import { assertLedgerVerifies, tempDir } from '../support/tmp';
import { fuzzFrame, rng, type Seen } from './support/fuzz-frames';

const TRIES = Number(process.env.NUQTA_FUZZ_TRIES ?? 10_000);
const SEED = Number(process.env.NUQTA_FUZZ_SEED ?? 20_240_901);
/** A well-formed call unanswered this long is a hang (card and STC Pay calls are cancelled long before). */
const HANG_MS = 15_000;
/** Calls in flight per socket: enough to keep the till busy, few enough that a hang is one call, not a queue. */
const WINDOW = 8;

let tmp: ReturnType<typeof tempDir>;
let host: HostProcess;

beforeAll(async () => {
  ensureMainBuilt();
  tmp = tempDir('nuqta-fuzz-', { verifyLedger: false });
  host = await startHostProcess(tmp.dir);
});
afterAll(async () => {
  await host?.stop();
  tmp?.cleanup();
});

const secretOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('secret')!;

function open(secret: string): Promise<WebSocket> {
  const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/rpc`, [`nuqta.${secret}`], { origin: host.origin });
  return new Promise((resolve, reject) => ws.once('open', () => resolve(ws)).once('error', reject));
}

/** Remembers ids the till handed out (lines, receipts, intents, print jobs), so mutated inputs can hit real ones. */
function harvest(value: unknown, seen: Seen, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    const list = key === 'lineId' ? seen.lineIds : key === 'receiptNo' ? seen.receiptNos : key === 'intentId' ? seen.intentIds : key === 'jobId' ? seen.jobIds : null;
    if (list && typeof v === 'string' && !list.includes(v)) {
      list.push(v);
      if (list.length > 20) list.shift();
    } else harvest(v, seen, depth + 1);
  }
}

interface Pending {
  method: string;
  timer: NodeJS.Timeout;
  settle: () => void;
}

interface PoolSocket {
  ws: WebSocket;
  role: 'till' | 'customer';
  pending: Map<number, Pending[]>;
  inFlight: number;
  closedUnexpectedly: boolean;
}

describe('fuzzing the contract over the socket', () => {
  it(`${TRIES} seeded frames: no crash, every call answered, bad frames close only their socket, the ledger verifies`, { timeout: 240_000 }, async () => {
    const started = performance.now();
    const r = rng(SEED);
    const seen: Seen = { lineIds: [], receiptNos: [], intentIds: [], jobIds: [] };
    const figures = { tries: 0, calls: 0, replied: 0, okReplies: 0, notCalls: 0, closedAlone: 0, hangs: 0, badReplies: 0, internal: 0, collateral: 0 };
    const problems: string[] = [];
    const note = (problem: string) => {
      if (problems.length < 20) problems.push(problem);
    };

    const tillSecret = secretOf(host.url);
    const customerSecret = secretOf(host.customerDisplayUrl);
    // The cashier: cancels any card or STC Pay payment a fuzzed call started, as a person would press Esc, so
    // a call waiting for a customer's code answers instead of waiting minutes for it.
    const cashier = await open(tillSecret);
    const cancelled = new Set<string>();
    let cashierId = 1;
    cashier.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { kind: string; event?: string; payload?: { intentId?: string; state?: string } };
      if (frame.kind !== 'event') return;
      harvest(frame.payload, seen);
      const intentId = frame.payload?.intentId;
      if (frame.event === 'paymentProgress' && intentId && !cancelled.has(intentId) && ['sending', 'awaiting'].includes(frame.payload?.state ?? '')) {
        cancelled.add(intentId);
        cashier.send(JSON.stringify({ kind: 'call', id: cashierId++, method: 'cancelCardPayment', input: { intentId } }));
      }
    });

    const pool: PoolSocket[] = [];
    for (const role of ['till', 'till', 'till', 'customer'] as const) {
      const ws = await open(role === 'till' ? tillSecret : customerSecret);
      const socket: PoolSocket = { ws, role, pending: new Map(), inFlight: 0, closedUnexpectedly: false };
      ws.on('close', (code) => {
        socket.closedUnexpectedly = true;
        figures.collateral += 1;
        note(`a ${role} socket that sent only calls was closed (${code})`);
      });
      ws.on('message', (data) => {
        let frame: unknown;
        try {
          frame = JSON.parse(String(data));
        } catch {
          figures.badReplies += 1;
          return note('a reply that is not JSON');
        }
        const kind = (frame as { kind?: unknown }).kind;
        if (kind === 'event') return harvest((frame as { payload?: unknown }).payload, seen);
        const reply = ReplyFrame.safeParse(frame);
        if (!reply.success) {
          figures.badReplies += 1;
          return note(`a frame in no reply shape: ${String(data).slice(0, 200)}`);
        }
        const waiting = socket.pending.get(reply.data.id);
        const entry = waiting?.shift();
        if (!entry) {
          figures.badReplies += 1;
          return note(`a reply to id ${reply.data.id}, which nobody asked`);
        }
        if (!waiting!.length) socket.pending.delete(reply.data.id);
        clearTimeout(entry.timer);
        figures.replied += 1;
        const result = reply.data.result;
        if (result.ok) {
          figures.okReplies += 1;
          harvest(result.value, seen);
          const output = methods[entry.method as MethodName]?.output.safeParse(result.value);
          if (!output?.success) {
            figures.badReplies += 1;
            note(`${entry.method}: an ok value outside its output schema`);
          }
        } else if (result.error.code === 'INTERNAL') {
          figures.internal += 1;
          note(`${entry.method}: INTERNAL`);
        }
        entry.settle();
      });
      pool.push(socket);
    }

    const outstanding = new Set<Promise<void>>();
    const track = (p: Promise<void>) => {
      outstanding.add(p);
      void p.finally(() => outstanding.delete(p));
    };

    /** A frame that is not a call, on a socket of its own: that socket must close with 1003. */
    const sendNotACall = async (text: string, binary: boolean, label: string) => {
      let ws: WebSocket;
      try {
        ws = await open(r.chance(0.5) ? tillSecret : customerSecret);
      } catch (e) {
        return note(`could not connect for a frame that is not a call: ${(e as Error).message}`);
      }
      const code = await new Promise<number>((resolve) => {
        const timer = setTimeout(() => resolve(-1), 5_000);
        ws.once('close', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
        ws.send(binary ? Buffer.from(text) : text, { binary });
      });
      if (code === 1003) figures.closedAlone += 1;
      else note(`a frame that is not a call (${label}: ${text.slice(0, 80)}) ended with ${code}, not 1003`);
      ws.terminate();
    };

    for (let id = 1; id <= TRIES && host.alive(); id++) {
      const frame = fuzzFrame(r, id, seen);
      figures.tries += 1;
      let parsed: ReturnType<typeof CallFrame.safeParse> | null = null;
      if (!frame.binary) {
        try {
          parsed = CallFrame.safeParse(JSON.parse(frame.text));
        } catch {
          parsed = null;
        }
      }
      if (!parsed?.success) {
        figures.notCalls += 1;
        track(sendNotACall(frame.text, frame.binary, frame.method));
        while (outstanding.size > 32) await Promise.race(outstanding);
        continue;
      }
      figures.calls += 1;
      let socket: PoolSocket | undefined;
      while (!(socket = pool.filter((s) => !s.closedUnexpectedly && s.inFlight < WINDOW).sort((a, b) => a.inFlight - b.inFlight)[0])) {
        if (pool.every((s) => s.closedUnexpectedly)) break;
        await Promise.race(outstanding);
      }
      if (!socket) break; // every socket is gone: the figures below say why
      const target = socket;
      const callId = parsed.data.id;
      const method = parsed.data.method;
      target.inFlight += 1;
      track(
        new Promise<void>((settle) => {
          const entry: Pending = {
            method,
            settle,
            timer: setTimeout(() => {
              figures.hangs += 1;
              note(`${method} (id ${callId}) had no reply in ${HANG_MS} ms: ${frame.text.slice(0, 200)}`);
              const list = target.pending.get(callId);
              list?.splice(list.indexOf(entry), 1);
              settle();
            }, HANG_MS),
          };
          const list = target.pending.get(callId) ?? [];
          list.push(entry);
          target.pending.set(callId, list);
          target.ws.send(frame.text);
        }).finally(() => {
          target.inFlight -= 1;
        }),
      );
    }
    while (outstanding.size) await Promise.race(outstanding);

    const alive = host.alive();
    for (const s of pool) s.ws.removeAllListeners('close');
    for (const s of pool) s.ws.close();
    cashier.close();
    // The ledger, with the till stopped: the chain, then (the test-wide check) every derived row replayed.
    await host.stop();
    const db = openDatabase(path.join(tmp.dir, 'till.db'), { readonly: true });
    const chain = verifyJournal(db);
    db.close();
    let ledger = 'verified';
    try {
      assertLedgerVerifies(path.join(tmp.dir, 'till.db'));
    } catch (e) {
      ledger = (e as Error).message;
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const crashes = alive ? 0 : 1;
    console.log(
      `fuzz: seed ${SEED}, ${figures.tries} tries (${figures.calls} calls, ${figures.notCalls} not calls), ${crashes} crashes, ${figures.hangs} hangs, ` +
        `${figures.replied}/${figures.calls} calls answered (${figures.okReplies} ok), ${figures.closedAlone}/${figures.notCalls} bad frames closed only their socket, ` +
        `${figures.collateral} other sockets closed, ${figures.internal} INTERNAL, ${figures.badReplies} bad replies, ` +
        `journal ${chain.ok ? `verifies (${chain.entries} entries)` : `BROKEN at ${chain.brokenAt}: ${chain.reason}`}, ledger ${ledger}, in ${seconds} s`,
    );
    expect({ crashes, problems }, host.stderr().slice(-2000)).toEqual({ crashes: 0, problems: [] });
    expect(figures.tries).toBe(TRIES);
    expect(figures.replied).toBe(figures.calls);
    expect(figures.closedAlone).toBe(figures.notCalls);
    expect(figures).toMatchObject({ hangs: 0, collateral: 0, internal: 0, badReplies: 0 });
    expect(chain.ok).toBe(true);
    expect(ledger).toBe('verified');
  });
});
