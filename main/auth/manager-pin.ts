// The approver's PIN (`managerPin` in a method's input) guards refunds, reversals, resolving unknown payments,
// settlement, the drawer, the admin screen… On a till with users (issue 14) the PIN names an active user, who must
// have a role that may approve the method being called (preload/contract/permissions.ts: `approve:` and `view:`
// supervisor or manager); an action's approval is journaled as `manager.override` with both users, the one signed
// in and the approver (a `view:` read is not: reading changes nothing). A till with no active user yet keeps the one shared manager PIN of the settings, as before users; a
// till with users has no shared PIN (the demo manager's PIN is the demo's `1234`).
//
// Guessing is slowed by a guard kept in the ledger (pin_guard, journaled), so neither a restart nor a second
// window resets it: five wrong PINs in a row lock the PIN for a minute, the next lockout for two, then four…
// up to an hour. A right PIN clears the count. Someone on the till's socket could keep failing to keep the
// manager out; an admin unlocks with `nuqta manager-pin unlock` (journaled), with the till stopped.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { approvalIsJournaled, isAdminAction, isApproval, permissionOf, roleMayApprove, type ApprovePermission, type SignedInUser } from '../../preload/contract';
import { tableRow, type Db } from '../db';
import { TillError } from '../errors';
import { currentCall } from '../ipc';
import type { Journal } from '../ledger';
import { PRODUCTION_SCRYPT_COST } from '../secrets';

export interface PinHash {
  salt: string;
  hash: string;
}

/**
 * Always at the production cost, in tests too: the demo till's shared PIN hash is a constant (DEMO_SETTINGS,
 * migration 0040), and tills with users check their users' PINs instead (main/people/hash.ts).
 */
export const hashPin = (pin: string, salt: string): string => scryptSync(pin, salt, 32, PRODUCTION_SCRYPT_COST).toString('hex');

/** The salt every till shipped before PINs were salted per till: its hash is the demo PIN 1234. */
export const SHARED_DEMO_SALT = 'nuqta-demo-manager';
/**
 * The demo PIN 1234 hashed with that salt at the production cost (main/secrets/scrypt-cost.ts), as those tills and
 * DEMO_SETTINGS hold it: a constant, so a start does not hash to recognise it (test/secrets/scrypt-cost.test.ts).
 */
export const SHARED_DEMO_HASH = 'd1a25e511dd8990b8d02eb1fe65b5c7fd47cea081288cefd1a3026c302f9c501';
const DEMO_PIN = '1234';

/**
 * A PIN hash made with the salt every demo till shared gets a salt of its own (the same demo PIN), so one
 * precomputed table no longer fits every till. Null when `stored` is already the till's own.
 */
export function resaltSharedDemoPin(stored: PinHash): PinHash | null {
  if (stored.salt !== SHARED_DEMO_SALT || stored.hash !== SHARED_DEMO_HASH) return null;
  const salt = randomBytes(16).toString('hex');
  return { salt, hash: hashPin(DEMO_PIN, salt) };
}

/**
 * Whether the till's shared PIN is still the demo's 1234 (whatever its salt): a PIN every README reader knows.
 * Remembered per stored hash, so a till without users does not hash at every approval.
 */
export function createDemoPinCheck(stored: () => PinHash): () => boolean {
  let known: { salt: string; hash: string; demo: boolean } | null = null;
  return () => {
    const { salt, hash } = stored();
    if (known?.salt !== salt || known.hash !== hash) known = { salt, hash, demo: salt === SHARED_DEMO_SALT ? hash === SHARED_DEMO_HASH : hashPin(DEMO_PIN, salt) === hash };
    return known.demo;
  };
}

export interface ManagerAuth {
  /**
   * Throws MANAGER_PIN_WRONG or MANAGER_PIN_LOCKED, or APPROVER_NOT_ALLOWED for an active user's PIN whose role may
   * not approve this method. Returns the approving user, or null when the till's shared PIN approved (no users yet).
   */
  check(pin: string, needed?: ApprovePermission, options?: ApprovalOptions): SignedInUser | null;
}

export interface ApprovalOptions {
  /**
   * The action is past a two-factor threshold of the settings (a large refund, a shift's large cash difference):
   * the approver must give their authenticator code too. The caller names `approve:manager` as what it needs.
   */
  secondFactor?: boolean;
}

