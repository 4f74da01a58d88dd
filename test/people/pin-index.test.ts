// A PIN alone (and a staff badge) finds its user through the till's keyed PIN index (main/people/pin-index.ts): one scrypt however
// many staff, where it was one per active user (issue 14's sign-in time: ~50 ms each, a second with twenty). The
// index is a cache that may be missing or stale (a PIN set by the CLI, which has no key): those users are still
// found, by the scan, and indexed then. Counted by wrapping the hash check, on a real SQLite file.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { createUsers, type Users } from '../../main/people';
import { tempDir } from '../support/tmp';

const hashes = vi.hoisted(() => ({ checked: 0 }));
vi.mock('../../main/people/hash', async (original) => {
  const real = await original<typeof import('../../main/people/hash')>();
  return { ...real, matches: (...args: Parameters<typeof real.matches>) => (hashes.checked++, real.matches(...args)) };
});

const STAFF = 12;
const pinOf = (i: number) => String(5000 + i * 37);

let tmp: ReturnType<typeof tempDir>;
let db: Db;
const key = randomBytes(32);
beforeEach(() => {
  tmp = tempDir('nuqta-pin-index-');
  db = openDatabase(`${tmp.dir}/ledger.sqlite`);
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

function staff(users: Users): string[] {
  return Array.from({ length: STAFF }, (_, i) => users.add({ nameAr: `موظف ${i}`, nameEn: `Staff ${i}`, role: 'cashier', pin: pinOf(i) }, 'test').id);
}
const counting = <T>(fn: () => T): { value: T; checked: number } => {
  hashes.checked = 0;
  const value = fn();
  return { value, checked: hashes.checked };
};

describe('the keyed PIN index', () => {
  it('finds the last of twelve staff with one hash check, and a wrong PIN with none', () => {
    const users = createUsers(db, createJournal(db, 'T01'), { pinKey: key });
    const ids = staff(users);
    expect(counting(() => users.byPin(pinOf(STAFF - 1)))).toEqual({ value: expect.objectContaining({ id: ids[STAFF - 1] }), checked: 1 });
    expect(counting(() => users.byPin('0000'))).toEqual({ value: undefined, checked: 0 });
    // Without the key (as before it): one check per active user, the match or not.
    const scanning = createUsers(db, createJournal(db, 'T01'));
    expect(counting(() => scanning.byPin(pinOf(STAFF - 1))).checked).toBe(STAFF);
  });

  it('keeps no PIN in the database: the lookup is keyed, not a plain hash of the PIN', () => {
    const users = createUsers(db, createJournal(db, 'T01'), { pinKey: key });
    const [id] = staff(users);
    const lookup = db.prepare<[string], string>('SELECT lookup FROM user_pin_index WHERE user_id = ?').pluck().get(id!);
    expect(lookup).toMatch(/^[0-9a-f]{64}$/);
    expect(lookup).not.toBe(createHash('sha256').update(pinOf(0)).digest('hex'));
  });

  it('finds a user whose PIN was set without the key (the CLI), refuses their old PIN, and indexes the new one', () => {
    const users = createUsers(db, createJournal(db, 'T01'), { pinKey: key });
    const ids = staff(users);
    createUsers(db, createJournal(db, 'T01')).setPin(ids[3]!, '4455', 'cli');
    expect(users.byPin(pinOf(3))).toBeUndefined();
    expect(counting(() => users.byPin('4455'))).toEqual({ value: expect.objectContaining({ id: ids[3] }), checked: 1 });
    // Indexed now: the next sign-in is the one-check path.
    expect(counting(() => users.byPin('4455')).checked).toBe(1);
  });

  it('finds a badge\'s holder with one hash check too, as the scanner typed it (case and spaces aside)', () => {
    const users = createUsers(db, createJournal(db, 'T01'), { pinKey: key });
    const ids = staff(users);
    users.setBadge(ids[STAFF - 1]!, 'STAFF-0042', 'test');
    expect(counting(() => users.byBadge(' staff-0042 '))).toEqual({ value: expect.objectContaining({ id: ids[STAFF - 1] }), checked: 1 });
    expect(counting(() => users.byBadge('STAFF-9999'))).toEqual({ value: undefined, checked: 0 });
    expect(() => users.setBadge(ids[0]!, 'staff-0042', 'test')).toThrow(expect.objectContaining({ code: 'USER_BADGE_TAKEN' }));
    // Set where the key is not at hand: found by the scan over the badge holders the index does not cover.
    createUsers(db, createJournal(db, 'T01')).setBadge(ids[2]!, 'STAFF-0007', 'cli');
    expect(users.byBadge('STAFF-0007')).toMatchObject({ id: ids[2] });
    expect(counting(() => users.byBadge('STAFF-0007')).checked).toBe(1);
  });

  it('still refuses a PIN another active user has, indexed or not; a deactivated user\'s PIN is free again', () => {
    const users = createUsers(db, createJournal(db, 'T01'), { pinKey: key });
    const ids = staff(users);
    expect(() => users.add({ nameAr: 'علي', nameEn: 'Ali', role: 'cashier', pin: pinOf(5) }, 'test')).toThrow(expect.objectContaining({ code: 'USER_PIN_TAKEN' }));
    createUsers(db, createJournal(db, 'T01')).add({ nameAr: 'منى', nameEn: 'Muna', role: 'cashier', pin: '7777' }, 'cli');
    expect(() => users.add({ nameAr: 'علي', nameEn: 'Ali', role: 'cashier', pin: '7777' }, 'test')).toThrow(expect.objectContaining({ code: 'USER_PIN_TAKEN' }));
    users.deactivate(ids[5]!, 'test');
    expect(users.byPin(pinOf(5))).toBeUndefined();
    expect(users.add({ nameAr: 'علي', nameEn: 'Ali', role: 'cashier', pin: pinOf(5) }, 'test')).toMatchObject({ nameEn: 'Ali' });
    expect(users.byPin(pinOf(5))).toMatchObject({ nameEn: 'Ali' });
  });
});
