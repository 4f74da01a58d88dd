// What the payment protocol tests share (mada ECR, nexo, STC Pay): references like the till's, a stage
// recorder, and a guard that fails a test file on any unhandled rejection. The per-protocol rigs —
// a connector or client configured against its simulator with short timeouts — are ecr-rig.ts,
// nexo-rig.ts and stcpay-rig.ts beside this file.
import { afterAll, beforeAll, expect } from 'vitest';
import type { TerminalStage } from '../../main/payments';

let refCounter = Math.floor(Math.random() * 1e6);
/** A fresh 14-digit reference per call, like the till's counter (main/payments/references.ts). */
export const nextRef = (): string => String((Date.now() % 1e8) * 1e6 + (refCounter++ % 1e6)).padStart(14, '0').slice(-14);

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
