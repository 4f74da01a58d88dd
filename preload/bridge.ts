// Builds the renderer's API over IPC from the contract: one named function per method, each bound to its
// own fixed channel, and one onX(listener) per event. There is deliberately no generic invoke(channel):
// page script can reach exactly the contract's channels and nothing else. Pure (takes the ipcRenderer) so it
// is unit-tested without Electron.
import {
  eventChannel,
  eventHandlerName,
  eventNames,
  methodChannel,
  methodNames,
  type ErrorData,
  type NuqtaApi,
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

export function buildPreloadApi(ipc: IpcRendererLike): NuqtaApi {
  const api: Record<string, unknown> = {};

  for (const name of methodNames) {
    const channel = methodChannel(name);
    api[name] = async (input: unknown): Promise<Result<unknown>> => {
      try {
        return (await ipc.invoke(channel, input)) as Result<unknown>;
      } catch {
        return { ok: false, error: TRANSPORT_FAILED };
      }
    };
  }

  for (const name of eventNames) {
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

  // The contract's types describe this object; the loops above build it from the same name lists.
  return Object.freeze(api) as NuqtaApi;
}
