import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations, schemaVersion } from '../../main/db';
import { freshFile, tables } from './support';

const at = freshFile();

function migrated(): Database.Database {
  const db = new Database(at.file);
  runMigrations(db, migrations, { upTo: 100 });
  for (let seq = 1; seq <= 9; seq += 1) db.prepare("INSERT INTO journal VALUES (?, 'now', 'T01', 'x', '{}', 'p', ?)").run(seq, `h${seq}`);
  runMigrations(db, migrations, { upTo: 120 });
  return db;
}

const openShift = (db: Database.Database, id: string, number: number, till = 'T01') =>
  db.prepare("INSERT INTO shifts (id, till_id, number, demo, opened_at, opened_seq, float_halalas) VALUES (?, ?, ?, 0, 'now', 1, 10000)").run(id, till, number);
const move = (db: Database.Database, id: string, shift: string, kind: string, amount: number, reason: string | null, denominations: string | null) =>
  db.prepare("INSERT INTO shift_cash_movements VALUES (?, ?, ?, ?, ?, ?, 'now', 2)").run(id, shift, kind, amount, reason, denominations);
const close = (db: Database.Database, id: string, expected = 10000, counted = 9000) =>
  db
    .prepare("UPDATE shifts SET closed_at = 'later', closed_seq = 3, expected_halalas = ?, counted_halalas = ?, difference_halalas = ? WHERE id = ?")
    .run(expected, counted, counted - expected, id);

describe('migration 0120 shifts', () => {
  it('adds shifts and their cash movements', () => {
    const db = migrated();
    expect(schemaVersion(db)).toBe(120);
    expect(tables(db)).toEqual(expect.arrayContaining(['shifts', 'shift_cash_movements', 'shifts_closed_once', 'shift_cash_movements_no_update']));
    db.close();
  });

  it('numbers shifts per till without gaps, and holds one shift not closed per till', () => {
    const db = migrated();
    expect(() => openShift(db, 'a', 2)).toThrow(/follows the last/);
    openShift(db, 'a', 1);
    openShift(db, 'other-till', 1, 'T02');
    expect(() => openShift(db, 'b', 2)).toThrow(/UNIQUE constraint failed: shifts.till_id/);
    move(db, 'm1', 'a', 'count', 9000, null, '{"n50":1}');
    close(db, 'a');
    expect(() => openShift(db, 'b', 1)).toThrow(/follows the last|UNIQUE/);
    openShift(db, 'b', 2);
    expect(() => openShift(db, 'c', 4)).toThrow(/follows the last/);
    db.close();
  });

  it('closes a shift once, only after its count, with a difference that adds up; nothing else of it changes', () => {
    const db = migrated();
    openShift(db, 'a', 1);
    expect(() => close(db, 'a')).toThrow(/only ever closed/);
    move(db, 'f', 'a', 'float', 10000, null, '{"n100":1}');
    move(db, 'p', 'a', 'paid_out', 500, 'cleaner', null);
    move(db, 'k', 'a', 'count', 9000, null, '{"n50":1}');
    expect(() => db.prepare("UPDATE shifts SET closed_at = 'later', closed_seq = 3, expected_halalas = 9500, counted_halalas = 9000, difference_halalas = 0 WHERE id = 'a'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE shifts SET closed_at = 'later', closed_seq = NULL WHERE id = 'a'").run()).toThrow(/only ever closed|CHECK/);
    close(db, 'a', 9500, 9000);
    expect(db.prepare("SELECT difference_halalas FROM shifts WHERE id = 'a'").pluck().get()).toBe(-500);
    expect(() => close(db, 'a', 9000, 9000)).toThrow(/only ever closed/);
    expect(() => db.prepare("UPDATE shifts SET float_halalas = 1 WHERE id = 'a'").run()).toThrow(/only ever closed/);
    expect(() => db.prepare('DELETE FROM shifts').run()).toThrow(/never removed/);
    db.close();
  });

  it('keeps movements append-only, one float and one count per shift, none after the count', () => {
    const db = migrated();
    openShift(db, 'a', 1);
    move(db, 'f', 'a', 'float', 10000, null, '{"n100":1}');
    expect(() => move(db, 'f2', 'a', 'float', 10000, null, '{"n100":1}')).toThrow(/UNIQUE/);
    expect(() => move(db, 'x', 'a', 'paid_in', 0, 'nothing', null)).toThrow(/CHECK/);
    expect(() => move(db, 'y', 'a', 'paid_in', 100, null, null)).toThrow(/CHECK/);
    expect(() => move(db, 'z', 'a', 'loan', 100, 'r', null)).toThrow(/CHECK/);
    expect(() => move(db, 'w', 'nope', 'paid_in', 100, 'r', null)).toThrow(/FOREIGN KEY/);
    move(db, 'd', 'a', 'safe_drop', 5000, 'to the safe', null);
    expect(() => db.prepare("UPDATE shift_cash_movements SET amount_halalas = 1 WHERE id = 'd'").run()).toThrow(/never changed/);
    expect(() => db.prepare("DELETE FROM shift_cash_movements WHERE id = 'd'").run()).toThrow(/never removed/);
    move(db, 'k', 'a', 'count', 5000, null, '{"n50":1}');
    expect(() => move(db, 'late', 'a', 'paid_in', 100, 'late', null)).toThrow(/counted or closed/);
    db.close();
  });
});
