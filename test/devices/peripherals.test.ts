// The till's own wiring of the pole display and the serial scanner, through real pseudo-terminals.
import fs from 'node:fs';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { createPtyPair, type PtyPair } from '../../main/sim/ecr-terminal';
import { createPoleSim, startPoleSimPty, type PoleSimPty } from '../../main/sim/pole-display';
import type { EventPayload } from '../../preload/contract';
import { openSettings } from '../../main/settings';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function tillWith(patch: Parameters<ReturnType<typeof openSettings>['update']>[0]): Promise<TestTill> {
  const tmp = tempDir('nuqta-periph-');
  const db = openDatabase(ledgerFile(tmp.dir));
  openSettings(db).update(patch);
  db.close();
  const t = await startTestTill(tmp.dir);
  cleanups.push(() => tmp.cleanup(), () => t.till.close());
  return t;
}

describe('serial barcode scanner', () => {
  it('adds a scanned item, and a garbage scan reaches the views as scanRejected', async () => {
    const pair: PtyPair = await createPtyPair();
    cleanups.push(() => pair.close());
    const t = await tillWith({ serialScanner: { kind: 'serial', path: pair.tillPath, baudRate: 9600 } });
    const rejected: Array<EventPayload<'scanRejected'>> = [];
    t.till.subscribe((event, payload) => {
      if (event === 'scanRejected') rejected.push(payload as EventPayload<'scanRejected'>);
    });
    const scanner = new SerialPort({ path: pair.terminalPath, baudRate: 9600 });
    cleanups.push(() => new Promise<void>((r) => (scanner.isOpen ? scanner.close(() => r()) : r())));
    await new Promise<void>((r) => scanner.once('open', () => r()));
    scanner.write(`${DEMO.milk.barcode}\r`);
    await expect.poll(async () => (await t.call('getSale', {})).lines.map((l) => l.barcode), { timeout: 5000 }).toEqual([DEMO.milk.barcode]);
    scanner.write('6280000099998\r');
    await expect.poll(() => rejected.map((r) => r.error.code), { timeout: 5000 }).toEqual(['BARCODE_UNKNOWN']);
    expect(rejected[0]).toMatchObject({ source: 'serial_scanner', barcode: '6280000099998' });
  });
});

describe('pole display', () => {
  it('shows the last item and the total as the sale changes', async () => {
    const sim = createPoleSim();
    const pty: PoleSimPty = await startPoleSimPty(sim);
    cleanups.push(() => pty.close());
    const t = await tillWith({ poleDisplay: { kind: 'serial', path: pty.path, baudRate: 9600 } });
    await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    await expect.poll(() => sim.lines().join('|'), { timeout: 5000 }).toMatch(/SAR 27\.75/);
    await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    await expect.poll(() => sim.lines()[1], { timeout: 5000 }).toMatch(/28\.75/);
    expect(fs.existsSync(pty.path)).toBe(true);
  });

  it('tells the customer the till is in training, and clears it when the till leaves training', async () => {
    const sim = createPoleSim();
    const pty: PoleSimPty = await startPoleSimPty(sim);
    cleanups.push(() => pty.close());
    const t = await tillWith({ poleDisplay: { kind: 'serial', path: pty.path, baudRate: 9600 } });
    const heard: Array<EventPayload<'trainingChanged'>> = [];
    t.till.subscribe((event, payload) => {
      if (event === 'trainingChanged') heard.push(payload as EventPayload<'trainingChanged'>);
    });
    await t.call('setTraining', { on: true, managerPin: '1234' });
    expect((await t.call('getTill', {})).training).toBe(true);
    await expect.poll(() => sim.lines().join('|'), { timeout: 5000 }).toMatch(/TRAINING.*\|.*NOT A REAL SALE/);
    // The customer screen hears it too (it reads getTill again and shows the training mark).
    expect(heard).toEqual([{ training: true }]);
    await t.call('signIn', { pin: '1111' }); // nobody is signed in as training opens
    await t.call('setTraining', { on: false, managerPin: '1234' });
    expect((await t.call('getTill', {})).training).toBe(false);
    await expect.poll(() => sim.lines().join('|'), { timeout: 5000 }).not.toMatch(/TRAINING/);
    expect(heard).toEqual([{ training: true }, { training: false }]);
  });
});
