// Whether the card terminal and STC Pay can be reached, for the status lights and the terminal panel. Providers
// reached over the internet (STC Pay, a cloud terminal) are checked in the background, so the light says
// "offline" before the cashier tries and the cashier takes cash or the counter terminal instead. A direct
// terminal is only checked on request: a probe must never stand in the way of its one-request-at-a-time line.
import type { TerminalStatus } from '../../preload/contract';
import type { ConnectionFacts, PaymentConnector } from './connector';

export const DEFAULT_PROVIDER_CHECK_MS = 30_000;

export interface HealthReading {
  health: TerminalStatus['health'];
  detail: string | null;
  checkedAt: string | null;
  /** How long the last check took to answer (the light's latency), and when one last answered connected. */
  latencyMs: number | null;
  lastOkAt: string | null;
}

/** For the health page: what the provider's last good connection showed (certificates, its clock). */
export interface ProviderFacts {
  card: ConnectionFacts | null;
  stcPay: ConnectionFacts | null;
}

export interface HealthDeps {
  /** The card terminal; `remote` when it is reached through a provider's cloud. */
  card: { connector: PaymentConnector; remote: boolean } | null;
  stcPay: PaymentConnector | null;
  /** Why a configured terminal could not be opened: its light starts (and stays) disconnected. */
  cardUnavailable: string | null;
  /** 0 = never check in the background. */
  checkEveryMs: number;
  /** A request is on the terminal's line: the background check waits for another round. */
  terminalBusy(): boolean;
  now(): Date;
  log: { warn(message: string, detail?: unknown): void };
}

export function createProviderHealth(deps: HealthDeps) {
  const unchecked = { latencyMs: null, lastOkAt: null };
  const card: HealthReading = deps.cardUnavailable
    ? { health: 'disconnected', detail: deps.cardUnavailable, checkedAt: null, ...unchecked }
    : { health: 'not_checked', detail: null, checkedAt: null, ...unchecked };
  const stcPay: HealthReading = { health: 'not_checked', detail: null, checkedAt: null, ...unchecked };
  const facts: ProviderFacts = { card: null, stcPay: null };
  let closed = false;

  const check = async (through: PaymentConnector, reading: HealthReading, which: keyof ProviderFacts) => {
    const started = performance.now();
    let result: Awaited<ReturnType<PaymentConnector['health']>>;
    try {
      result = await through.health();
    } catch (e) {
      result = { state: 'disconnected' as const, detail: e instanceof Error ? e.message : String(e) };
    }
    const at = deps.now().toISOString();
    reading.health = result.state;
    reading.detail = result.state === 'disconnected' ? result.detail : null;
    reading.checkedAt = at;
    reading.latencyMs = result.state === 'disconnected' ? null : Math.round(performance.now() - started);
    if (result.state === 'connected') {
      reading.lastOkAt = at;
      if (result.connection) facts[which] = result.connection;
    }
  };

  const lights = () => JSON.stringify([card.health, card.detail, stcPay.health, stcPay.detail]);

  let timer: NodeJS.Timeout | null = null;

  return {
    card: card as Readonly<HealthReading>,
    stcPay: stcPay as Readonly<HealthReading>,
    /** Checks now, on request (the terminal panel): the card terminal and STC Pay, whichever the till has. */
    async checkNow(): Promise<void> {
      if (deps.card) await check(deps.card.connector, card, 'card');
      if (deps.stcPay) await check(deps.stcPay, stcPay, 'stcPay');
    },
    facts: (): Readonly<ProviderFacts> => facts,
    /** Starts the background checks of providers reached over the internet; `onChange` hears a light change. */
    watch(onChange: () => void): void {
      if (timer || !(deps.stcPay || deps.card?.remote) || deps.checkEveryMs <= 0) return;
      const round = async () => {
        const before = lights();
        if (deps.card?.remote && !deps.terminalBusy()) await check(deps.card.connector, card, 'card');
        if (deps.stcPay) await check(deps.stcPay, stcPay, 'stcPay');
        if (!closed && lights() !== before) onChange();
      };
      const run = () => void round().catch((e: unknown) => deps.log.warn('provider check failed', e));
      timer = setInterval(run, deps.checkEveryMs);
      timer.unref();
      run();
    },
    close(): void {
      closed = true;
      if (timer) clearInterval(timer);
    },
  };
}

export type ProviderHealth = ReturnType<typeof createProviderHealth>;
