// Pieces every terminal or provider connector needs in the same form: one request on the wire at a time,
// progress reports that can never break a payment, and cancellation that also follows the connector closing.
import type { CallOptions, TerminalStage } from './connector';

export interface CallQueue {
  /** Runs `fn` once every earlier call is over (whether it resolved or rejected). */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Calls queued or running. */
  busy(): boolean;
  /** Resolves when everything queued so far is over. */
  drained(): Promise<unknown>;
}

export function createCallQueue(): CallQueue {
  let queue: Promise<unknown> = Promise.resolve();
  let inFlight = 0;
  return {
    run<T>(fn: () => Promise<T>): Promise<T> {
      inFlight += 1;
      const run = queue.then(fn, fn);
      queue = run.then(
        () => undefined,
        () => undefined,
      );
      return run.finally(() => {
        inFlight -= 1;
      });
    },
    busy: () => inFlight > 0,
    drained: () => queue,
  };
}

/** Tells the caller a stage; a failing progress display must not fail the payment. */
export function reportStage(call: CallOptions | undefined, stage: TerminalStage): void {
  try {
    call?.onStage?.(stage);
  } catch {
    // progress display only
  }
}

/** The caller's abort signal joined with the connector's own `closing` signal. */
export const signalWith = (closing: AbortSignal, call?: CallOptions): AbortSignal =>
  call?.signal ? AbortSignal.any([call.signal, closing]) : closing;
