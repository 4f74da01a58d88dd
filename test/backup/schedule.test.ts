// The daily backup at the configured time in the till's time zone, a missed one caught up at start, never two at
// once, and nothing left running after close. The clock is injected (a fixed instant moving with real time), so
// "23:30 in Riyadh" is a few milliseconds away; nothing waits longer than that.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nextDailyRun, readLastBackup, type LastBackup } from '../../main/backup';
import { backupService, eventually, filesIn, ledgerWithSales, type Ledger } from './support';

let ledger: Ledger;
afterEach(() => ledger?.cleanup());

/** A clock that reads `at` now and runs on with real time. */
function clockFrom(at: string): () => Date {
  const base = Date.parse(at);
  const t0 = Date.now();
  return () => new Date(base + (Date.now() - t0));
}

function recordLastBackup(dir: string, at: string): void {
  const last: LastBackup = { at, file: '/elsewhere/nuqta-T01-old.db', reason: 'daily', bytes: 1, entries: 1, headHash: 'x' };
  fs.writeFileSync(path.join(dir, 'last-backup.json'), JSON.stringify(last));
}

const dailies = (folder: string) => filesIn(folder).filter((n) => n.endsWith('-daily.db'));

describe('nextDailyRun', () => {
  it('is the next time the till\'s own clock reads HH:MM, whatever zone the PC is in', () => {
    // Riyadh is UTC+3 all year: 23:30 there is 20:30 UTC.
    expect(nextDailyRun(new Date('2025-06-11T19:00:00Z'), '23:30', 'Asia/Riyadh').toISOString()).toBe('2025-06-11T20:30:00.000Z');
    expect(nextDailyRun(new Date('2025-06-11T20:30:00Z'), '23:30', 'Asia/Riyadh').toISOString()).toBe('2025-06-12T20:30:00.000Z');
    // 02:00 in Riyadh on the 12th is still the 11th in UTC.
    expect(nextDailyRun(new Date('2025-06-11T21:00:00Z'), '02:00', 'Asia/Riyadh').toISOString()).toBe('2025-06-11T23:00:00.000Z');
    // Across the end of a month and a year.
    expect(nextDailyRun(new Date('2025-12-31T21:00:00Z'), '01:00', 'Asia/Riyadh').toISOString()).toBe('2025-12-31T22:00:00.000Z');
    // A zone with daylight saving: Berlin is UTC+1 in winter, +2 in summer, either side of 30 March 2025.
    expect(nextDailyRun(new Date('2025-03-29T12:00:00Z'), '23:30', 'Europe/Berlin').toISOString()).toBe('2025-03-29T22:30:00.000Z');
    expect(nextDailyRun(new Date('2025-03-29T23:00:00Z'), '23:30', 'Europe/Berlin').toISOString()).toBe('2025-03-30T21:30:00.000Z');
  });
});

describe('the daily backup', () => {
  it('runs at dailyAt in the till\'s time zone, once', async () => {
    ledger = await ledgerWithSales(1);
    recordLastBackup(ledger.dir, '2025-06-11T08:00:00.000Z'); // this morning: nothing to catch up
    // 23:29:59.900 in Riyadh: the daily backup is 100 ms away.
    const s = backupService(ledger, { dailyAt: '23:30' }, { now: clockFrom('2025-06-11T20:29:59.900Z'), catchUpDelayMs: 0 });
    s.backups.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(dailies(ledger.folder)).toEqual([]);
    await eventually(() => dailies(ledger.folder).length === 1);
    const [name] = dailies(ledger.folder);
    expect(name).toMatch(/^nuqta-T01-20250611T20300\d\.\d{3}Z-daily\.db$/);
    await eventually(() => readLastBackup(ledger.dir)?.reason === 'daily');
    await new Promise((r) => setTimeout(r, 100));
    expect(dailies(ledger.folder)).toHaveLength(1);
    await s.close();
  });

  it('catches up a missed daily at start when the last verified backup is more than 24 h old', async () => {
    ledger = await ledgerWithSales(1);
    // The till was off at 23:30 yesterday; the last copy is from the day before. It is 10:00 now.
    recordLastBackup(ledger.dir, '2025-06-10T20:30:00.000Z');
    const s = backupService(ledger, { dailyAt: '23:30' }, { now: clockFrom('2025-06-12T07:00:00.000Z'), catchUpDelayMs: 10 });
    s.backups.start();
    await eventually(() => dailies(ledger.folder).length === 1);
    await eventually(() => s.entries('backup.made').length === 1);
    expect(s.entries('backup.made')[0]).toMatchObject({ reason: 'daily' });
    await s.close();
  });

  it('does not catch up when the last verified backup is recent, nor when there is no daily time', async () => {
    ledger = await ledgerWithSales(1);
    recordLastBackup(ledger.dir, '2025-06-11T20:30:00.000Z');
    const recent = backupService(ledger, { dailyAt: '23:30' }, { now: clockFrom('2025-06-12T07:00:00.000Z'), catchUpDelayMs: 0 });
    recent.backups.start();
    await new Promise((r) => setTimeout(r, 150));
    await recent.close();
    expect(filesIn(ledger.folder)).toEqual([]);

    fs.rmSync(path.join(ledger.dir, 'last-backup.json'));
    const none = backupService(ledger, { dailyAt: null }, { now: clockFrom('2025-06-12T07:00:00.000Z'), catchUpDelayMs: 0 });
    none.backups.start();
    await new Promise((r) => setTimeout(r, 150));
    await none.close();
    expect(filesIn(ledger.folder)).toEqual([]);
  });

  it('leaves nothing running after close: a daily due a moment later never runs', async () => {
    ledger = await ledgerWithSales(1);
    recordLastBackup(ledger.dir, '2025-06-11T08:00:00.000Z');
    const s = backupService(ledger, { dailyAt: '23:30' }, { now: clockFrom('2025-06-11T20:29:59.950Z'), catchUpDelayMs: 0 });
    s.backups.start();
    await s.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(filesIn(ledger.folder)).toEqual([]);
  });

  it('makes the closing copy at close when the settings ask, after a backup in progress, never beside it', async () => {
    ledger = await ledgerWithSales(2);
    let clock = Date.parse('2025-06-11T20:00:00.000Z');
    // Each reading of the clock an hour and more on: the closing copy is not skipped as too soon after the manual one.
    const s = backupService(ledger, { atClosing: true, dailyAt: null }, { now: () => new Date((clock += 3_700_000)), pagesPerStep: 1 });
    s.backups.start();
    const manual = s.backups.backupNow('manual');
    await s.close();
    await manual;
    const names = filesIn(ledger.folder);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/-manual\.db$/);
    expect(names[1]).toMatch(/-closing\.db$/);
  });
});
