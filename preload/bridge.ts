// Builds the renderer's API over IPC from the contract: one named function per method, each bound to its
// own fixed channel, and one onX(listener) per event. There is deliberately no generic invoke(channel):
// page script can reach exactly the contract's channels and nothing else. Pure (takes the ipcRenderer) so it
// is unit-tested without Electron.
import {
  CUSTOMER_DISPLAY_EVENTS,
  CUSTOMER_DISPLAY_METHODS,
  eventChannel,
  eventHandlerName,
  eventNames,
  methodChannel,
  methodNames,
  type CustomerDisplayEvent,
  type CustomerDisplayMethod,
  type ErrorData,
  type EventName,
  type MethodName,
  type NuqtaApi,
  type NuqtaCalls,
  type NuqtaEvents,
  type Result,
} from './contract';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Main always answers with a Result; a rejected invoke means the call never got an answer (no handler yet,
 * an input that cannot be cloned). The renderer is promised a Result, so that becomes one too. Same code
 * and wording as main's INTERNAL error; duplicated so the preload does not import main's code.
 */
const TRANSPORT_FAILED: ErrorData = {
  code: 'INTERNAL',
  message_ar: 'حدث خطأ غير متوقع. لم تُفقد أي بيانات.',
  message_en: 'Something unexpected went wrong. No data was lost.',
};

type Listener = (payload: unknown) => void;

/** The till window's API: every method and event of the contract. */
export function buildPreloadApi(ipc: IpcRendererLike): NuqtaApi {
  // The contract's types describe this object; the bridge builds it from the same name lists.
  return buildBridge(ipc, methodNames, eventNames) as NuqtaApi;
}

/** What the customer display's page holds: only its read-only methods and its events. */
export type CustomerDisplayApi = Pick<NuqtaCalls, CustomerDisplayMethod> &
  Pick<NuqtaEvents, `on${Capitalize<CustomerDisplayEvent>}`>;

/**
 * The customer window's API, from the contract's customer-display lists. Main refuses every other method
 * from that window anyway; not exposing them means a compromised customer page has nothing to try.
 */
export function buildCustomerDisplayApi(ipc: IpcRendererLike): CustomerDisplayApi {
  return buildBridge(ipc, CUSTOMER_DISPLAY_METHODS, CUSTOMER_DISPLAY_EVENTS) as CustomerDisplayApi;
}

function buildBridge(
  ipc: IpcRendererLike,
  methods: readonly MethodName[],
  events: readonly EventName[],
): Readonly<Record<string, unknown>> {
  const api: Record<string, unknown> = {};

  for (const name of methods) {
    const channel = methodChannel(name);
    api[name] = async (input: unknown): Promise<Result<unknown>> => {
      try {
        return (await ipc.invoke(channel, input)) as Result<unknown>;
      } catch {
        return { ok: false, error: TRANSPORT_FAILED };
      }
    };
  }

  for (const name of events) {
    const channel = eventChannel(name);
    api[eventHandlerName(name)] = (listener: Listener): (() => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${eventHandlerName(name)} needs a function`);
      // Only the payload crosses: the IpcRendererEvent (with its sender) never reaches page script.
      const relay = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, relay);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(channel, relay);
      };
    };
  }

  return Object.freeze(api);
}
