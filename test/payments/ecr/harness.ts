// Shared set-up for the ECR integration tests: a simulator, a connector with short timeouts, and a guard that
// fails the file if any promise rejection goes unhandled.
import { afterAll, beforeAll, expect } from 'vitest';
import type { TerminalStage } from '../../../main/payments/connector';
import { createSkyBandConnector, type SkyBandConnector, type SkyBandConnectorOptions } from '../../../main/payments/ecr/connector';
import type { LrcMode } from '../../../main/payments/ecr/lrc';
import { sha256Signature } from '../../../main/payments/ecr/signature';
import type { Transport } from '../../../main/payments/transport/transport';

export const FAST = { connectMs: 2000, ackMs: 300, purchaseMs: 1500, refundMs: 1500, reversalMs: 1500, statusMs: 1000, settlementMs: 1500, registerMs: 1000 };

export function connectorFor(transport: Transport, kit: { lrcMode: LrcMode; ackNak: boolean }, extra: Partial<SkyBandConnectorOptions> = {}): SkyBandConnector {
  return createSkyBandConnector({ transport, signature: sha256Signature, cashRegisterNo: 'TILL0001', timeouts: FAST, ...kit, ...extra });
}

let refCounter = Math.floor(Math.random() * 1e6);
/** 14-digit references like the till's (main/payments/references.ts). */
export const nextRef = () => String(Date.now() % 1e8 * 1e6 + (refCounter++ % 1e6)).padStart(14, '0').slice(-14);

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