/**
 * The second factor (main/people's TwoFactor, which this line may not import). An admin approving an admin action
 * (preload/contract/permissions.ts ADMIN_ACTIONS), and any approver past a threshold, gives the code of their
 * authenticator app as the input's `secondFactor`, beside the PIN. Only inside a contract call: the CLI is run
 * from the till's own shell. A till with no users (the shared PIN) has no second factor.
 */
export interface SecondFactorCheck {
  enrolled(userId: string): boolean;
  /** Throws SECOND_FACTOR_WRONG / _USED / _LOCKED (counted in the user's back-off); journals what it accepted. */
  verify(userId: string, code: string): 'totp' | 'recovery';
}

/** The till's users as the approval needs them (main/people's Users, which this line may not import). */
export interface Approvers {
  /** Whether any user is active: from then on only a user's PIN approves. */
  hasActive(): boolean;
  /** The active user whose PIN this is (PINs are unique among active users). */
  byPin(pin: string): SignedInUser | undefined;
}

/** What a check outside a contract call approves (the CLI, a test calling a domain): the stricter level. */
const APPROVAL_OUTSIDE_A_CALL: ApprovePermission = 'approve:manager';

export const PIN_SUBJECT = 'manager';
export const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 60 * 60_000;

/** How long the n-th lockout in a row lasts: 1 min, 2, 4 … at most an hour. */
export const lockDurationMs = (lockouts: number): number => Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.max(0, lockouts - 1));

const GuardRow = tableRow(
  'pin_guard',
  z.object({ failures: z.number().int().nonnegative(), lockouts: z.number().int().nonnegative(), locked_until: z.string().nullable() }),
);

export interface ManagerAuthDeps {
  db: Db;
  journal: Journal;
  stored: () => PinHash;
  /** The till's users; without them (tests of a domain alone) the shared PIN approves, as before users. */
  approvers?: Approvers;
  /** Two-factor for admins and past thresholds; without it (tests of a domain alone) no code is asked for. */
  secondFactor?: SecondFactorCheck;
  /**
   * A live till (not the demo, not training) takes no shared default PIN: true while its shared PIN is still the
   * demo's (createDemoPinCheck), and then, as long as it has no active user, every approval is refused with
   * FIRST_ADMIN_NEEDED (docs/people.md, first admin).
   */
  demoPinRefused?: () => boolean;
  now?: () => Date;
}

