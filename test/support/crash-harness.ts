// The kill -9 harness shared by the fault-injection tests (test/payments/crash.test.ts and
// test/payments/providers/crash-*.test.ts): the till is the real browser host process on a data folder, started
// armed to SIGKILL itself at a fault point, killed from outside, and restarted to see what its start-up recovery
// makes of it. Also the checks of the till's ledger (its SQLite file) that every provider's agreement shares.
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type { FaultPoint } from '../../main/payments/fault-points';
import { startHostProcess, type HostProcess } from '../e2e/support/host-process';
import { connectHost, type HostClient } from './host-client';
import { DEMO } from './till';

/** A call's value; a refused call fails the test with its error code. */
export const ok = async <T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>): Promise<T> => {
  const r = await result;
  if (!r.ok) throw new Error(`call failed: ${r.error.code}`);
  return r.value;
};

/** One coffee on the open sale; the sale as it then stands. */
export async function ringUp(till: HostClient) {
  await ok(till.call('scanBarcode', { barcode: DEMO.coffee.barcode }));
  return ok(till.call('getSale', {}));
}

export type Sale = Awaited<ReturnType<typeof ringUp>>;

const faultEnv = (fault?: FaultPoint): NodeJS.ProcessEnv => (fault ? { NUQTA_FAULT_INJECTION: '1', NUQTA_FAULT_POINT: fault } : {});

const gone = (child: HostProcess['child']) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

export interface CrashHarnessOptions<T> {
  /** The data folder the till runs on (read when a till starts, so it may change between tests). */
  dataDir(): string;
  /** What a test holds of a running till, from its host process. */
  connect(host: HostProcess): Promise<T>;
  /** The socket a till's calls go through. */
  client(till: T): HostClient;
  /** Lets go of what `connect` opened besides the client, once the till is dead. */
  release?(till: T): void;
}

export interface CrashHarness<T> {
  /** Starts the till, armed to die at `fault` when one is given. */
  startTill(fault?: FaultPoint): Promise<T>;
  /** Stops the running till the ordinary way (SIGTERM). */
  stopTill(): Promise<void>;
  /** Runs `action` in a till armed to die at `fault`, and waits for the process to be gone (killed by itself). */
  crashDuring(fault: FaultPoint, action: (till: T) => Promise<unknown>): Promise<void>;
  /** Rings up a sale and pays it with `pay` in a till armed to die at `fault`; the sale as it was rung up. */
  crashWhilePaying(fault: FaultPoint, pay: (till: T, sale: Sale) => Promise<unknown>): Promise<Sale>;
  /** Starts the till armed to die at `fault` during start-up recovery, and waits for it to have died so. */
  crashOnRestart(fault: FaultPoint): Promise<void>;
  /** Runs `action` and kills the till from outside (SIGKILL) as soon as `until` resolves. */
  killWhen(until: () => Promise<unknown>, till: T, action: (till: T) => Promise<unknown>): Promise<void>;
  /** A clean restart: waits until start-up recovery has settled (asked about) every payment it can. */
  restartAndRecover(): Promise<T>;
  /** Waits until nothing is in doubt any more (background inquiries included). */
  settled(till: T, timeout?: number): Promise<void>;
  /** For afterEach: kills whatever till is still running. */
  kill(): Promise<void>;
}

