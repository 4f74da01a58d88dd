// When to ask the terminal again about a payment, in the background: after a growing pause (1 s, 2, 5, 10, 30,
// then every minute), again while the answer says so, at most `limit` times. One loop per payment, keyed by
// the payment, so a payment never has two. It only decides when: the asking itself is the caller's.
import type { IntentRow, IntentStore } from './intent-store';

export const DEFAULT_RECOVERY_DELAYS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

export interface Asking<Applied> {
  /** What to ask about for this payment now (a reversal is asked about through its original), or nothing. */
  target(row: IntentRow): IntentRow | undefined;
  /** Whether to ask once more after this answer. */
  again(applied: Applied): boolean;
  limit: number;
}

export interface SchedulerDeps<Applied> {
  intents: IntentStore;
  /** Asks once and applies the answer; rejects when the answer could not be recorded (then it is asked again). */
  inquire(row: IntentRow): Promise<Applied>;
  /** A request for this payment is on the wire: its own answer will come, no need to ask. */
  busy(id: string): boolean;
  delays?: readonly number[];
  log: { warn(message: string, detail?: unknown): void };
}

export function createRecoveryScheduler<Applied>({ intents, inquire, busy, delays = DEFAULT_RECOVERY_DELAYS, log }: SchedulerDeps<Applied>) {
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const ask = (id: string, asking: Asking<Applied>, attempt = 0): void => {
    if (closed || timers.has(id) || attempt >= asking.limit) return;
    const timer = setTimeout(() => {
      timers.delete(id);
      const row = intents.get(id);
      const target = row && !closed && !busy(id) ? asking.target(row) : undefined;
      if (!target) return;
      inquire(target)
        .then((applied) => {
          if (asking.again(applied)) ask(id, asking, attempt + 1);
        })
        .catch((e: unknown) => {
          // The answer could not be recorded (a full disk): ask again later rather than give up on it.
          log.warn('background payment inquiry failed', e);
          ask(id, asking, attempt + 1);
        });
    }, delays[Math.min(attempt, delays.length - 1)]!);
    timer.unref();
    timers.set(id, timer);
  };

  return {
    ask,
    /** Stops asking about one payment (a manager settled it). */
    cancel(id: string): void {
      const timer = timers.get(id);
      if (timer) clearTimeout(timer);
      timers.delete(id);
    },
    close(): void {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type RecoveryScheduler<Applied> = ReturnType<typeof createRecoveryScheduler<Applied>>;
