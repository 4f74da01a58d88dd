// The shape of the API the renderer sees, derived from the contract. The preload builds it over Electron IPC;
// the browser host's client builds the same shape over a WebSocket.
import type { ErrorData } from './schemas';
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from './methods';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

export type NuqtaCalls = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

type EventHandlerName<E extends EventName> = `on${Capitalize<E>}`;

export type NuqtaEvents = {
  [E in EventName as EventHandlerName<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

export type NuqtaApi = NuqtaCalls & NuqtaEvents;

export const eventHandlerName = <E extends EventName>(name: E): EventHandlerName<E> =>
  `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as EventHandlerName<E>;

/** The global the preload exposes with contextBridge. */
export const API_GLOBAL = 'nuqta';
