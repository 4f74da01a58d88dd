// Two-factor for admins and managers (issue 14, docs/people.md): TOTP as RFC 6238 has it — 6 digits, 30 s steps,
// HMAC-SHA-1, one step either side accepted for a clock that drifts — through the `otpauth` library.
// - The secret is sealed in the till's secret store (main/secrets: safeStorage in the app, AES-GCM with a key file
//   on the host) under `totp.<userId>`, never in the database nor the journal: a copy of the ledger makes no codes.
// - Enrolment is the user's own: `start` makes a secret and ten recovery codes, kept in memory only until `confirm`
//   gets a first right code (a setup abandoned or a restart leaves nothing behind). Recovery codes are shown once
//   and kept as salted scrypt hashes (./hash.ts), each usable once.
// - A code is accepted once: the step it was accepted at is kept (user_totp.last_step), and a code of that step or
//   an earlier one is refused (SECOND_FACTOR_USED) — a code read over a shoulder cannot be used again.
// - Wrong codes count in the user's sign-in back-off (./guard.ts, subject user:<id>), which the ledger keeps across
//   restarts; every acceptance and change is journaled (totp.enrolled / used / recovery_used / removed).
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { SignedInUser, TotpEnrolment } from '../../preload/contract';
import { tableRow, type Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import type { SecretStore } from '../secrets';
import type { GuardAnswers, SignInGuard } from './guard';
import { hashSecret, matches, type SaltedHash } from './hash';
import { userSubject } from './session';

/** What every authenticator app gets: the RFC's defaults, which the apps all assume anyway. */
export const TOTP_PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Steps accepted either side of now (RFC 6238 §5.2 recommends at most one). */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Nuqta POS';
/** How long a started enrolment waits for its first code. */
const PENDING_MS = 10 * 60_000;

const WRONG: GuardAnswers = { entry: 'totp', wrong: 'SECOND_FACTOR_WRONG', locked: 'SECOND_FACTOR_LOCKED' };
const REPLAYED: GuardAnswers = { ...WRONG, wrong: 'SECOND_FACTOR_USED' };

export const totpSecretName = (userId: string): string => `totp.${userId}`;
/** The RFC's T: whole steps since the epoch. */
export const stepAt = (ms: number): number => Math.floor(ms / 1000 / TOTP_PARAMS.period);

/** A recovery code as stored: its salted hash, and whether it was used. */
export interface RecoveryHash extends SaltedHash {
  used: boolean;
}
/** The user_totp.recovery column, made the same way by the table and by `ledger verify`'s replay. */
export const recoveryColumn = (codes: readonly RecoveryHash[]): string => JSON.stringify(codes.map(({ salt, hash, used }) => ({ salt, hash, used })));

// 32 letters and digits without 0/1/i/l/o: read off a sheet of paper without doubt. 10 of them: 50 bits.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]!).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
const isTotpCode = (code: string): boolean => /^\d{6}$/.test(code);
/** A recovery code as typed: any case, with or without its dash or spaces. */
const recoveryForm = (code: string): string | null => {
  const bare = code.toLowerCase().replace(/[\s-]/g, '');
  return bare.length === 10 && [...bare].every((c) => ALPHABET.includes(c)) ? `${bare.slice(0, 5)}-${bare.slice(5)}` : null;
};

const totpOf = (secret: Secret, label = 'user'): TOTP => new TOTP({ issuer: ISSUER, label, secret, ...TOTP_PARAMS });

/** The step a right code was made at (now ± one step), or null for a wrong code. */
export function acceptedStep(secret: Secret, code: string, atMs: number): number | null {
  const delta = totpOf(secret).validate({ token: code, timestamp: atMs, window: TOTP_WINDOW });
  return delta === null ? null : stepAt(atMs) + delta;
}

const Row = tableRow('user_totp', z.object({ user_id: z.string(), last_step: z.number().int(), recovery: z.string() }));
const RecoveryList = z.array(z.object({ salt: z.string(), hash: z.string(), used: z.boolean() }));

export interface TwoFactor {
  /** Whether `userId` has a confirmed enrolment. */
  enrolled(userId: string): boolean;
  /** Starts (or starts again) the signed-in user's enrolment: the QR to scan, the secret, the recovery codes. */
  start(user: SignedInUser): Promise<TotpEnrolment>;
  /** Confirms it with a first right code; from then on the user's approvals may ask for codes. */
  confirm(user: SignedInUser, code: string): void;
  /**
   * Checks a code (6 digits) or a recovery code of `userId`, once: throws SECOND_FACTOR_WRONG / _USED / _LOCKED
   * (counted in the back-off) or SECOND_FACTOR_NOT_ENROLLED; journals what it accepted.
   */
  verify(userId: string, code: string): 'totp' | 'recovery';
  /** Removes an enrolment (a lost device; `nuqta user totp-reset`): journaled. False when there was none. */
  remove(userId: string, by: string): boolean;
}

export interface TwoFactorDeps {
  db: Db;
  journal: Journal;
  secrets: SecretStore;
  guard: SignInGuard;
  now?: () => number;
}

interface Pending {
  secret: Secret;
  recovery: RecoveryHash[];
  startedAt: number;
}

export function createTwoFactor({ db, journal, secrets, guard, now = Date.now }: TwoFactorDeps): TwoFactor {
  const read = Row.select<[string]>(db, 'WHERE user_id = ?');
  const insert = db.prepare('INSERT INTO user_totp (user_id, last_step, recovery, enrolled_seq, updated_seq) VALUES (?, ?, ?, ?, ?)');
  const setStep = db.prepare('UPDATE user_totp SET last_step = ?, updated_seq = ? WHERE user_id = ?');
  const setRecovery = db.prepare('UPDATE user_totp SET recovery = ?, updated_seq = ? WHERE user_id = ?');
  const drop = db.prepare('DELETE FROM user_totp WHERE user_id = ?');
  const pending = new Map<string, Pending>();

  const secretOf = (userId: string): Secret => {
    const bytes = secrets.get(totpSecretName(userId));
    // A ledger moved to another machine without its secret store: the enrolment cannot be used; an admin resets it.
    if (!bytes) throw new TillError('SECOND_FACTOR_NOT_ENROLLED', `${userId}: the secret is not in this till's secret store`);
    return new Secret({ buffer: Uint8Array.from(bytes).buffer });
  };

  return {
    enrolled: (userId) => read.get(userId) !== undefined,

    async start(user) {
      if (user.role !== 'admin' && user.role !== 'manager') throw new TillError('TOTP_NOT_FOR_ROLE', user.role);
      if (read.get(user.id)) throw new TillError('TOTP_ALREADY_ENROLLED', user.id);
      const secret = new Secret({ size: 20 });
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      const uri = totpOf(secret, user.nameEn || user.nameAr).toString();
      pending.set(user.id, { secret, recovery: codes.map((c) => ({ ...hashSecret(c), used: false })), startedAt: now() });
      return { uri, qrDataUrl: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2 }), secret: secret.base32, recoveryCodes: codes };
    },

    confirm(user, code) {
      const started = pending.get(user.id);
      if (!started || now() - started.startedAt > PENDING_MS) throw new TillError('TOTP_NOT_STARTED');
      const subject = userSubject(user.id);
      guard.assertOpen(subject, WRONG);
      const step = isTotpCode(code) ? acceptedStep(started.secret, code, now()) : null;
      if (step === null) return guard.failed(subject, WRONG);
      // Sealed before the row exists: a crash between the two leaves a secret nobody uses, never a row without one.
      secrets.put(totpSecretName(user.id), started.secret.bytes);
      db.transaction(() => {
        const entry = journal.append('totp.enrolled', { userId: user.id, step, recovery: started.recovery.map(({ salt, hash }) => ({ salt, hash })) });
        insert.run(user.id, step, recoveryColumn(started.recovery), entry.seq, entry.seq);
      }).immediate();
      pending.delete(user.id);
      guard.cleared(subject);
    },

    verify(userId, code) {
      const subject = userSubject(userId);
      guard.assertOpen(subject, WRONG);
      const row = read.get(userId);
      if (!row) throw new TillError('SECOND_FACTOR_NOT_ENROLLED', userId);
      if (isTotpCode(code)) {
        const step = acceptedStep(secretOf(userId), code, now());
        if (step === null) return guard.failed(subject, WRONG);
        if (step <= row.last_step) return guard.failed(subject, REPLAYED);
        db.transaction(() => {
          const entry = journal.append('totp.used', { userId, step });
          setStep.run(step, entry.seq, userId);
        }).immediate();
        guard.cleared(subject);
        return 'totp';
      }
      const typed = recoveryForm(code);
      const codes = RecoveryList.parse(JSON.parse(row.recovery));
      // Every unused code is hashed, found or not: how long it takes tells nothing of which one matched.
      let index = -1;
      codes.forEach((c, i) => {
        if (typed !== null && !c.used && matches(typed, c) && index < 0) index = i;
      });
      if (index < 0) return guard.failed(subject, WRONG);
      codes[index]!.used = true;
      db.transaction(() => {
        const entry = journal.append('totp.recovery_used', { userId, index });
        setRecovery.run(recoveryColumn(codes), entry.seq, userId);
      }).immediate();
      guard.cleared(subject);
      return 'recovery';
    },

    remove(userId, by) {
      pending.delete(userId);
      if (!read.get(userId)) return false;
      db.transaction(() => {
        journal.append('totp.removed', { userId, by });
        drop.run(userId);
      }).immediate();
      secrets.delete(totpSecretName(userId));
      return true;
    },
  };
}
