// Two-factor (issue 14, main/people/totp.ts): RFC 6238's own test vectors through the library we use, the 6-digit
// SHA-1 30 s codes users get, one step either side, a code accepted once, recovery codes once each, wrong codes
// in the user's back-off (kept across a restart), the secret out of the database and the journal, and
// `ledger verify` catching an edited user_totp. Real SQLite and a real file secret store in a temp folder.
import fs from 'node:fs';
import path from 'node:path';
import { Secret, TOTP, URI } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../../preload/contract';
import { LEDGER_PROJECTIONS } from '../../main/app';
import { openDatabase, type Db } from '../../main/db';
import { createJournal, verifyLedger, type Journal } from '../../main/ledger';
import { acceptedStep, createSignInGuard, createTwoFactor, createUsers, stepAt, TOTP_PARAMS, totpSecretName, type TwoFactor } from '../../main/people';
import { createFileSecretStore, type SecretStore } from '../../main/secrets';
import { tempDir } from '../support/tmp';
import { EXIT } from '../../main/cli/io';
import { userCommand } from '../../main/cli/users';

// RFC 6238 appendix B, SHA-1 rows: the seed is the ASCII "12345678901234567890"; the codes are 8 digits.
const RFC_SEED = Secret.fromLatin1('12345678901234567890');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('RFC 6238 test vectors', () => {
  it('the library makes the appendix B codes (8 digits, SHA-1) at each time', () => {
    for (const [seconds, code] of RFC_VECTORS) {
      expect(TOTP.generate({ secret: RFC_SEED, algorithm: 'SHA1', digits: 8, period: 30, timestamp: seconds * 1000 })).toBe(code);
    }
  });

  it('our 6-digit codes are the same truncation mod 10^6, accepted at their step and one either side only', () => {
    expect(TOTP_PARAMS).toEqual({ algorithm: 'SHA1', digits: 6, period: 30 });
    for (const [seconds, code] of RFC_VECTORS) {
      const six = code.slice(-6);
      const at = seconds * 1000;
      expect(acceptedStep(RFC_SEED, six, at)).toBe(stepAt(at));
      expect(acceptedStep(RFC_SEED, six, at + 30_000)).toBe(stepAt(at));
      expect(acceptedStep(RFC_SEED, six, at - 30_000)).toBe(stepAt(at));
      expect(acceptedStep(RFC_SEED, six, at + 60_000)).toBeNull();
      expect(acceptedStep(RFC_SEED, six, at - 60_000)).toBeNull();
    }
    expect(acceptedStep(RFC_SEED, '000000', 59_000)).toBeNull();
  });
});

