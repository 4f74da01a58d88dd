// The daily backup at `backups.dailyAt` in the till's time zone (Asia/Riyadh by default, whatever zone the PC
// itself is set to). A day the till was off at that time is caught up at its next start when the last verified
// backup is more than 24 h old. Timers are unref'd (they never keep a process alive) and re-armed at least
// hourly, so a clock set forward or back, or a PC woken from sleep, is noticed within the hour.
import type { LastBackup } from './last-backup';

export const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_SLEEP_MS = 60 * 60 * 1000;

/** The wall clock of `at` in `timeZone`, as if it were UTC (so Date.UTC arithmetic works on it). */
function wallClock(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
}

/** The instant the wall clock of `timeZone` reads `wall` (given as UTC fields); two passes settle a DST edge. */
function instantOf(wall: number, timeZone: string): number {
  const offsetAt = (t: number) => wallClock(new Date(t), timeZone) - Math.floor(t / 1000) * 1000;
  const first = wall - offsetAt(wall);
  return wall - offsetAt(first);
}

/** The first moment after `after` at which the clock of `timeZone` reads `hhmm`. */
export function nextDailyRun(after: Date, hhmm: string, timeZone: string): Date {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  const today = new Date(wallClock(after, timeZone));
  for (let day = 0; day <= 2; day += 1) {
    const wall = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + day, hour, minute);
    const at = instantOf(wall, timeZone);
    if (at > after.getTime()) return new Date(at);
  }
  // Unreachable: some day within two has the time after `after`.
  return new Date(after.getTime() + DAY_MS);
}

export interface DailyScheduleDeps {
  /** Makes the daily backup; reports its own failures (journal, log), never rejects. */
  run(): Promise<unknown>;
  /** A backup is being written now: a daily that falls due then is covered by it. */
  busy(): boolean;
  lastVerified(): LastBackup | null;
  /** null: no daily backup. */
  dailyAt(): string | null;
  timeZone(): string;
  now(): Date;
  /** How long after start a missed daily is caught up (the till's own start goes first). */
  catchUpDelayMs: number;
  log: { info(message: string, detail?: unknown): void };
}

export interface DailySchedule {
  /** When the next daily backup is due (null when there is none). */
  next(): Date | null;
  stop(): void;
}

export function startDailySchedule(deps: DailyScheduleDeps): DailySchedule {
  let stopped = false;
  let due: Date | null = null;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopped) fn();
    }, Math.max(0, ms));
    timer.unref();
    timers.add(timer);
  };
  const run = (why: string) => {
    if (deps.busy()) return deps.log.info(`backup: the ${why} backup is covered by the one being written now`);
    void deps.run();
  };

  const arm = () => {
    const at = deps.dailyAt();
    if (at === null) return;
    const now = deps.now();
    due ??= nextDailyRun(now, at, deps.timeZone());
    later(Math.min(due.getTime() - now.getTime(), MAX_SLEEP_MS), wake);
  };
  const wake = () => {
    if (due && deps.now().getTime() >= due.getTime()) {
      due = null;
      run('daily');
    }
    arm();
  };

  if (deps.dailyAt() !== null) {
    const last = deps.lastVerified();
    const age = last ? deps.now().getTime() - Date.parse(last.at) : Number.POSITIVE_INFINITY;
    if (age > DAY_MS) later(deps.catchUpDelayMs, () => run('missed daily'));
    arm();
  }
  return {
    next: () => due,
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