export function createManagerAuth({ db, journal, stored, approvers, secondFactor, demoPinRefused = () => false, now = () => new Date() }: ManagerAuthDeps): ManagerAuth {
  const read = GuardRow.select<[string]>(db, 'WHERE subject = ?');
  const save = db.prepare(
    `INSERT INTO pin_guard (subject, failures, lockouts, locked_until, updated_seq) VALUES (@subject, @failures, @lockouts, @lockedUntil, @seq)
     ON CONFLICT(subject) DO UPDATE SET failures = excluded.failures, lockouts = excluded.lockouts,
       locked_until = excluded.locked_until, updated_seq = excluded.updated_seq`,
  );
  const record = (type: string, next: { failures: number; lockouts: number; lockedUntil: string | null }) =>
    db
      .transaction(() => {
        const entry = journal.append(type, { subject: PIN_SUBJECT, ...next });
        save.run({ subject: PIN_SUBJECT, ...next, seq: entry.seq });
      })
      .immediate();

  const failed = (guard: { failures: number; lockouts: number }, at: Date): never => {
    const failures = guard.failures + 1;
    if (failures < FAILURES_BEFORE_LOCK) {
      record('manager.pin_failed', { failures, lockouts: guard.lockouts, lockedUntil: null });
      throw new TillError('MANAGER_PIN_WRONG');
    }
    const lockouts = guard.lockouts + 1;
    const lockedUntil = new Date(at.getTime() + lockDurationMs(lockouts)).toISOString();
    record('manager.pin_locked', { failures: 0, lockouts, lockedUntil });
    throw new TillError('MANAGER_PIN_LOCKED', `until ${lockedUntil}`);
  };

  /** A user's PIN: who approves, if their role may approve what is being called; journaled with both users. */
  /** Asks the approver's code when the action needs it: null when it does not, else how it was given. */
  const secondFactorOf = (approver: SignedInUser, call: ReturnType<typeof currentCall>, options?: ApprovalOptions): 'totp' | 'recovery' | null => {
    if (!secondFactor || !call) return null;
    const wanted = options?.secondFactor === true || (approver.role === 'admin' && isAdminAction(call.method));
    if (!wanted) return null;
    // Asked before the code, so the screen never asks an admin for a code they have no app for.
    if (!secondFactor.enrolled(approver.id)) throw new TillError('SECOND_FACTOR_NOT_ENROLLED', approver.id);
    if (!call.secondFactor) throw new TillError('SECOND_FACTOR_REQUIRED', `${call.method} by ${approver.role}`);
    return secondFactor.verify(approver.id, call.secondFactor);
  };

  const approveByUser = (
    pin: string,
    users: Approvers,
    guard: { failures: number; lockouts: number; locked_until: string | null },
    at: Date,
    asked?: ApprovePermission,
    options?: ApprovalOptions,
  ) => {
    const approver = users.byPin(pin);
    if (!approver) return failed(guard, at);
    const call = currentCall();
    const permission = call ? permissionOf(call.method) : APPROVAL_OUTSIDE_A_CALL;
    // A method that asks for approval only past a limit (a discount) names what it needs; else the method's own.
    const needed = asked ?? (isApproval(permission) ? permission : APPROVAL_OUTSIDE_A_CALL);
    // A PIN that names someone is not a guess to slow down; but it approves nothing their role may not.
    if (!roleMayApprove(approver.role, needed)) throw new TillError('APPROVER_NOT_ALLOWED', `${approver.role} for ${needed}`);
    const factor = secondFactorOf(approver, call, options);
    const cleared = guard.failures > 0 || guard.lockouts > 0 || guard.locked_until;
    // A read behind a PIN (`view:`) is not journaled: the X report and the admin pages change nothing, the ledger included.
    if (!cleared && !approvalIsJournaled(needed)) return approver;
    db.transaction(() => {
      if (cleared) {
        const reset = { failures: 0, lockouts: 0, lockedUntil: null };
        const entry = journal.append('manager.pin_cleared', { subject: PIN_SUBJECT, ...reset });
        save.run({ subject: PIN_SUBJECT, ...reset, seq: entry.seq });
      }
      if (!approvalIsJournaled(needed)) return;
      journal.append('manager.override', {
        method: call?.method ?? null,
        permission: needed,
        userId: call?.user?.id ?? null,
        userRole: call?.user?.role ?? null,
        approverId: approver.id,
        approverRole: approver.role,
        ...(factor ? { secondFactor: factor } : {}),
      });
    }).immediate();
    return approver;
  };

  return {
    check(pin, needed, options) {
      const guard = read.get(PIN_SUBJECT) ?? { failures: 0, lockouts: 0, locked_until: null };
      const at = now();
      if (guard.locked_until && Date.parse(guard.locked_until) > at.getTime()) throw new TillError('MANAGER_PIN_LOCKED', `until ${guard.locked_until}`);
      if (approvers?.hasActive()) return approveByUser(pin, approvers, guard, at, needed, options);
      // Not a wrong PIN (nothing to count): the right one is public. The first admin is added first.
      if (demoPinRefused()) throw new TillError('FIRST_ADMIN_NEEDED');
      const { salt, hash } = stored();
      const right = timingSafeEqual(Buffer.from(hashPin(pin, salt), 'hex'), Buffer.from(hash, 'hex'));
      if (!right) return failed(guard, at);
      if (guard.failures > 0 || guard.lockouts > 0 || guard.locked_until) record('manager.pin_cleared', { failures: 0, lockouts: 0, lockedUntil: null });
      return null;
    },
  };
}

/** `nuqta manager-pin unlock`: clears the guard (journaled), whatever its state. False when nothing was locked. */
export function unlockManagerPin(db: Db, journal: Journal, by: string): boolean {
  const read = GuardRow.select<[string]>(db, 'WHERE subject = ?');
  const guard = read.get(PIN_SUBJECT);
  if (!guard || (guard.failures === 0 && guard.lockouts === 0 && !guard.locked_until)) return false;
  db.transaction(() => {
    const entry = journal.append('manager.pin_unlocked', { subject: PIN_SUBJECT, by, failures: 0, lockouts: 0, lockedUntil: null });
    db.prepare('UPDATE pin_guard SET failures = 0, lockouts = 0, locked_until = NULL, updated_seq = ? WHERE subject = ?').run(entry.seq, PIN_SUBJECT);
  }).immediate();
  return true;
}
