// Training's copy of the live till's two-factor enrolments (docs/training.md): training must feel like the live
// till, so a manager enrolled there approves past a threshold in training with the same phone. Read from the live
// till as training starts (its user_totp rows and the secrets sealed in its secret store), then written into the
// training till through its journal as ./totp.ts writes them (totp.enrolled / used / recovery_used / removed,
// `by: training`), so the training ledger's `ledger verify` replays them. The secret moves from one secret store
// to the other in memory only: never into a ledger, a seed file or a log.
import { z } from 'zod';
import { tableRow, type Db } from '../db';
import type { Journal } from '../ledger';
import type { SecretStore } from '../secrets';
import { recoveryColumn, totpSecretName, type RecoveryHash } from './totp';

/** One live enrolment as training takes it. */
export interface TotpEnrolmentCopy {
  userId: string;
  lastStep: number;
  recovery: RecoveryHash[];
  secret: Uint8Array;
}

const Row = tableRow('user_totp', z.object({ user_id: z.string(), last_step: z.number().int(), recovery: z.string() }));
const RecoveryList = z.array(z.object({ salt: z.string(), hash: z.string(), used: z.boolean() }));

const rowsOf = (db: Db) =>
  Row.select<[]>(db, 'ORDER BY user_id')
    .all()
    .map((r) => ({ userId: r.user_id, lastStep: r.last_step, recovery: RecoveryList.parse(JSON.parse(r.recovery)) }));

/** The live till's enrolments whose secret its store holds (one it cannot open is of no use in training either). */
export function readTotpEnrolments(db: Db, secrets: SecretStore): TotpEnrolmentCopy[] {
  return rowsOf(db).flatMap((row) => {
    const secret = secrets.get(totpSecretName(row.userId));
    return secret ? [{ ...row, secret }] : [];
  });
}

const sameEnrolment = (a: readonly RecoveryHash[], b: readonly RecoveryHash[]): boolean =>
  a.length === b.length && a.every((code, i) => code.salt === b[i]!.salt && code.hash === b[i]!.hash);

/**
 * Brings the training till's enrolments up to the live till's: a user enrolled there is enrolled here (the same
 * secret, the last accepted step and the recovery codes used there), one reset or re-enrolled there is here too.
 * A code the training till accepted later than the live one stays refused here (the later step is kept).
 * Runs for users the training till has (adopt them first).
 */
export function adoptTotpEnrolments(db: Db, journal: Journal, secrets: SecretStore, live: readonly TotpEnrolmentCopy[]): void {
  const hasUser = db.prepare<[string], { id: string }>('SELECT id FROM users WHERE id = ?');
  const insert = db.prepare('INSERT INTO user_totp (user_id, last_step, recovery, enrolled_seq, updated_seq) VALUES (?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE user_totp SET last_step = ?, recovery = ?, updated_seq = ? WHERE user_id = ?');
  const drop = db.prepare('DELETE FROM user_totp WHERE user_id = ?');
  const wanted = live.filter((e) => hasUser.get(e.userId));
  const liveIds = new Set(wanted.map((e) => e.userId));
  // Sealed before the rows exist, as an enrolment does: a crash between leaves a secret nobody uses.
  for (const e of wanted) secrets.put(totpSecretName(e.userId), e.secret);

  const removed = db
    .transaction(() => {
      const gone: string[] = [];
      const mine = new Map(rowsOf(db).map((r) => [r.userId, r]));
      for (const [userId, row] of mine) {
        const copy = wanted.find((e) => e.userId === userId);
        if (copy && sameEnrolment(copy.recovery, row.recovery)) continue;
        journal.append('totp.removed', { userId, by: 'training' });
        drop.run(userId);
        mine.delete(userId);
        if (!liveIds.has(userId)) gone.push(userId);
      }
      for (const e of wanted) {
        const row = mine.get(e.userId);
        let step = row?.lastStep ?? e.lastStep;
        const recovery = row ? row.recovery.map((c) => ({ ...c })) : e.recovery.map(({ salt, hash }) => ({ salt, hash, used: false }));
        let seq: number | null = null;
        let enrolledSeq: number | null = null;
        if (!row) {
          seq = enrolledSeq = journal.append('totp.enrolled', { userId: e.userId, step, recovery: recovery.map(({ salt, hash }) => ({ salt, hash })) }).seq;
        } else if (e.lastStep > step) {
          step = e.lastStep;
          seq = journal.append('totp.used', { userId: e.userId, step }).seq;
        }
        e.recovery.forEach((code, index) => {
          if (!code.used || recovery[index]!.used) return;
          recovery[index]!.used = true;
          seq = journal.append('totp.recovery_used', { userId: e.userId, index }).seq;
        });
        if (seq === null) continue;
        if (enrolledSeq !== null) insert.run(e.userId, step, recoveryColumn(recovery), enrolledSeq, seq);
        else update.run(step, recoveryColumn(recovery), seq, e.userId);
      }
      return gone;
    })
    .immediate();
  for (const userId of removed) secrets.delete(totpSecretName(userId));
}
