// When main last crashed, kept in a small file in the data folder so the count survives the relaunch that
// follows each crash: that is what lets a crash loop be seen at all (each process lives only seconds).
import fs from 'node:fs';
import path from 'node:path';

export const CRASH_HISTORY_FILE = 'crash-history.json';
/** Three crashes within two minutes is a loop: relaunching again would only spin. */
export const CRASH_LOOP_COUNT = 3;
export const CRASH_LOOP_WINDOW_MS = 2 * 60_000;
/** Older entries never count; a few are kept so the file stays tiny whatever happens. */
const KEPT = 10;

export interface CrashHistory {
  readonly file: string;
  /** Records a crash at `at`; returns the crashes that count at `at` (within the window), this one included. */
  record(at: number): number[];
  /** Forgets crashes that no longer count at `now`, deleting the file when none is left. */
  prune(now: number): void;
}

export function openCrashHistory(dataDir: string, windowMs = CRASH_LOOP_WINDOW_MS): CrashHistory {
  const file = path.join(dataDir, CRASH_HISTORY_FILE);
  // A crash "from the future" (the clock was set back) is dropped rather than counted for hours.
  const recent = (times: number[], now: number) => times.filter((t) => t <= now && now - t < windowMs);
  return {
    file,
    record(at) {
      const times = [...recent(read(file), at), at].slice(-KEPT);
      write(file, times);
      return times;
    },
    prune(now) {
      const all = read(file);
      const kept = recent(all, now);
      if (kept.length === 0) fs.rmSync(file, { force: true });
      else if (kept.length !== all.length) write(file, kept);
    },
  };
}

/** A missing or unreadable file is an empty history: it must never be what stops the till. */
function read(file: string): number[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  const crashes = (parsed as { crashes?: unknown } | null)?.crashes;
  return Array.isArray(crashes) ? crashes.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)) : [];
}

/** Written whole then renamed, 0600 like every file in the data folder; throws when it cannot be written. */
function write(file: string, crashes: number[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify({ crashes })}\n`, { mode: 0o600 });
  // writeFileSync's mode applies only when it creates the file; a left-over temp keeps its own.
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
}
