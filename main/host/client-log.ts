// What the host says about clients it cut off. A local program can break the protocol in a loop, so the same
// complaint is written once and then at most once a minute with how many times it happened meanwhile: the log
// must not become the next way to hurt the till (a full disk, a busy core).

export interface HostLog {
  warn(message: string): void;
}

export const REPEAT_WINDOW_MS = 60_000;

export function throttledLog(write: (line: string) => void, now: () => number = Date.now): HostLog {
  const seen = new Map<string, { at: number; suppressed: number }>();
  return {
    warn(message) {
      const at = now();
      const last = seen.get(message);
      if (last && at - last.at < REPEAT_WINDOW_MS) {
        last.suppressed += 1;
        return;
      }
      const repeats = last?.suppressed ? ` (${last.suppressed} more since the last such line)` : '';
      // The messages are a small fixed set (ws's and ours); the cap only bounds what a surprise could add.
      if (seen.size >= 100) seen.clear();
      seen.set(message, { at, suppressed: 0 });
      write(`${message}${repeats}`);
    },
  };
}