describe('enrolment and codes', () => {
  let folder: ReturnType<typeof tempDir>;
  let db: Db;
  let journal: Journal;
  let secrets: SecretStore;
  let clock = 0;
  let manager: SignedInUser;
  let cashier: SignedInUser;
  const open = (): TwoFactor => createTwoFactor({ db, journal, secrets, guard: createSignInGuard(db, journal, () => new Date(clock)), now: () => clock });
  const codeAt = (secret: string, ms: number) => TOTP.generate({ secret: Secret.fromBase32(secret), ...TOTP_PARAMS, timestamp: ms });
  const entries = (like: string) =>
    db.prepare<[string], { type: string; payload: string }>('SELECT type, payload FROM journal WHERE type LIKE ? ORDER BY seq').all(like);

  beforeEach(() => {
    folder = tempDir('nuqta-totp-');
    db = openDatabase(path.join(folder.dir, 'till.db'));
    journal = createJournal(db, 'T01');
    secrets = createFileSecretStore({ dataDir: folder.dir });
    clock = Date.parse('2026-12-05T10:00:00Z');
    const users = createUsers(db, journal);
    const add = (role: 'manager' | 'cashier', pin: string) => {
      const { id, nameAr, nameEn } = users.add({ nameAr: 'هند', nameEn: 'Hind', role, pin }, 'test');
      return { id, nameAr, nameEn, role };
    };
    manager = add('manager', '2468');
    cashier = add('cashier', '1357');
  });
  afterEach(() => {
    db.close();
    folder.cleanup();
  });

  const enrol = async (tf: TwoFactor) => {
    const started = await tf.start(manager);
    tf.confirm(manager, codeAt(started.secret, clock));
    return started;
  };

  it('shows the otpauth URI (6 digits, 30 s, SHA-1), its QR and ten recovery codes; confirms with a first code', async () => {
    const tf = open();
    const started = await tf.start(manager);
    const uri = URI.parse(started.uri);
    expect(uri).toBeInstanceOf(TOTP);
    expect(uri).toMatchObject({ issuer: 'Nuqta POS', digits: 6, period: 30, algorithm: 'SHA1' });
    expect((uri as TOTP).secret.base32).toBe(started.secret);
    expect(started.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(started.recoveryCodes).toHaveLength(10);
    expect(new Set(started.recoveryCodes).size).toBe(10);
    expect(tf.enrolled(manager.id)).toBe(false);
    expect(() => tf.confirm(manager, '000000')).toThrow(expect.objectContaining({ code: 'SECOND_FACTOR_WRONG' }));
    tf.confirm(manager, codeAt(started.secret, clock));
    expect(tf.enrolled(manager.id)).toBe(true);
    await expect(tf.start(manager)).rejects.toMatchObject({ code: 'TOTP_ALREADY_ENROLLED' });
    await expect(tf.start(cashier)).rejects.toMatchObject({ code: 'TOTP_NOT_FOR_ROLE' });

    // The secret is sealed in the secret store, and nowhere in the database, its journal or the sealed file as text.
    expect(secrets.get(totpSecretName(manager.id))).toBeDefined();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = Buffer.concat(fs.readdirSync(folder.dir).map((f) => fs.readFileSync(path.join(folder.dir, f))));
    const raw = Buffer.from(Secret.fromBase32(started.secret).bytes);
    for (const form of [started.secret, raw.toString('hex'), raw.toString('base64')]) expect(bytes.includes(Buffer.from(form))).toBe(false);
    expect(bytes.includes(raw)).toBe(false);
    // Nor the recovery codes: only their salted hashes.
    for (const code of started.recoveryCodes) expect(bytes.includes(Buffer.from(code))).toBe(false);
    expect(entries('totp.%').map((e) => e.type)).toEqual(['totp.enrolled']);
    expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
  });

  it('accepts a code once: the same step or an earlier one is a replay; the next step is fine', async () => {
    const tf = open();
    const { secret } = await enrol(tf);
    // The enrolling code's own step is used already.
    expect(() => tf.verify(manager.id, codeAt(secret, clock))).toThrow(expect.objectContaining({ code: 'SECOND_FACTOR_USED' }));
    clock += 30_000;
    const next = codeAt(secret, clock);
    expect(tf.verify(manager.id, next)).toBe('totp');
    expect(() => tf.verify(manager.id, next)).toThrow(expect.objectContaining({ code: 'SECOND_FACTOR_USED' }));
    // A code of the step before, still inside the window, is older than the one accepted.
    expect(() => tf.verify(manager.id, codeAt(secret, clock - 30_000))).toThrow(expect.objectContaining({ code: 'SECOND_FACTOR_USED' }));
    // One step ahead (a phone whose clock runs fast) is accepted; then the current one is a replay of an older step.
    expect(tf.verify(manager.id, codeAt(secret, clock + 30_000))).toBe('totp');
    expect(() => tf.verify(manager.id, codeAt(secret, clock))).toThrow(expect.objectContaining({ code: 'SECOND_FACTOR_USED' }));
    expect(db.prepare('SELECT last_step FROM user_totp WHERE user_id = ?').pluck().get(manager.id)).toBe(stepAt(clock) + 1);
    expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
  });

  it('takes each recovery code once, typed in any case, with or without its dash', async () => {
    const tf = open();
    const { recoveryCodes } = await enrol(tf);
    expect(tf.verify(manager.id, recoveryCodes[3]!.toUpperCase().replace('-', ''))).toBe('recovery');
    expect(() => tf.verify(manager.id, recoveryCodes[3]!)).toThrow(expect.objectContaining({ code: 'SECOND_FACTOR_WRONG' }));
    expect(tf.verify(manager.id, recoveryCodes[9]!)).toBe('recovery');
    expect(() => tf.verify(manager.id, 'abcde-fghjk')).toThrow(expect.objectContaining({ code: 'SECOND_FACTOR_WRONG' }));
    expect(entries('totp.recovery_used').map((e) => JSON.parse(e.payload))).toEqual([
      { userId: manager.id, index: 3 },
      { userId: manager.id, index: 9 },
    ]);
    expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
  });

  it('counts wrong codes in the user\'s back-off, journaled, paused across a restart; a right code then clears it', async () => {
    const { secret } = await enrol(open());
    const tf = open();
    for (let i = 0; i < 4; i += 1) expect(() => tf.verify(manager.id, '000000')).toThrow(expect.objectContaining({ code: 'SECOND_FACTOR_WRONG' }));
    expect(() => tf.verify(manager.id, '000000')).toThrow(expect.objectContaining({ code: 'SECOND_FACTOR_LOCKED' }));
    expect(entries('people.totp_%').map((e) => e.type)).toEqual([...Array(4).fill('people.totp_failed'), 'people.totp_locked']);
    expect(JSON.parse(entries('people.totp_locked')[0]!.payload)).toMatchObject({ subject: `user:${manager.id}`, lockouts: 1 });
    // A new instance (a restart) reads the pause from the ledger: a right code is refused until it is over.
    clock += 30_000;
    expect(() => open().verify(manager.id, codeAt(secret, clock))).toThrow(expect.objectContaining({ code: 'SECOND_FACTOR_LOCKED' }));
    clock += 60_000;
    expect(open().verify(manager.id, codeAt(secret, clock))).toBe('totp');
    expect(entries('people.pin_cleared')).toHaveLength(1);
    expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
  });

  it('removes an enrolment (journaled, the secret deleted); an abandoned start leaves nothing', async () => {
    const tf = open();
    await enrol(tf);
    expect(tf.remove(manager.id, 'cli')).toBe(true);
    expect(tf.remove(manager.id, 'cli')).toBe(false);
    expect(tf.enrolled(manager.id)).toBe(false);
    expect(secrets.get(totpSecretName(manager.id))).toBeUndefined();
    expect(() => tf.verify(manager.id, '123456')).toThrow(expect.objectContaining({ code: 'SECOND_FACTOR_NOT_ENROLLED' }));
    await tf.start(manager);
    expect(open().enrolled(manager.id)).toBe(false);
    expect(() => open().confirm(manager, '123456')).toThrow(expect.objectContaining({ code: 'TOTP_NOT_STARTED' }));
    expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
  });

  it('`nuqta user totp-reset` removes a lost phone\'s enrolment, journaled as by the CLI', async () => {
    await enrol(open());
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    expect(userCommand(folder.dir, ['totp-reset', 'nobody'], {}, '', io)).toBe(EXIT.tillError);
    expect(userCommand(folder.dir, ['totp-reset', manager.id], {}, '', io)).toBe(EXIT.ok);
    expect(out.at(-1)).toContain('reset');
    expect(open().enrolled(manager.id)).toBe(false);
    expect(JSON.parse(entries('totp.removed')[0]!.payload)).toEqual({ userId: manager.id, by: 'cli' });
    expect(userCommand(folder.dir, ['totp-reset', manager.id], {}, '', io)).toBe(EXIT.ok);
    expect(out.at(-1)).toContain('No two-step');
  });

  it('ledger verify finds a user_totp row edited by hand', async () => {
    const tf = open();
    const { recoveryCodes } = await enrol(tf);
    tf.verify(manager.id, recoveryCodes[0]!);
    const tampered = (sql: string, undo: string) => {
      db.exec(sql);
      const report = verifyLedger(db, { projections: LEDGER_PROJECTIONS });
      db.exec(undo);
      return report;
    };
    const step = db.prepare('SELECT last_step FROM user_totp').pluck().get() as number;
    const rewound = tampered(`UPDATE user_totp SET last_step = ${step - 5}`, `UPDATE user_totp SET last_step = ${step}`);
    expect(rewound.ok).toBe(false);
    expect(JSON.stringify(rewound)).toContain('user_totp');
    const recovery = db.prepare('SELECT recovery FROM user_totp').pluck().get() as string;
    const unused = recovery.replace('"used":true', '"used":false');
    expect(tampered(`UPDATE user_totp SET recovery = '${unused}'`, `UPDATE user_totp SET recovery = '${recovery}'`).ok).toBe(false);
    const enrolled = db.prepare('SELECT * FROM user_totp').get() as Record<string, unknown>;
    const dropped = tampered('DELETE FROM user_totp', `INSERT INTO user_totp VALUES ('${String(enrolled.user_id)}', ${step}, '${recovery}', ${Number(enrolled.enrolled_seq)}, ${Number(enrolled.updated_seq)})`);
    expect(dropped.ok).toBe(false);
    expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
  });
});
