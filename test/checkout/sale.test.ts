import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCatalogCsv } from '../../main/catalog';
import { openDatabase } from '../../main/db';
import type { Sale } from '../../preload/contract';
import { ledgerFile } from '../../main/app';
import { verifyJournal } from '../../main/ledger';
import { DEMO, startTestTill, type TestTill } from '../support/till';

let t: TestTill;
beforeEach(async () => {
  t = await startTestTill();
});
afterEach(async () => {
  await t.close();
});

const journalTypes = (dir: string) => {
  const db = openDatabase(ledgerFile(dir), { readonly: true });
  try {
    // The sale's own entries (the ledger's format marker and signing key come first on a new till; the demo's
    // e-invoicing unit is made at start, and each sale's invoice is checked in test/einvoicing; the demo's shift,
    // opened by the first item, in test/shifts; the demo staff, in test/people).
    return db
      .prepare<[], { type: string }>("SELECT type FROM journal WHERE type NOT LIKE 'ledger.%' AND type NOT LIKE 'einvoice.%' AND type NOT LIKE 'shift.%' AND type NOT LIKE 'user.%' ORDER BY seq")
      .all()
      .map((r) => r.type);
  } finally {
    db.close();
  }
};

describe('ringing up a sale', () => {
  it('starts with an empty open sale', async () => {
    const sale = await t.call('getSale', {});
    expect(sale).toMatchObject({ status: 'open', lines: [], totals: { totalHalalas: 0 } });
  });

  it('adds scanned items, counts a rescan on the same line and keeps totals VAT-inclusive', async () => {
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    const sale = await t.call('scanBarcode', { barcode: ` ${DEMO.milk.barcode}\r\n` });
    expect(sale.lines.map((l) => [l.barcode, l.quantity])).toEqual([
      [DEMO.milk.barcode, 2],
      [DEMO.coffee.barcode, 1],
    ]);
    const total = 2 * DEMO.milk.price + DEMO.coffee.price;
    expect(sale.totals.totalHalalas).toBe(total);
    expect(sale.totals.vatHalalas).toBe(Math.round((total * 15) / 115));
    expect(sale.totals.subtotalHalalas + sale.totals.vatHalalas).toBe(total);
  });

  it('reports an unknown barcode and leaves the sale untouched', async () => {
    const before = await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
    const result = await t.attempt('scanBarcode', { barcode: '6280000099998' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BARCODE_UNKNOWN' } });
    if (!result.ok) {
      expect(result.error.message_ar).toMatch(/[\u0600-\u06ff]/);
      expect(result.error.message_en.length).toBeGreaterThan(5);
    }
    expect(await t.call('getSale', {})).toEqual(before);
  });

  it('tells a garbage scan and a wrong check digit apart from an unknown item', async () => {
    expect(await t.attempt('scanBarcode', { barcode: 'ضصثقفغ' })).toMatchObject({ ok: false, error: { code: 'BARCODE_MALFORMED' } });
    expect(await t.attempt('scanBarcode', { barcode: '6281000000015' })).toMatchObject({ ok: false, error: { code: 'BARCODE_CHECK_DIGIT' } });
    expect(await t.attempt('scanBarcode', { barcode: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.attempt('scanBarcode', { barcode: 'x'.repeat(65) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await t.call('getSale', {})).lines).toEqual([]);
  });

  it('rejects inputs that do not fit the contract', async () => {
    expect(await t.till.dispatch('scanBarcode', { barcode: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.till.dispatch('scanBarcode', { barcode: '1', extra: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.till.dispatch('dropTables', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await t.till.dispatch('setQuantity', { lineId: 'x', quantity: 1.5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.till.dispatch('tenderCash', { tenderedHalalas: 1e12 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('changes quantity and removes a line, journaling both', async () => {
    let sale = await t.call('scanBarcode', { barcode: DEMO.dates.barcode });
    sale = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    const [dates, water] = sale.lines;
    sale = await t.call('setQuantity', { lineId: dates!.lineId, quantity: 3 });
    expect(sale.lines[0]!.quantity).toBe(3);
    sale = await t.call('removeLine', { lineId: water!.lineId });
    expect(sale.lines.map((l) => l.barcode)).toEqual([DEMO.dates.barcode]);
    expect(sale.totals.totalHalalas).toBe(3 * DEMO.dates.price);
    expect(await t.attempt('removeLine', { lineId: water!.lineId })).toMatchObject({ ok: false, error: { code: 'LINE_UNKNOWN' } });
    expect(journalTypes(t.dir)).toEqual(['sale.opened', 'line.added', 'line.added', 'line.quantity_changed', 'line.removed']);
  });

  it('refuses an absurd sale instead of recording it', async () => {
    // A shop's own catalog can hold a very expensive item; three of them pass the till's 1,000,000 SAR cap.
    const db = openDatabase(ledgerFile(t.dir));
    const csv = 'barcode,name_ar,name_en,price_sar,vat_category,category_code,category_ar,category_en\n' +
      '6281999000002,سبيكة ذهب,Gold bar,400000.00,S,gold,ذهب,Gold\n';
    expect(importCatalogCsv(db, Buffer.from(csv), { mode: 'all-or-nothing' })).toMatchObject({ committed: true });
    db.close();
    const sale = await t.call('scanBarcode', { barcode: '6281999000002' });
    await t.call('setQuantity', { lineId: sale.lines[0]!.lineId, quantity: 2 });
    const result = await t.attempt('setQuantity', { lineId: sale.lines[0]!.lineId, quantity: 3 });
    expect(result).toMatchObject({ ok: false, error: { code: 'SALE_TOO_LARGE' } });
    expect((await t.call('getSale', {})).lines[0]!.quantity).toBe(2);
    expect(journalTypes(t.dir).filter((type) => type === 'line.quantity_changed')).toHaveLength(1);
  });

  it('keeps one quantity limit on every path: a rescan cannot push a line past 9,999 either', async () => {
    const sale = await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    await t.call('setQuantity', { lineId: sale.lines[0]!.lineId, quantity: 9999 });
    expect(await t.attempt('scanBarcode', { barcode: DEMO.water.barcode })).toMatchObject({ ok: false, error: { code: 'LINE_QUANTITY_LIMIT' } });
    // The contract's bound is a weighed line's (grams); a piece line keeps its own, in main.
    expect(await t.attempt('setQuantity', { lineId: sale.lines[0]!.lineId, quantity: 10_000 })).toMatchObject({ ok: false, error: { code: 'LINE_QUANTITY_LIMIT' } });
    expect(await t.attempt('setQuantity', { lineId: sale.lines[0]!.lineId, quantity: 100_001 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await t.call('getSale', {})).lines.map((l) => l.quantity)).toEqual([9999]);
  });

  it('voids a sale (journaled) and moves on to a fresh one', async () => {
    const first = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const next = await t.call('voidSale', {});
    expect(next.saleId).not.toBe(first.saleId);
    expect(next.lines).toEqual([]);
    expect(journalTypes(t.dir)).toContain('sale.voided');
  });
});

describe('taking cash', () => {
  it('rejects an under-tender and an empty sale, and changes nothing', async () => {
    expect(await t.attempt('tenderCash', { tenderedHalalas: 1000 })).toMatchObject({ ok: false, error: { code: 'SALE_EMPTY' } });
    await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    expect(await t.attempt('tenderCash', { tenderedHalalas: DEMO.coffee.price - 1 })).toMatchObject({ ok: false, error: { code: 'UNDER_TENDER' } });
    // 500 riyals or more of change is a slip (a barcode in the amount field): main refuses it too.
    expect(await t.attempt('tenderCash', { tenderedHalalas: DEMO.coffee.price + 50_000 })).toMatchObject({ ok: false, error: { code: 'CHANGE_TOO_LARGE' } });
    expect(await t.attempt('tenderCash', { tenderedHalalas: 12_345_600 })).toMatchObject({ ok: false, error: { code: 'CHANGE_TOO_LARGE' } });
    expect((await t.call('getSale', {})).lines).toHaveLength(1);
  });

  it('completes a sale durably with change, a receipt, an opened drawer and the next sale', async () => {
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const sale = await t.call('scanBarcode', { barcode: DEMO.coffee.barcode });
    const done = await t.call('tenderCash', { tenderedHalalas: 5000 });
    expect(done.changeHalalas).toBe(5000 - (DEMO.milk.price + DEMO.coffee.price));
    expect(done.drawer).toBe('opened');
    expect(done.receipt).toMatchObject({
      receiptNo: 'T01-000001',
      saleId: sale.saleId,
      totals: sale.totals,
      tenders: [{ kind: 'cash', amountHalalas: 3425, tenderedHalalas: 5000, changeHalalas: 1575 }],
    });
    expect(done.next.lines).toEqual([]);
    expect(done.next.saleId).not.toBe(sale.saleId);
    expect(await t.call('getReceipt', { receiptNo: 'T01-000001' })).toEqual(done.receipt);
    // The receipt's print jobs are journaled too (print.*); the sale's own entries come in this order.
    expect(journalTypes(t.dir).filter((type) => !type.startsWith('print.')).slice(-4)).toEqual([
      'tender.accepted',
      'sale.completed',
      'sale.opened',
      'drawer.kicked',
    ]);
    expect(journalTypes(t.dir)).toContain('print.queued');
  });

  it('numbers receipts per till without gaps, across restarts and voided sales', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await t.call('scanBarcode', { barcode: DEMO.water.barcode });
      if (i === 1) {
        await t.call('voidSale', {});
        await t.call('scanBarcode', { barcode: DEMO.water.barcode });
      }
      numbers.push((await t.call('tenderCash', { tenderedHalalas: 100 })).receipt.receiptNo);
      await t.restart();
    }
    expect(numbers).toEqual(['T01-000001', 'T01-000002', 'T01-000003']);
    expect(await t.attempt('getReceipt', { receiptNo: 'T01-000004' })).toMatchObject({ ok: false, error: { code: 'RECEIPT_UNKNOWN' } });
  });

  it('brings back the sale in progress exactly after a restart', async () => {
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const sale = await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
    await t.call('setQuantity', { lineId: sale.lines[1]!.lineId, quantity: 4 });
    const before = await t.call('getSale', {});
    await t.restart();
    expect(await t.call('getSale', {})).toEqual(before);
  });

  it('leaves a journal that verifies', async () => {
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    await t.call('tenderCash', { tenderedHalalas: 1000 });
    const db = openDatabase(ledgerFile(t.dir), { readonly: true });
    expect(verifyJournal(db)).toMatchObject({ ok: true });
    db.close();
  });
});

describe('events', () => {
  it('tells every subscriber when the sale changes', async () => {
    const seen: number[] = [];
    const unsubscribe = t.till.subscribe((event, payload) => {
      if (event === 'saleChanged') seen.push((payload as Sale).lines.length);
    });
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
    unsubscribe();
    await t.call('scanBarcode', { barcode: DEMO.water.barcode });
    expect(seen).toEqual([1, 2]);
  });
});

describe('sale completed event', () => {
  it('tells every view when a sale is paid, with its receipt and change', async () => {
    const completed: Array<{ receiptNo: string; change: number }> = [];
    t.till.subscribe((event, payload) => {
      if (event === 'saleCompleted') {
        const done = payload as { receipt: { receiptNo: string }; changeHalalas: number };
        completed.push({ receiptNo: done.receipt.receiptNo, change: done.changeHalalas });
      }
    });
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    await t.call('tenderCash', { tenderedHalalas: 1000 });
    expect(completed).toEqual([{ receiptNo: 'T01-000001', change: 350 }]);
  });
});

describe('single instance', () => {
  it('refuses a second till on the same data folder', async () => {
    const { startTill } = await import('../../main/app');
    await expect(startTill({ host: 'browser', dataDir: t.dir })).rejects.toMatchObject({ code: 'LEDGER_LOCKED' });
  });
});
