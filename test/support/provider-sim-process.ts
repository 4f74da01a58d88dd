// The nexo and STC Pay provider simulators as their own processes (dist/main/nexo-simulator.cjs,
// dist/main/stcpay-simulator.cjs), each keeping its ledger in a record file, so a till process can be killed and
// restarted while "the provider" keeps its memory. Also: pointing a till's data folder at such a process (the
// same settings and sealed secrets as test/support/providers.ts, with the values the process reports), and a
// listener for the till's events over the browser host's socket (the STC Pay OTP prompt arrives as one).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { SimLedger as NexoLedger, NexoBehaviour, SimTransaction as NexoTransaction } from '../../main/sim/nexo/types';
import type { SimLedger as StcPayLedger, SimBehaviour as StcPayBehaviour, SimPayment } from '../../main/sim/stcpay/types';
import { createFileSecretStore } from '../../main/secrets';
import { DEMO_SETTINGS, type NexoSettings, type StcPaySettings } from '../../main/settings';
import type { EventName, EventPayload, PaymentProgress } from '../../preload/contract';
import { ensureMainBuilt, root } from './build';
import { openHostSocket } from './host-client';
import { NEXO_API_KEY, updateSettings } from './providers';

export const providerSimBundles = {
  nexo: path.join(root, 'dist', 'main', 'nexo-simulator.cjs'),
  stcPay: path.join(root, 'dist', 'main', 'stcpay-simulator.cjs'),
};

const newestSource = (dir: string): number => {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
};

/** ensureMainBuilt, plus the two simulator bundles (built by the same script, but not in its list). */
export function ensureProviderSimsBuilt(): void {
  ensureMainBuilt();
  const sources = newestSource(path.join(root, 'main'));
  const stale = Object.values(providerSimBundles).some((f) => !fs.existsSync(f) || fs.statSync(f).mtimeMs < sources);
  if (stale) execFileSync(process.execPath, [path.join(root, 'scripts', 'build-main.mjs')], { cwd: root, stdio: 'pipe' });
}

type Msg = Record<string, unknown> & { event?: string };

