// Wrong PINs at sign-in are slowed down like the manager PIN's (main/auth/manager-pin.ts), and for the same
// reason kept in the ledger: neither a restart nor a second window resets the count. A badge names its user, so
// badge + PIN failures count against that user; a PIN alone names nobody, so its failures count against the
// till ('till'). Five wrong in a row pause that subject for a minute, the next pause two, then four… up to an
// hour; a right PIN clears it. Every change is journaled (people.pin_failed / pin_locked / pin_cleared).
// A wrong two-factor code (./totp.ts) counts against its user's subject too — the same back-off, so a PIN and a
// code cannot be guessed in turns — journaled as people.totp_failed / totp_locked and answered with its own codes.
import { z } from 'zod';
import { tableRow, type Db } from '../db';
import { TillError, type ErrorCode } from '../errors';
import type { Journal } from '../ledger';

export const FAILURES_BEFORE_PAUSE = 5;
const FIRST_PAUSE_MS = 60_000;
const LONGEST_PAUSE_MS = 60 * 60_000;
export const TILL_SUBJECT = 'till';

/** How long the n-th pause in a row lasts: 1 min, 2, 4 … at most an hour. */
export const pauseMs = (pauses: number): number => Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.max(0, pauses - 1));

const GuardRow = tableRow(
  'sign_in_guard',
  z.object({ failures: z.number().int().nonnegative(), lockouts: z.number().int().nonnegative(), locked_until: z.string().nullable() }),
);

/** What a failure is of, and what it answers: a PIN (the default) or a two-factor code. */
export interface GuardAnswers {
  entry: 'pin' | 'totp';
  wrong: ErrorCode;
  locked: ErrorCode;
}
const PIN_ANSWERS: GuardAnswers = { entry: 'pin', wrong: 'SIGN_IN_WRONG', locked: 'SIGN_IN_LOCKED' };

export interface SignInGuard {
  /** Throws SIGN_IN_LOCKED (or `answers.locked`) while `subject` is paused. */
  assertOpen(subject: string, answers?: GuardAnswers): void;
  /** A wrong PIN: counts it and throws SIGN_IN_WRONG, or SIGN_IN_LOCKED when it starts a pause (or `answers`'). */
  failed(subject: string, answers?: GuardAnswers): never;
  /** A right PIN: the subject's count starts again. */
  cleared(subject: string): void;
  /** When the subject's pause ends (ISO), or null when it is not paused now. */
  pausedUntil(subject: string): string | null;
  /** An admin lifts a pause (and the count) by hand: journaled with who did it (people.pin_unlocked). */
  unlock(subject: string, by: string): void;
}

export function createSignInGuard(db: Db, journal: Journal, now: () => Date = () => new Date()): SignInGuard {
  const read = GuardRow.select<[string]>(db, 'WHERE subject = ?');
  const save = db.prepare(
    `INSERT INTO sign_in_guard (subject, failures, lockouts, locked_until, updated_seq) VALUES (@subject, @failures, @lockouts, @lockedUntil, @seq)
     ON CONFLICT(subject) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts,
       locked_until = excluded.locked_until, updated_seq = excluded.updated_seq`,
  );
  const record = (type: string, subject: string, next: { failures: number; lockouts: number; lockedUntil: string | null }, by?: string) =>
    db
      .transaction(() => {
        const entry = journal.append(type, { subject, ...next, ...(by !== undefined ? { by } : {}) });
        save.run({ subject, ...next, seq: entry.seq });
      })
      .immediate();
  const state = (subject: string) => read.get(subject) ?? { failures: 0, lockouts: 0, locked_until: null };

  return {
    assertOpen(subject, answers = PIN_ANSWERS) {
      const guard = state(subject);
      if (guard.locked_until && Date.parse(guard.locked_until) > now().getTime()) throw new TillError(answers.locked, `${subject} until ${guard.locked_until}`);
    },
    failed(subject, answers = PIN_ANSWERS) {
      const guard = state(subject);
      const failures = guard.failures + 1;
      if (failures < FAILURES_BEFORE_PAUSE) {
        record(`people.${answers.entry}_failed`, subject, { failures, lockouts: guard.lockouts, lockedUntil: null });
        throw new TillError(answers.wrong);
      }
      const lockouts = guard.lockouts + 1;
      const lockedUntil = new Date(now().getTime() + pauseMs(lockouts)).toISOString();
      record(`people.${answers.entry}_locked`, subject, { failures: 0, lockouts, lockedUntil });
      throw new TillError(answers.locked, `${subject} until ${lockedUntil}`);
    },
    cleared(subject) {
      const guard = state(subject);
      if (guard.failures > 0 || guard.lockouts > 0 || guard.locked_until) record('people.pin_cleared', subject, { failures: 0, lockouts: 0, lockedUntil: null });
    },
    pausedUntil(subject) {
      const until = state(subject).locked_until;
      return until && Date.parse(until) > now().getTime() ? until : null;
    },
    unlock(subject, by) {
      const guard = state(subject);
      // The back-off starts again from its first pause, as after a right PIN.
      if (guard.failures > 0 || guard.lockouts > 0 || guard.locked_until) record('people.pin_unlocked', subject, { failures: 0, lockouts: 0, lockedUntil: null }, by);
    },
  };
}
