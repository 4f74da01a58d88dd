// The single door into main's services. Both carriers (Electron IPC and the browser host's WebSocket) hand
// every call here: the method name must be in the contract, the input must parse against its schema, and
// whatever happens comes back as a Result, never as a thrown error crossing the boundary.
import {
  methods,
  type ErrorData,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type Result,
} from '../../preload/contract';
import { errorData, isDiskFull, isTillError } from '../errors';
import { runInCall, type CallContext } from './call-context';
import type { PermissionGate } from './permission-gate';
import { onlyReads } from './read-only';

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export type Dispatch = (method: string, rawInput: unknown) => Promise<Result<unknown>>;

export interface DispatchLog {
  error(message: string, detail?: unknown): void;
}

const isMethod = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(methods, name);

export interface DispatchOptions {
  /** A reason to refuse every method that may write (the ledger was found damaged), or null. */
  writesRefused?: () => ErrorData | null;
  /**
   * Who may call what (./permission-gate.ts): asked before the input is parsed, so a refused caller learns
   * nothing about the method's input. Without it every method is open (a test's fake till).
   */
  gate?: PermissionGate;
}

export function createDispatcher(handlers: Handlers, log: DispatchLog = console, options: DispatchOptions = {}): Dispatch {
  return async (method, rawInput) => {
    if (!isMethod(method)) return { ok: false, error: errorData('UNKNOWN_METHOD') };
    let context: CallContext = { method, user: null };
    try {
      if (options.gate) context = options.gate(method);
    } catch (e) {
      if (isTillError(e)) return { ok: false, error: e.toData() };
      log.error(`permission check failed for ${method}`, e);
      return { ok: false, error: errorData('INTERNAL') };
    }
    const parsed = methods[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: errorData('INVALID_INPUT') };
    // The second factor rides beside the PIN in the input; main/auth reads it from the call, not every handler.
    const secondFactor: unknown = (parsed.data as { secondFactor?: unknown }).secondFactor;
    if (typeof secondFactor === 'string') context = { ...context, secondFactor };
    const refused = onlyReads(method) ? null : (options.writesRefused?.() ?? null);
    if (refused) return { ok: false, error: refused };
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await runInCall(context, () => handler(parsed.data));
      return { ok: true, value };
    } catch (e) {
      if (isTillError(e)) return { ok: false, error: e.toData() };
      // A full disk is an answer the cashier can act on (free space, try again), not an unexpected failure.
      if (isDiskFull(e)) {
        log.error(`${method}: the disk is full`, e);
        return { ok: false, error: errorData('DISK_FULL') };
      }
      log.error(`unexpected failure in ${method}`, e);
      return { ok: false, error: errorData('INTERNAL') };
    }
  };
}
