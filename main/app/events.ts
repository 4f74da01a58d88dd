// Fan-out of main's events to every connected view (the Electron window, browser-host sockets).
import type { EventName, EventPayload } from '../../preload/contract';
import type { TillEventListener } from './types';

export function createEventHub(log: { error(message: string, detail?: unknown): void } = console) {
  const listeners = new Set<TillEventListener>();
  return {
    subscribe(listener: TillEventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      for (const listener of listeners) {
        try {
          listener(event, payload);
        } catch (e) {
          // One broken view must not stop the others from hearing about the sale.
          log.error(`event listener failed on ${event}`, e);
        }
      }
    },
  };
}
