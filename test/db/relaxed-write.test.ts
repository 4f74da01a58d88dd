import { describe, expect, it } from 'vitest';
import { openDatabase, writeRelaxed } from '../../main/db';
import { freshFile } from './support';

const at = freshFile();
const FULL = 2;
const NORMAL = 1;

describe('writeRelaxed (a commit without its own fsync, for notes that follow a durable one)', () => {
  it('commits under synchronous=NORMAL and puts the connection back to FULL', () => {
    const db = openDatabase(at.file);
    db.exec('CREATE TABLE notes (text TEXT NOT NULL)');
    let during = -1;
    writeRelaxed(db, () => {
      during = db.pragma('synchronous', { simple: true }) as number;
      db.prepare("INSERT INTO notes VALUES ('drawer opened')").run();
    });
    expect(during).toBe(NORMAL);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 1 });
    db.close();
  });

  it('rolls the whole transaction back when it throws, and still puts FULL back', () => {
    const db = openDatabase(at.file);
    db.exec('CREATE TABLE notes (text TEXT NOT NULL)');
    expect(() =>
      writeRelaxed(db, () => {
        db.prepare("INSERT INTO notes VALUES ('half')").run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
    db.close();
  });

  it("inside a caller's transaction leaves the sync to that transaction's commit", () => {
    const db = openDatabase(at.file);
    db.exec('CREATE TABLE notes (text TEXT NOT NULL)');
    let during = -1;
    db.transaction(() => {
      writeRelaxed(db, () => {
        during = db.pragma('synchronous', { simple: true }) as number;
        db.prepare("INSERT INTO notes VALUES ('inner')").run();
      });
    }).immediate();
    expect(during).toBe(FULL);
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 1 });
    db.close();
  });
});
