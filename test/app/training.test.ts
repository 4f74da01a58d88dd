// Training mode end to end in one process, on real SQLite files: a manager switches the till into training,
// a trainee (refused on the live till) signs in and sells with TR- numbers on the training ledger, the printed
// receipt carries the watermark, and the live ledger — sales and chain head — is untouched until the till comes
// back to it with its own sale intact and the session journaled there.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS, ledgerFile } from '../../main/app';
import { checkPractice } from '../../main/app/practice';
import { trainingDirOf, trainingSettings } from '../../main/app/training';
import { openDatabase } from '../../main/db';
import { createJournal, verifyLedger } from '../../main/ledger';
import { createUsers } from '../../main/people';
import { decodeMonoPng, trainingBar } from '../../main/printing';
import { DEMO_SETTINGS, TillSettings } from '../../main/settings';
import { DEMO, startTestTill, type TestTill } from '../support/till';

const TRAINEE_PIN = '2468';
const MANAGER_PIN = '1234'; // the demo manager's

let t: TestTill;
beforeAll(async () => {
  t = await startTestTill();
  // A trainee, added as `nuqta user add` does: with the till stopped.
  await t.till.close();
  const db = openDatabase(ledgerFile(t.dir));
  try {
    createUsers(db, createJournal(db, 'T01')).add({ nameAr: 'متدرب', nameEn: 'Trainee', role: 'trainee', pin: TRAINEE_PIN }, 'test');
  } finally {
    db.close();
  }
  await t.restart();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

/** The live ledger as a file beside the till: its sales and its chain's head. */
function liveLedger(dir: string): { sales: number; head: { seq: number; hash: string }; training: string[] } {
  const db = new Database(ledgerFile(dir), { readonly: true });
  try {
    return {
      sales: db.prepare("SELECT COUNT(*) FROM journal WHERE type = 'sale.completed'").pluck().get() as number,
      head: db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string },
      training: (db.prepare("SELECT type FROM journal WHERE type LIKE 'training.%' ORDER BY seq").pluck().all() as string[]),
    };
  } finally {
    db.close();
  }
}

const sell = async (...barcodes: string[]) => {
  let due = 0;
  for (const barcode of barcodes) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
  return t.call('tenderCash', { tenderedHalalas: due + 350 });
};
const sellMilk = () => sell(DEMO.milk.barcode);

describe('training mode', () => {
  it('keeps the live ledger untouched while a trainee sells TR- receipts on the training ledger, watermarked', async () => {
    const live = await sellMilk();
    expect(live.receipt.receiptNo).toMatch(/^T01-\d{6}$/);
    // A trainee rings nothing on the live till.
    expect(await t.attempt('signIn', { pin: TRAINEE_PIN })).toMatchObject({ ok: false, error: { code: 'SIGN_IN_TRAINEE' } });
    expect((await t.call('getTill', {})).training).toBe(false);

    expect(await t.attempt('setTraining', { on: true, managerPin: '9999' })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    expect(await t.call('setTraining', { on: true, managerPin: MANAGER_PIN })).toEqual({ training: true });
    const info = await t.call('getTill', {});
    expect(info).toMatchObject({ training: true, tillId: 'TR-T01', simulated: true });
    const before = liveLedger(t.dir);
    expect(before.training).toEqual(['training.started']);

    // Nobody is signed in on the training till; the trainee may sign in there.
    expect(await t.attempt('scanBarcode', { barcode: DEMO.milk.barcode })).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    expect((await t.call('signIn', { pin: TRAINEE_PIN })).user).toMatchObject({ role: 'trainee' });
    const practice = await sell(DEMO.milk.barcode, DEMO.bread.barcode);
    expect(practice.changeHalalas).toBe(350);
    expect(practice.receipt.receiptNo).toMatch(/^TR-T01-\d{6}$/);
    expect(practice.receipt.cashier).toMatchObject({ nameEn: 'Trainee' });

    // The receipt as it prints: the watermark bar first and last.
    const image = await t.call('getReceiptImage', { receiptNo: practice.receipt.receiptNo });
    const printed = decodeMonoPng(Buffer.from(image.png.split(',')[1]!, 'base64'));
    const bar = trainingBar(printed.width);
    expect(bar.data.some((b) => b !== 0)).toBe(true);
    expect(Buffer.from(printed.data.subarray(0, bar.data.length)).equals(Buffer.from(bar.data))).toBe(true);
    expect(Buffer.from(printed.data.subarray(printed.data.length - bar.data.length)).equals(Buffer.from(bar.data))).toBe(true);

    // The live ledger did not move; the training one holds the sale.
    expect(liveLedger(t.dir)).toEqual(before);
    const training = new Database(ledgerFile(trainingDirOf(t.dir)), { readonly: true });
    try {
      const sales = training.prepare("SELECT payload FROM journal WHERE type = 'sale.completed'").pluck().all() as string[];
      expect(sales.map((p) => (JSON.parse(p) as { receiptNo: string }).receiptNo)).toEqual([practice.receipt.receiptNo]);
    } finally {
      training.close();
    }
    // The staff copied in replay like any user's entries: the training ledger verifies on its own.
    const replay = openDatabase(ledgerFile(trainingDirOf(t.dir)), { readonly: true });
    try {
      expect(verifyLedger(replay, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
      // Practice checked from the training journal: two items paid in cash with change, but no split tender;
      // and nothing done since the sale (its seq) passes nothing.
      const cash = checkPractice(replay, 'cash-with-change', 0);
      expect(cash.checks.map((c) => c.ok)).toEqual([true, true, true]);
      expect(checkPractice(replay, 'split-tender', 0).passed).toBe(false);
      const saleSeq = replay.prepare("SELECT MAX(seq) FROM journal WHERE type = 'sale.completed'").pluck().get() as number;
      expect(checkPractice(replay, 'cash-with-change', saleSeq).checks.map((c) => c.ok)).toEqual([false, false, false]);
    } finally {
      replay.close();
    }

    // A trainee cannot leave training; a manager signed in can, and the live till comes back with its sale.
    expect(await t.attempt('setTraining', { on: false, managerPin: MANAGER_PIN })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    await t.call('signIn', { pin: MANAGER_PIN });
    expect(await t.call('setTraining', { on: false, managerPin: MANAGER_PIN })).toEqual({ training: false });
    expect(await t.call('getTill', {})).toMatchObject({ training: false, tillId: 'T01' });
    expect((await t.call('getReceipt', { receiptNo: live.receipt.receiptNo })).receiptNo).toBe(live.receipt.receiptNo);
    expect(await t.attempt('getReceipt', { receiptNo: practice.receipt.receiptNo })).toMatchObject({ ok: false, error: { code: 'RECEIPT_UNKNOWN' } });
    const after = liveLedger(t.dir);
    expect(after.sales).toBe(before.sales);
    expect(after.training).toEqual(['training.started', 'training.ended']);
    expect(after.head.seq).toBeGreaterThan(before.head.seq);
    const liveDb = openDatabase(ledgerFile(t.dir), { readonly: true });
    try {
      expect(verifyLedger(liveDb, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
    } finally {
      liveDb.close();
    }
  }, 60_000);

  it('opens the live till after a restart in training, closing the session in its journal', async () => {
    await t.call('signIn', { pin: MANAGER_PIN });
    await t.call('setTraining', { on: true, managerPin: MANAGER_PIN });
    expect((await t.call('getTill', {})).training).toBe(true);
    await t.restart();
    expect((await t.call('getTill', {})).training).toBe(false);
    expect(liveLedger(t.dir).training.slice(-2)).toEqual(['training.started', 'training.ended']);
  }, 60_000);
});

describe('the training settings', () => {
  it('force every outside link onto the simulators and number with TR-, keeping the real printer', () => {
    const live = TillSettings.parse({
      ...DEMO_SETTINGS,
      tillId: 'RUH-0123456789AB',
      terminal: { ...DEMO_SETTINGS.terminal!, link: { kind: 'tcp', host: '10.0.0.9', port: 8888 }, signature: 'zeros' },
      printer: { profile: 'generic-80', link: { kind: 'tcp', host: '10.0.0.8', port: 9100 } },
      einvoicing: { platform: { kind: 'zatca', environment: 'production' }, standardInvoices: true },
      backups: { folder: '/mnt/usb', dailyAt: '23:30', atClosing: true, keep: 30 },
      updates: { policy: 'automatic', opensAt: '08:00', closesAt: '23:00', feedUrl: 'https://updates.example/feed' },
    });
    const training = TillSettings.parse(trainingSettings(live));
    expect(training.tillId).toBe('TR-RUH-012345678');
    expect(training.terminal).toMatchObject({ link: { kind: 'simulator' }, signature: 'simulator-sha256' });
    expect(training.stcPay?.link).toEqual({ kind: 'simulator' });
    expect(training.einvoicing?.platform).toEqual({ kind: 'simulator' });
    expect(training.printer).toEqual(live.printer);
    expect(training.backups).toMatchObject({ folder: null, dailyAt: null, atClosing: false });
    expect(training.updates).toMatchObject({ policy: 'off', feedUrl: null });
    expect(trainingSettings({ ...live, terminal: null, stcPay: null }).terminal).toBeNull();
  });
});
