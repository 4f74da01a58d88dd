// Pushes till events to the window: one fixed channel per contract event, payload only.
import { eventChannel } from '../../preload/contract';
import type { RunningTill } from '../app/types';
import type { WebContentsLike } from './electron-types';

/** Subscribes to the till; returns the unsubscribe function. */
export function forwardTillEvents(till: RunningTill, appContents: () => WebContentsLike | null): () => void {
  return till.subscribe((event, payload) => {
    const contents = appContents();
    // A closed window (or one mid-teardown) simply misses the event; the next getSale catches it up.
    if (!contents || contents.isDestroyed()) return;
    contents.send(eventChannel(event), payload);
  });
}