export function createCrashHarness<T>(options: CrashHarnessOptions<T>): CrashHarness<T> {
  let host: HostProcess | null = null;
  // Every till this harness started and has not seen die: a test that times out keeps running after its
  // afterEach, and a till it starts then must not outlive the run (they did, holding their data folders).
  const started = new Set<HostProcess>();
  const start = async (fault?: FaultPoint): Promise<HostProcess> => {
    const h = await startHostProcess(options.dataDir(), [], faultEnv(fault));
    started.add(h);
    void gone(h.child).then(() => started.delete(h));
    return h;
  };
  const status = (till: T) => ok(options.client(till).call('getTerminalStatus', {}));

  const startTill = async (fault?: FaultPoint) => {
    host = await start(fault);
    return options.connect(host);
  };
  const crashDuring = async (fault: FaultPoint, action: (till: T) => Promise<unknown>) => {
    const till = await startTill(fault);
    const dying = host!;
    const exited = new Promise<void>((resolve) => dying.child.once('exit', () => resolve()));
    void action(till).catch(() => {});
    await exited;
    host = null;
    options.release?.(till);
    expect(dying.child.signalCode).toBe('SIGKILL');
  };

  return {
    startTill,
    async stopTill() {
      await host!.stop();
    },
    crashDuring,
    async crashWhilePaying(fault, pay) {
      let sale!: Sale;
      await crashDuring(fault, async (till) => {
        sale = await ringUp(options.client(till));
        return pay(till, sale);
      });
      return sale;
    },
    async crashOnRestart(fault) {
      host = await start(fault);
      const dying = host;
      await gone(dying.child);
      expect(dying.child.signalCode).toBe('SIGKILL');
      host = null;
    },
    async killWhen(until, till, action) {
      const dying = host!;
      const exited = new Promise<void>((resolve) => dying.child.once('exit', () => resolve()));
      void action(till).catch(() => {});
      await until();
      await dying.stop('SIGKILL');
      await exited;
      host = null;
      options.release?.(till);
    },
    async restartAndRecover() {
      const till = await startTill();
      await expect
        .poll(async () => {
          const s = await status(till);
          return !s.recovering && !['sending', 'awaiting'].includes(s.last?.state ?? '');
        }, { timeout: 10_000, interval: 50 })
        .toBe(true);
      return till;
    },
    async settled(till, timeout = 10_000) {
      await expect
        .poll(async () => {
          const s = await status(till);
          return !s.recovering && s.needsAttention.length === 0 && !['sending', 'awaiting', 'unknown'].includes(s.last?.state ?? '');
        }, { timeout, interval: 100 })
        .toBe(true);
    },
    async kill() {
      await Promise.all([...started].map((h) => h.stop('SIGKILL')));
      host = null;
    },
  };
}

/** The harness for a till driven through its socket alone. */
export function createClientCrashHarness(dataDir: () => string): CrashHarness<HostClient> {
  return createCrashHarness({ dataDir, connect: (host) => connectHost(host.url), client: (till) => till });
}

// ---- the till's ledger ---------------------------------------------------------------------------------------

/** Runs `check` on the till's SQLite file in `dir`, opened read-only. */
export function withTillDb(dir: string, check: (db: Database.Database) => void): void {
  const db = new Database(path.join(dir, 'till.db'), { readonly: true });
  try {
    check(db);
  } finally {
    db.close();
  }
}

/** Recovery settled (asked about) everything it could: nothing is left half-sent. */
export function expectNothingInFlight(intents: Array<{ state: string }>): void {
  expect(intents.filter((i) => ['sending', 'awaiting'].includes(i.state)), 'intents left in flight').toEqual([]);
}

/** A reference the till released as "not found" is one the provider (`provider`, by name) never started. */
export function expectReleasedUnknown(intents: Array<{ reference: string; state: string }>, provider: string, known: (reference: string) => boolean): void {
  for (const i of intents.filter((x) => x.state === 'not_found')) {
    expect(known(i.reference), `released ${i.reference} is known to ${provider}`).toBe(false);
  }
}

/** No sale marked paid without tenders covering its total. */
export function expectSalesCovered(db: Database.Database): void {
  const unpaid = db.prepare(
    `SELECT s.id FROM sales s WHERE s.status = 'completed' AND s.total_halalas !=
       (SELECT COALESCE(SUM(amount_halalas), 0) FROM tenders t WHERE t.sale_id = s.id AND t.reversed_seq IS NULL)`,
  ).all();
  expect(unpaid).toEqual([]);
}
