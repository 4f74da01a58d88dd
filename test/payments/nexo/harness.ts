// Shared set-up for the nexo tests: a provider simulator on real TLS, a connector with short timeouts, references
// like the till's, and a guard that fails the file on any unhandled rejection.
import { afterAll, beforeAll, expect } from 'vitest';
import type { TerminalStage } from '../../../main/payments/connector';
import { createNexoConnector, type NexoConnector, type NexoConnectorOptions, type NexoMode, type NexoTimeouts } from '../../../main/payments/nexo';
import type { NexoSimulator } from '../../../main/sim/nexo';

export const SALE_ID = 'TILL-0001';
export const API_KEY = 'nuqta-test-api-key';

export const FAST: Partial<NexoTimeouts> = {
  connectMs: 2000,
  purchaseMs: 1200,
  refundMs: 1200,
  reversalMs: 1200,
  statusMs: 1000,
  abortMs: 500,
  settlementMs: 1500,
  healthMs: 1000,
  asyncNotificationMs: 400,
  asyncPollMs: 100,
};

export function connectorFor(sim: NexoSimulator, mode: NexoMode, extra: Partial<NexoConnectorOptions> = {}): NexoConnector {
  return createNexoConnector({
    mode,
    baseUrl: mode === 'local' ? sim.localUrl : sim.baseUrl,
    apiKey: API_KEY,
    ca: sim.caPem,
    poiId: sim.poiId,
    saleId: SALE_ID,
    keyIdentifier: sim.key.keyIdentifier,
    keyVersion: sim.key.keyVersion,
    passphrase: sim.key.passphrase,
    timeouts: FAST,
    ...extra,
  });
}

let refCounter = Math.floor(Math.random() * 1e6);
/** 14-digit references like the till's (main/payments/references.ts). */
export const nextRef = () => String((Date.now() % 1e8) * 1e6 + (refCounter++ % 1e6)).padStart(14, '0').slice(-14);

export function stages(): { list: TerminalStage[]; onStage: (s: TerminalStage) => void } {
  const list: TerminalStage[] = [];
  return { list, onStage: (s) => list.push(s) };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fails the test file on any unhandled rejection or uncaught exception. */
export function guardUnhandled(): void {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => seen.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onRejection);
  });
  afterAll(async () => {
    await sleep(50);
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onRejection);
    expect(seen).toEqual([]);
  });
}
