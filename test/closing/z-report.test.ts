// The Z report on a real till: the day closed, numbered without gaps and kept, the next period starting empty;
// refused while a sale is on the till or a card payment is in doubt (unless a manager closes anyway, by name);
// and `ledger verify` holds a kept Z to the journal and to the period's own entries.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { openDatabase } from '../../main/db';
import { createJournal, verifyLedger } from '../../main/ledger';
import { createClosing, createPeriodReports, zReportBlocks } from '../../main/closing';
import { formatHalalas } from '../../main/printing';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';

const PIN = '1234';
const closers: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});
const scratch = tempDir('nuqta-z-tamper-', { verifyLedger: false });
afterAll(() => scratch.cleanup());

async function till(): Promise<TestTill> {
  const t = await startTestTill();
  closers.push(() => t.close());
  return t;
}

async function cashSale(t: TestTill, ...barcodes: string[]) {
  let due = 0;
  for (const barcode of barcodes) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
  return (await t.call('tenderCash', { tenderedHalalas: due })).receipt;
}

describe('the Z report', () => {
  it('closes the day: Z 1 with the day, the X after it empty, Z 2 with the next day only; kept and listed; the ledger verifies', async () => {
    const t = await till();
    const first = await cashSale(t, DEMO.milk.barcode, DEMO.bread.barcode);
    await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    await t.call('voidSale', {});
    const x = await t.call('getXReport', { managerPin: PIN });

    const closed = await t.call('closeDay', { managerPin: PIN });
    expect(closed.printError).toBeNull();
    expect(closed.z).toMatchObject({ number: 1, zNo: `${x.tillId}-Z000001`, acknowledgedBy: null });
    // One entry lies between the X and the Z: the manager's approval of the closing (manager.override).
    expect({ ...closed.z.report, to: x.to, chainHead: x.chainHead, uptoSeq: x.uptoSeq }).toEqual(x);
    expect(closed.z.report.uptoSeq).toBe(x.uptoSeq + 1);
    expect(closed.z.report.receipts).toEqual({ count: 1, first: first.receiptNo, last: first.receiptNo });
    // The demo cashier rang the sale up: her count and net, by name, on the Z and on its paper.
    expect(closed.z.report.cashiers).toEqual([{ cashierId: first.cashier!.id, nameAr: first.cashier!.nameAr, nameEn: first.cashier!.nameEn, count: 1, netHalalas: first.totals.totalHalalas }]);
    const paper = zReportBlocks(closed.z, { nameAr: 'متجر', nameEn: 'Shop', vatNumber: '300000000000003' });
    expect(paper).toContainEqual({ kind: 'pair', label: first.cashier!.nameAr, labelEn: '1 ×', value: formatHalalas(first.totals.totalHalalas) });

    const after = await t.call('getXReport', { managerPin: PIN });
    expect(after).toMatchObject({ receipts: { count: 0 }, salesHalalas: 0, voids: { count: 0, halalas: 0 }, tenders: [] });
    expect(after.afterSeq).toBeGreaterThan(closed.z.report.uptoSeq);

    const second = await cashSale(t, DEMO.dates.barcode);
    // The demo opened a shift by itself at the first sale (no float): counted and closed, its over/short is on the Z.
    expect((await t.call('getXReport', { managerPin: PIN })).shiftOpen).toBe(true);
    const shift = await t.call('closeShift', { count: { n50: 1 } });
    expect(shift.outcome).toMatch(/closed|needs-manager/);
    if (shift.outcome === 'needs-manager') await t.call('approveShiftClose', { managerPin: PIN, reason: 'عُدّ مرتين' });
    const z2 = (await t.call('closeDay', { managerPin: PIN })).z;
    expect(z2.report.shiftOpen).toBe(false);
    expect(z2.report.shifts).toEqual([
      { shiftNo: expect.stringMatching(/-S000001$/), expectedHalalas: shift.result.expectedHalalas, countedHalalas: 5000, differenceHalalas: 5000 - shift.result.expectedHalalas },
    ]);
    expect(z2.number).toBe(2);
    expect(z2.report.receipts).toEqual({ count: 1, first: second.receiptNo, last: second.receiptNo });
    expect(z2.report.salesHalalas).toBe(DEMO.dates.price);
    expect((await t.call('listZReports', { managerPin: PIN })).map((z) => z.number)).toEqual([2, 1]);
    const db = openDatabase(ledgerFile(t.dir), { readonly: true });
    try {
      expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
    } finally {
      db.close();
    }
  });

  it('is refused while a sale is on the till, and with a wrong PIN', async () => {
    const t = await till();
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const refused = await t.attempt('closeDay', { managerPin: PIN });
    expect(refused.ok ? null : refused.error.code).toBe('CLOSING_SALE_IN_PROGRESS');
    await t.call('voidSale', {});
    const wrong = await t.attempt('closeDay', { managerPin: '9999' });
    expect(wrong.ok ? null : wrong.error.code).toBe('MANAGER_PIN_WRONG');
    expect(await t.call('listZReports', { managerPin: PIN })).toEqual([]);
  });

  it('is refused while a card payment is in doubt, unless a manager closes anyway by name (the Z lists it and names them)', async () => {
    // A payment in doubt with no sale on the till (an orphan after a crash, say): the intents' attention list is
    // the payments domain's; here it holds one such payment, the rest is a real ledger.
    const tmp = tempDir('nuqta-z-doubt-', { verifyLedger: false });
    closers.push(() => tmp.cleanup());
    const db = openDatabase(ledgerFile(tmp.dir));
    closers.push(() => db.close());
    const journal = createJournal(db, 'T01');
    const inDoubt = { reference: 'T01-000042', kind: 'purchase' as const, state: 'orphaned' as const, amount_halalas: 3500 };
    const closing = createClosing({
      db,
      journal,
      reports: createPeriodReports({ db, journal, intents: { needsAttention: () => [inDoubt as never] }, tillId: () => 'T01' }),
      daily: { sales: () => expect.fail('no sales report here') },
      manager: {
        check: (pin) => {
          expect(pin).toBe(PIN);
          return null;
        },
      },
      tillId: () => 'T01',
      saleInProgress: () => false,
    });
    await expect(closing.closeDay({ managerPin: PIN })).rejects.toThrow(/CLOSING_PAYMENTS_IN_DOUBT: T01-000042/);
    expect(closing.recent()).toEqual([]);
    const closed = await closing.closeDay({ managerPin: PIN, acknowledgedBy: 'مدير المتجر' });
    expect(closed.z.acknowledgedBy).toBe('مدير المتجر');
    expect(closed.z.report.paymentsNeedingAttention).toEqual([{ reference: 'T01-000042', kind: 'purchase', state: 'orphaned', amountHalalas: 3500 }]);
    expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS }).ok).toBe(true);
  });

  it('ledger verify refuses a kept Z whose figures, period or existence were changed', async () => {
    const source = tempDir('nuqta-z-ledger-');
    closers.push(() => source.cleanup());
    const t = await startTestTill(source.dir);
    await cashSale(t, DEMO.milk.barcode);
    await t.call('closeDay', { managerPin: PIN });
    await t.close();
    let copies = 0;
    const tampered = (sql: string): string => {
      const dir = path.join(scratch.dir, `copy-${(copies += 1)}`);
      fs.mkdirSync(dir);
      fs.copyFileSync(ledgerFile(t.dir), ledgerFile(dir));
      const db = new Database(ledgerFile(dir));
      db.exec('DROP TRIGGER z_reports_no_update; DROP TRIGGER z_reports_no_delete;');
      db.exec(sql);
      db.close();
      return ledgerFile(dir);
    };
    const verify = (file: string) => {
      const db = openDatabase(file, { readonly: true });
      try {
        return verifyLedger(db, { projections: LEDGER_PROJECTIONS });
      } finally {
        db.close();
      }
    };
    expect(verify(ledgerFile(t.dir)).ok).toBe(true);
    const bodyEdited = verify(tampered(`UPDATE z_reports SET body = json_set(body, '$.salesHalalas', 1)`));
    expect(bodyEdited.ok).toBe(false);
    expect(JSON.stringify(bodyEdited)).toMatch(/z_reports .* Z 1: body/);
    const periodEdited = verify(tampered('UPDATE z_reports SET after_seq = 1'));
    expect(JSON.stringify(periodEdited)).toMatch(/after_seq is 1/);
    const removed = verify(tampered('DELETE FROM z_reports'));
    expect(JSON.stringify(removed)).toMatch(/z_reports.*Z 1.*the row is missing/);
  });
});
