// Who did what (issue 14): every journal entry written for a contract call names the user signed in for it
// (`actor`, in the hashed payload), so a line change, a tender, a completed sale and a drawer opening are each
// attributed — and the ledger still verifies. Entries written outside any call (the till's start) name nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerFile, LEDGER_PROJECTIONS } from '../../main/app';
import { openDatabase } from '../../main/db';
import { verifyLedger } from '../../main/ledger';
import { DEMO_CASHIER, DEMO_MANAGER } from '../../main/people';
import { refundReceiptBlocks } from '../../main/printing/service/render-job';
import { DEMO_SETTINGS } from '../../main/settings';
import { DEMO, startTestTill, type TestTill } from '../support/till';

let t: TestTill;
beforeAll(async () => {
  t = await startTestTill();
});
afterAll(async () => {
  await t?.close();
});

const actors = (fromSeq: number) => {
  const db = openDatabase(ledgerFile(t.dir), { readonly: true });
  try {
    return db
      .prepare<[number], { type: string; actor: string | null }>(`SELECT type, json_extract(payload, '$.actor') AS actor FROM journal WHERE seq > ? ORDER BY seq`)
      .all(fromSeq);
  } finally {
    db.close();
  }
};
const head = () => {
  const db = openDatabase(ledgerFile(t.dir), { readonly: true });
  try {
    return db.prepare('SELECT MAX(seq) FROM journal').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('the user on every entry', () => {
  it('names the cashier on the sale, its lines and its tender, and the manager who signs in next on theirs', async () => {
    expect(actors(0).filter((e) => e.type === 'ledger.format').map((e) => e.actor)).toEqual([null]);
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
    const from = head();
    const sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    await t.call('setQuantity', { lineId: sale.lines[0]!.lineId, quantity: 2 });
    await t.call('tenderCash', { tenderedHalalas: 5000 });
    const cashier = actors(from);
    for (const type of ['line.added', 'line.quantity_changed', 'tender.accepted', 'sale.completed']) {
      expect(cashier.find((e) => e.type === type), type).toMatchObject({ actor: DEMO_CASHIER.id });
    }
    await t.call('signIn', { pin: DEMO_MANAGER.pin });
    const later = head();
    await t.call('openDrawer', { reason: 'change for the till' });
    const drawer = actors(later).filter((e) => e.type.startsWith('drawer.'));
    expect(drawer.length).toBeGreaterThan(0);
    for (const e of drawer) expect(e.actor).toBe(DEMO_MANAGER.id);

    const db = openDatabase(ledgerFile(t.dir), { readonly: true });
    try {
      expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS })).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  });

  it('names who issued a return on its refund receipt, printed and stored, and the ledger rebuilds it', async () => {
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const sold = (await t.call('tenderCash', { tenderedHalalas: 5000 })).receipt;
    await t.call('signIn', { pin: DEMO_MANAGER.pin });
    const issued = await t.call('returnSale', { receiptNo: sold.receiptNo, lines: [{ lineId: sold.lines[0]!.lineId, quantity: 1 }], reason: 'expired', managerPin: DEMO_MANAGER.pin });
    const manager = { id: DEMO_MANAGER.id, nameAr: DEMO_MANAGER.nameAr, nameEn: DEMO_MANAGER.nameEn };
    expect(issued.refund.cashier).toEqual(manager);
    const stored = openDatabase(ledgerFile(t.dir), { readonly: true });
    try {
      const body = stored.prepare<[string], string>('SELECT body FROM returns WHERE return_no = ?').pluck().get(issued.refund.returnNo)!;
      expect((JSON.parse(body) as { cashier?: unknown }).cashier).toEqual(manager);
    } finally {
      stored.close();
    }
    const printed = refundReceiptBlocks(issued.refund, DEMO_SETTINGS, { ar: 'منتهي الصلاحية', en: 'Expired' }, 'original');
    expect(printed).toContainEqual(expect.objectContaining({ kind: 'pair', labelEn: 'Cashier', value: DEMO_MANAGER.nameAr }));

    const db = openDatabase(ledgerFile(t.dir), { readonly: true });
    try {
      expect(verifyLedger(db, { projections: LEDGER_PROJECTIONS })).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  });
});