/** A simulator CLI speaking JSON lines: answers to commands by event name, plus a log of everything it said. */
async function spawnJsonLines(bundle: string, args: string[]) {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const lines = readline.createInterface({ input: child.stdout! });
  const seen: Msg[] = [];
  const waiters: Array<{ match: (msg: Msg) => boolean; resolve: (msg: Msg) => void }> = [];
  lines.on('line', (line) => {
    if (!line.startsWith('{')) return;
    const msg = JSON.parse(line) as Msg;
    seen.push(msg);
    for (let i = 0; i < waiters.length; i += 1) {
      if (waiters[i]!.match(msg)) {
        waiters.splice(i, 1)[0]!.resolve(msg);
        break;
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = (match: (msg: Msg) => boolean, timeoutMs = 10_000) =>
    new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`simulator ${path.basename(bundle)}: nothing matched in ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      waiters.push({
        match,
        resolve: (msg) => {
          clearTimeout(timer);
          resolve(msg);
        },
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`simulator ${path.basename(bundle)} exited (${child.exitCode ?? child.signalCode}): ${stderr}`));
      });
    });
  /** The first message (past or future) that `match` accepts. */
  const first = async (match: (msg: Msg) => boolean, timeoutMs?: number) => seen.find(match) ?? (await next(match, timeoutMs));
  const event = (name: string) => next((m) => m.event === name);
  const ready = await event('ready');
  const send = (cmd: unknown) => child.stdin!.write(`${JSON.stringify(cmd)}\n`);
  const command = async (cmd: Msg & { cmd: string }, answer: string) => {
    const reply = event(answer);
    send(cmd);
    return reply;
  };
  return {
    child,
    ready,
    first,
    /** Scripts the simulator's next answers. */
    async script(behaviours: unknown[]) {
      await command({ cmd: 'script', behaviours }, 'scripted');
    },
    /** The simulator's ledger, as its record file holds it. */
    async record() {
      return (await command({ cmd: 'record' }, 'record')).record;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = exited;
      send({ cmd: 'quit' });
      await gone;
    },
  };
}

/** What both provider simulator processes have: their HTTPS endpoint, the CA that signed it, their ledger. */
interface ProviderSimProcess<Behaviour, Ledger> {
  child: ChildProcess;
  baseUrl: string;
  caFile: string;
  recordFile: string;
  script(...behaviours: Behaviour[]): Promise<void>;
  record(): Promise<Ledger>;
  stop(): Promise<void>;
}

/** The part both kinds share, from the simulator's CLI (its ready message names its endpoint and CA file). */
function providerSimProcess<Behaviour, Ledger>(sim: Awaited<ReturnType<typeof spawnJsonLines>>, recordFile: string): ProviderSimProcess<Behaviour, Ledger> {
  const { baseUrl, caFile } = sim.ready as { baseUrl: string; caFile: string };
  return {
    child: sim.child,
    baseUrl,
    caFile,
    recordFile,
    script: (...behaviours) => sim.script(behaviours),
    record: async () => (await sim.record()) as Ledger,
    stop: sim.stop,
  };
}

// ---- nexo ---------------------------------------------------------------------------------------------------

export interface NexoSimProcess extends ProviderSimProcess<NexoBehaviour, NexoLedger> {
  localUrl: string;
  port: number;
  poiId: string;
  /** Resolves with the first transaction event (past or future) that `match` accepts. */
  transaction(match: (tx: Omit<NexoTransaction, 'response'>) => boolean, timeoutMs?: number): Promise<Omit<NexoTransaction, 'response'>>;
}

export async function startNexoSimProcess(recordFile: string, apiKey = NEXO_API_KEY): Promise<NexoSimProcess> {
  const sim = await spawnJsonLines(providerSimBundles.nexo, ['--port', '0', '--api-key', apiKey, '--record', recordFile]);
  const { localUrl, port, poiId } = sim.ready as { localUrl: string; port: number; poiId: string };
  type Tx = Omit<NexoTransaction, 'response'>;
  return {
    ...providerSimProcess<NexoBehaviour, NexoLedger>(sim, recordFile),
    localUrl,
    port,
    poiId,
    async transaction(match, timeoutMs) {
      return (await sim.first((m) => m.event === 'transaction' && match(m.transaction as Tx), timeoutMs)).transaction as Tx;
    },
  };
}

/** As pointTillAtNexo (providers.ts), for a simulator process: endpoint, CA file, POI id; the API key sealed. */
export function pointTillAtNexoProcess(dir: string, sim: NexoSimProcess, mode: 'cloud-sync' | 'cloud-async', overrides: Partial<NexoSettings> = {}): void {
  const secrets = createFileSecretStore({ dataDir: dir });
  secrets.put('nexo.apiKey', Buffer.from(NEXO_API_KEY));
  updateSettings(dir, {
    stcPay: null,
    terminal: {
      protocol: 'nexo',
      mode,
      link: { kind: 'endpoint', baseUrl: sim.baseUrl, caFile: sim.caFile, serverName: null },
      poiId: sim.poiId,
      keyIdentifier: null,
      keyVersion: null,
      purchaseTimeoutMs: 10_000,
      ...overrides,
    } as NexoSettings,
  });
}

// ---- STC Pay ------------------------------------------------------------------------------------------------

export interface StcPaySimProcess extends ProviderSimProcess<StcPayBehaviour, StcPayLedger> {
  clientCode: string;
  clientP12File: string;
  passphrase: string;
  /** Resolves with the first state of a payment (past or future) that `match` accepts. */
  payment(match: (p: SimPayment) => boolean, timeoutMs?: number): Promise<SimPayment>;
  /** Resolves when a request for `call` has arrived (past or future), before it is processed. */
  request(call: 'DirectPaymentAuthorize' | 'DirectPaymentConfirm' | 'PaymentInquiry' | 'RefundPayment', timeoutMs?: number): Promise<void>;
}

export interface StcPaySimOptions {
  /** ExpiryDuration of an authorization (the simulator's default is 300 s). */
  otpExpirySeconds?: number;
  /** How long OTP 333333's answer is held back (default 120 s). */
  timeoutOtpDelayMs?: number;
}

export async function startStcPaySimProcess(recordFile: string, options: StcPaySimOptions = {}): Promise<StcPaySimProcess> {
  const args = ['--port', '0', '--record', recordFile];
  if (options.otpExpirySeconds !== undefined) args.push('--otp-expiry', String(options.otpExpirySeconds));
  if (options.timeoutOtpDelayMs !== undefined) args.push('--timeout-otp-delay', String(options.timeoutOtpDelayMs));
  const sim = await spawnJsonLines(providerSimBundles.stcPay, args);
  const { clientCode, clientP12File, passphrase } = sim.ready as { clientCode: string; clientP12File: string; passphrase: string };
  return {
    ...providerSimProcess<StcPayBehaviour, StcPayLedger>(sim, recordFile),
    clientCode,
    clientP12File,
    passphrase,
    async payment(match, timeoutMs) {
      return (await sim.first((m) => m.event === 'transaction' && match(m.payment as SimPayment), timeoutMs)).payment as SimPayment;
    },
    async request(call, timeoutMs) {
      await sim.first((m) => m.event === 'request' && m.call === call, timeoutMs);
    },
  };
}

/** As pointTillAtStcPay (providers.ts), for a simulator process: its endpoint and CA, its merchant certificate sealed. */
export function pointTillAtStcPayProcess(dir: string, sim: StcPaySimProcess, overrides: Partial<StcPaySettings> = {}): void {
  const secrets = createFileSecretStore({ dataDir: dir });
  secrets.put('stcpay.clientCert', fs.readFileSync(sim.clientP12File));
  secrets.put('stcpay.passphrase', Buffer.from(sim.passphrase));
  updateSettings(dir, {
    stcPay: {
      ...DEMO_SETTINGS.stcPay!,
      clientCode: sim.clientCode,
      confirmTimeoutMs: 2_000,
      link: { kind: 'endpoint', baseUrl: sim.baseUrl, caFile: sim.caFile, pins: [] },
      ...overrides,
    },
  });
}

// ---- the till's events over the host socket -------------------------------------------------------------------

export interface TillEvents {
  /** Every paymentProgress event so far. */
  progress: PaymentProgress[];
  /** The first event of that name (past or future) that `match` accepts. */
  next<E extends EventName>(event: E, match?: (payload: EventPayload<E>) => boolean, timeoutMs?: number): Promise<EventPayload<E>>;
  close(): void;
}

/** A second socket to a browser host that only listens: host-client.ts answers calls, this hears events. */
export async function listenToTill(url: string): Promise<TillEvents> {
  const ws = await openHostSocket(url);
  const all: Array<{ event: string; payload: unknown }> = [];
  const progress: PaymentProgress[] = [];
  const waiters: Array<{ test: (e: { event: string; payload: unknown }) => boolean; resolve: (payload: unknown) => void }> = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { kind: string; event?: string; payload?: unknown };
    if (frame.kind !== 'event' || !frame.event) return;
    const e = { event: frame.event, payload: frame.payload };
    all.push(e);
    if (e.event === 'paymentProgress') progress.push(e.payload as PaymentProgress);
    for (let i = 0; i < waiters.length; i += 1) {
      if (waiters[i]!.test(e)) {
        waiters.splice(i, 1)[0]!.resolve(e.payload);
        break;
      }
    }
  });
  return {
    progress,
    next(event, match = () => true, timeoutMs = 10_000) {
      const test = (e: { event: string; payload: unknown }) => e.event === event && match(e.payload as EventPayload<typeof event>);
      const past = all.find(test);
      if (past) return Promise.resolve(past.payload as EventPayload<typeof event>);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} event in ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          test,
          resolve: (payload) => {
            clearTimeout(timer);
            resolve(payload as EventPayload<typeof event>);
          },
        });
      });
    },
    close: () => ws.close(),
  };
}
