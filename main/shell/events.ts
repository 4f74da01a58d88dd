// Pushes till events to every open window (the till and the customer display): one fixed channel per
// contract event, payload only.
import { eventChannel } from '../../preload/contract';
import type { RunningTill } from '../app';
import type { WebContentsLike } from './electron-types';

/** Subscribes to the till; returns the unsubscribe function. `targets` is read at each event. */
export function forwardTillEvents(
  till: RunningTill,
  targets: () => ReadonlyArray<WebContentsLike | null>,
  log: { warn(message: string, detail?: unknown): void },
  /** Which events these windows may hear (the customer display hears only a few). */
  mayHear: (event: string) => boolean = () => true,
): () => void {
  return till.subscribe((event, payload) => {
    if (!mayHear(event)) return;
    for (const contents of targets()) {
      // A closed window (or one mid-teardown) simply misses the event; the next getSale catches it up.
      if (!contents || contents.isDestroyed()) continue;
      try {
        contents.send(eventChannel(event), payload);
      } catch (e) {
        // One window failing must not keep the event from the other.
        log.warn(`could not send ${event} to a window`, e);
      }
    }
  });
}
