// The reporting queue's worker. Every simplified document must reach ZATCA within 24 hours of issue; the till
// keeps selling offline and reports when it can. Oldest first; each document carries its own back-off, so one
// that keeps failing (or is rejected) never holds up the ones behind it — the failure other tills are known for,
// one stuck invoice stalling the queue for weeks without a log. The payload sent again after a lost answer is
// the identical stored bytes (ZATCA answers 409 "already reported" to a repeat, which counts as reported).
import type { ReportAnswer, Reporter } from './answer';
import type { QueueStore, QueuedDocument } from './queue-store';

export interface ReportingQueueOptions {
  store: QueueStore;
  /** The platform, or null while the till has no credentials to report with. */
  reporter: () => Reporter | null;
  now?: () => Date;
  /** Documents sent per run (a backlog after a day offline is worked through in several runs). */
  batch?: number;
  log?: { warn(message: string, detail?: unknown): void; info?(message: string, detail?: unknown): void };
}

/** Back-off after the n-th failed try: 30 s, 1, 2, 4, 8 min … capped at 15 min, well inside the 24 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000);
}

/** After a 401 nothing will pass until the credentials are fixed: try again in 5 minutes, not in a loop. */
const UNAUTHORIZED_DELAY_MS = 5 * 60_000;

export interface QueueRunResult {
  sent: number;
  reported: number;
  rejected: number;
  retried: number;
  /** The run stopped early: the platform could not be reached or refused the credentials. */
  stoppedBy: 'unreachable' | 'unauthorized' | null;
}

export function createReportingQueue(options: ReportingQueueOptions) {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const batch = options.batch ?? 50;
  let running: Promise<QueueRunResult> | null = null;
  let lastProblem: { kind: 'unreachable' | 'unauthorized'; detail: string; at: string } | null = null;

  const settleAnswer = (doc: QueuedDocument, answer: ReportAnswer, result: QueueRunResult): boolean => {
    const at = now().toISOString();
    switch (answer.kind) {
      case 'reported':
        store.settle(doc, answer.warnings.length > 0 ? 'warned' : 'reported', answer.warnings, at);
        result.reported += 1;
        return true;
      case 'already-reported':
        store.settle(doc, 'reported', [], at);
        result.reported += 1;
        return true;
      case 'rejected':
        store.settle(doc, 'rejected', answer.errors, at);
        result.rejected += 1;
        options.log?.warn('e-invoice rejected by ZATCA', { egsId: doc.egsId, icv: doc.icv, number: doc.number, errors: answer.errors });
        return true;
      case 'unauthorized':
        store.retryLater(doc, at, new Date(now().getTime() + UNAUTHORIZED_DELAY_MS).toISOString(), `401: ${answer.detail}`);
        lastProblem = { kind: 'unauthorized', detail: answer.detail, at };
        result.stoppedBy = 'unauthorized';
        return false;
      case 'retry':
        store.retryLater(doc, at, new Date(now().getTime() + retryDelayMs(doc.attempts + 1)).toISOString(), answer.detail);
        result.retried += 1;
        lastProblem = { kind: 'unreachable', detail: answer.detail, at };
        // The next document is tried too: a fault of this one document must not stop the others. A platform
        // that is down stops the run after a few failures in a row (see run()).
        return true;
    }
  };

  const run = async (): Promise<QueueRunResult> => {
    const result: QueueRunResult = { sent: 0, reported: 0, rejected: 0, retried: 0, stoppedBy: null };
    const reporter = options.reporter();
    if (!reporter) return result;
    let failuresInARow = 0;
    for (const doc of store.due(now().toISOString(), batch)) {
      const answer = await reporter.report(store.payload(doc.egsId, doc.icv));
      result.sent += 1;
      if (!settleAnswer(doc, answer, result)) break;
      failuresInARow = answer.kind === 'retry' ? failuresInARow + 1 : 0;
      if (answer.kind !== 'retry') lastProblem = null;
      if (failuresInARow >= 3) {
        result.stoppedBy = 'unreachable';
        break;
      }
    }
    return result;
  };

  /** A call came while a pass was in flight: what it asks for may be newer than that pass's list. */
  let askedAgain = false;
  const passes = async (): Promise<QueueRunResult> => {
    const total: QueueRunResult = { sent: 0, reported: 0, rejected: 0, retried: 0, stoppedBy: null };
    do {
      askedAgain = false;
      const pass = await run();
      total.sent += pass.sent;
      total.reported += pass.reported;
      total.rejected += pass.rejected;
      total.retried += pass.retried;
      total.stoppedBy = pass.stoppedBy;
    } while (askedAgain);
    return total;
  };

  return {
    /**
     * Passes over what is due, one sender at a time. A call while a pass is in flight shares it, and one more pass
     * follows it: a document issued meanwhile is not in the list that pass took, and must not wait for the timer.
     */
    runOnce(): Promise<QueueRunResult> {
      if (running) askedAgain = true;
      else running = passes().finally(() => (running = null));
      return running;
    },
    /** Resolves when no pass is in flight (at close: a report half-sent is finished, no new one starts). */
    idle: (): Promise<unknown> => {
      askedAgain = false;
      return running ?? Promise.resolve();
    },
    /** The last time the platform could not be reached or refused the credentials; null once a report passes. */
    lastProblem: () => lastProblem,
  };
}
export type ReportingQueue = ReturnType<typeof createReportingQueue>;
