// What the view needs from whichever carrier brings the contract: the API itself and the state of the link.
import type { NuqtaApi } from '../../preload/contract/api';

export type ConnectionState = 'connected' | 'connecting' | 'lost';

export interface Connection {
  getState(): ConnectionState;
  /** Notified on every state change (for useSyncExternalStore). */
  subscribe(listener: () => void): () => void;
  /** Called after every (re)connection, and once right away if already connected. */
  onConnected(listener: () => void): () => void;
}

export interface Carrier {
  api: NuqtaApi;
  connection: Connection;
}

/** Electron IPC does not drop: the preload's bridge is connected for the life of the window. */
export function alwaysConnected(): Connection {
  return {
    getState: () => 'connected',
    subscribe: () => () => {},
    onConnected: (listener) => {
      let live = true;
      queueMicrotask(() => {
        if (live) listener();
      });
      return () => {
        live = false;
      };
    },
  };
}
