// The manager PIN's guard: wrong PINs journaled, a lockout that survives a restart and grows each time, an
// admin's unlock from the CLI, and a demo PIN with a salt of this till's own.
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { createManagerAuth, lockDurationMs, SHARED_DEMO_SALT } from '../../main/auth';
import { openDatabase } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { DEMO_SETTINGS, openSettings } from '../../main/settings';
import { ensureMainBuilt } from '../support/build';
import { nuqta } from '../support/cli';
import { startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const drawer = (t: TestTill, managerPin: string) => t.attempt('openDrawer', { managerPin, reason: 'change for the next till' });
const journalTypes = (dir: string) => {
  const db = openDatabase(ledgerFile(dir), { readonly: true });
  try {
    return db.prepare<[], { type: string }>("SELECT type FROM journal WHERE type LIKE 'manager.pin_%' ORDER BY seq").all().map((r) => r.type);
  } finally {
    db.close();
  }
};

let t: TestTill | null = null;
beforeAll(() => ensureMainBuilt(), 120_000);
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('the manager PIN guard', () => {
  it('journals wrong PINs; the lockout survives a restart, and the admin unlocks it from the CLI', async () => {
    t = await startTestTill();
    for (let i = 0; i < 4; i += 1) expect(await drawer(t, '9999')).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    expect(await drawer(t, '9999')).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_LOCKED' } });
    expect(journalTypes(t.dir)).toEqual([...Array(4).fill('manager.pin_failed'), 'manager.pin_locked']);

    await t.restart();
    // The right PIN is refused while locked, restart or not.
    expect(await drawer(t, '1234')).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_LOCKED' } });

    await t.till.close();
    const unlocked = nuqta('manager-pin', 'unlock', '--data-dir', t.dir);
    expect(unlocked.status).toBe(0);
    expect(unlocked.stdout).toContain('unlocked');
    await t.restart();
    expect((await drawer(t, '1234')).ok).toBe(true);
    expect(journalTypes(t.dir).slice(-1)).toEqual(['manager.pin_unlocked']);
  });

  it('locks longer after each lockout (1, 2, 4 … minutes, at most an hour), and a right PIN clears the count', () => {
    const tmp = tempDir();
    const db = openDatabase(path.join(tmp.dir, 'till.db'));
    try {
      const settings = openSettings(db, DEMO_SETTINGS);
      const journal = createJournal(db, 'T01');
      let clock = Date.parse('2026-12-04T10:00:00Z');
      const auth = createManagerAuth({ db, journal, stored: () => settings.get().managerPin, now: () => new Date(clock) });
      const lockUntil = () => {
        for (let i = 0; i < 4; i += 1) expect(() => auth.check('0000')).toThrow(expect.objectContaining({ code: 'MANAGER_PIN_WRONG' }));
        try {
          auth.check('0000');
        } catch (e) {
          return Date.parse(String((e as { detail: string }).detail).replace('until ', '')) - clock;
        }
        throw new Error('not locked');
      };
      expect(lockUntil()).toBe(60_000);
      clock += 60_001;
      expect(lockUntil()).toBe(120_000);
      clock += 120_001;
      expect(lockUntil()).toBe(240_000);
      expect(lockDurationMs(20)).toBe(3_600_000);
      clock += 240_001;
      auth.check('1234');
      expect(lockUntil()).toBe(60_000);
    } finally {
      db.close();
      tmp.cleanup();
    }
  });

  it('gives the demo PIN a salt of its own on each till', async () => {
    t = await startTestTill();
    const db = openDatabase(ledgerFile(t.dir), { readonly: true });
    const pin = openSettings(db).get().managerPin;
    db.close();
    expect(pin.salt).not.toBe(SHARED_DEMO_SALT);
    expect(pin.salt).toMatch(/^[0-9a-f]{32}$/);
    expect((await drawer(t, '1234')).ok).toBe(true);
  });
});
