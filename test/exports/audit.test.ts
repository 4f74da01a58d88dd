// The audit list read from a real till's ledger: the privileged acts newest first, paged without gaps or repeats,
// filtered by action, user and date; who did each act; and the filtered list exported as CSV.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../preload/contract';
import { ledgerFile } from '../../main/app';
import { createAuditReader } from '../../main/audit';
import { openDatabase } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { AUDIT_HEADER } from '../../main/exports';
import { DEMO_CASHIER } from '../../main/people';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';
import { parseCsv } from './csv-read';

const PIN = '1234';
const closers: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});
const scratch = tempDir('nuqta-audit-', { verifyLedger: false });
afterAll(() => scratch.cleanup());

async function till(): Promise<TestTill> {
  const t = await startTestTill();
  closers.push(() => t.close());
  return t;
}

async function allPages(t: TestTill, filter: { action?: AuditRow['action']; userId?: string; from?: string; to?: string }, limit: number): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  let cursor: number | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await t.call('listAudit', { ...filter, limit, managerPin: PIN, ...(cursor ? { cursor } : {}) });
    rows.push(...page.rows);
    if (page.nextCursor === null) return rows;
    cursor = page.nextCursor;
  }
  throw new Error('the pages never ended');
}

describe('the audit list', () => {
  it("lists a copy of a sale's receipt as a reprint: which receipt, who was signed in", async () => {
    const t = await till();
    // A copy may be printed from the locked screen too, so the call names nobody: the audit names who was signed in.
    await t.call('signOut', {});
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
    const due = (await t.call('scanBarcode', { barcode: DEMO.milk.barcode })).dueHalalas;
    const { receipt } = await t.call('tenderCash', { tenderedHalalas: due });
    expect(await allPages(t, { action: 'reprint' }, 10)).toEqual([]);
    const job = await t.call('reprintReceipt', { receiptNo: receipt.receiptNo });
    const rows = await allPages(t, { action: 'reprint' }, 10);
    expect(rows.map((r) => [r.type, r.detail, r.userId])).toEqual([['receipt.reprinted', `receipt ${receipt.receiptNo}`, DEMO_CASHIER.id]]);
    expect(job.copy).toBe('copy');
  });

  it('lists discounts and prices with who gave them and who approved them', async () => {
    const t = await till();
    const sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const lineId = sale.lines[0]!.lineId;
    await t.call('setLineDiscount', { lineId, discount: { rule: { kind: 'percent', percent: 5 }, reason: 'promotion' } });
    await t.call('overridePrice', { lineId, unitPriceHalalas: 500, reason: 'price_match', managerPin: PIN });
    const rows = await allPages(t, { action: 'discount' }, 10);
    expect(rows.map((r) => r.type)).toEqual(['line.price_set', 'line.discount_set']);
    expect(rows[0]!.detail).toContain('approved by Khalid (demo)');
    expect(rows[0]!.detail).toContain('price_match');
    expect(rows[1]!.detail).toContain('discount 5%');
    // Who was signed in: the demo cashier.
    expect(rows.every((r) => r.userId === DEMO_CASHIER.id)).toBe(true);
    // The approval itself is a manager's act.
    expect((await allPages(t, { action: 'manager_approval' }, 10)).map((r) => r.type)).toContain('manager.override');
  });

  it('reads the privileged acts of a real till newest first, pages them, filters them, exports them', async () => {
    const t = await till();
    const started = new Date().toISOString();
    // A line deleted, a sale with lines voided, a wrong manager PIN, the drawer opened, a setting changed, the till
    // locked and a wrong then a right sign-in, the day closed.
    const sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    await t.call('scanBarcode', { barcode: DEMO.bread.barcode });
    await t.call('removeLine', { lineId: sale.lines[0]!.lineId });
    await t.call('voidSale', {});
    expect((await t.attempt('getXReport', { managerPin: '9999' })).ok).toBe(false);
    await t.call('openDrawer', { managerPin: PIN, reason: '=HYPERLINK("http://evil","fix")' });
    const saved = await t.call('updateSettings', { managerPin: PIN, settings: { 'shopNameEn': 'Nuqta Audit Grocery' } });
    expect(saved.outcome).toBe('saved');
    await t.call('signOut', {});
    expect((await t.attempt('signIn', { pin: '0000' })).ok).toBe(false);
    await t.call('signIn', { pin: DEMO_CASHIER.pin });
    await t.call('closeDay', { managerPin: PIN });

    const all = await allPages(t, {}, 3);
    const types = all.map((r) => r.type);
    // Each approved act is preceded by its approval (manager.override: who asked, who approved).
    expect(types).toEqual([
      'closing.z',
      'manager.override',
      'people.signed_in',
      'people.pin_failed',
      'people.signed_out',
      'settings.changed',
      'manager.override',
      'drawer.opened_without_sale',
      'manager.override',
      'manager.pin_failed',
      'sale.voided',
      'line.removed',
      // The demo's staff, seeded at the first start.
      'user.added',
      'user.added',
    ]);
    // Newest first, each entry once across the pages.
    expect(all.map((r) => r.seq)).toEqual([...all.map((r) => r.seq)].sort((a, b) => b - a));
    expect(new Set(all.map((r) => r.seq)).size).toBe(all.length);

    const byType = (type: string) => all.find((r) => r.type === type)!;
    expect(byType('settings.changed')).toMatchObject({ action: 'settings', before: 'shopNameEn=Nuqta Demo Grocery', after: 'shopNameEn=Nuqta Audit Grocery' });
    expect(byType('sale.voided').detail).toMatch(/lines 1 · total \d+\.\d{2} SAR/);
    expect(byType('drawer.opened_without_sale').detail).toContain('=HYPERLINK');
    expect(byType('people.pin_failed').action).toBe('sign_in_failed');
    expect(byType('people.signed_in').userId).toBe(DEMO_CASHIER.id);
    // After the sign-in, an act without a name of its own is the signed-in user's; while locked, nobody's.
    expect(byType('closing.z').userId).toBe(DEMO_CASHIER.id);
    expect(byType('people.pin_failed').userId).toBeNull();
    // A sale's acts are its cashier's, though the demo started signed in without a sign-in entry.
    expect(byType('sale.voided').userId).toBe(DEMO_CASHIER.id);
    expect(byType('line.removed').userId).toBe(DEMO_CASHIER.id);
    // An act of a signed-in call is its caller's, as the entry itself records (\`actor\`): the demo cashier opened the
    // drawer with the manager's PIN.
    expect(byType('drawer.opened_without_sale').userId).toBe(DEMO_CASHIER.id);

    // Filters: an action, a user, dates.
    expect((await allPages(t, { action: 'sign_in_failed' }, 10)).map((r) => r.type)).toEqual(['people.pin_failed']);
    expect((await allPages(t, { action: 'void' }, 10)).map((r) => r.type)).toEqual(['sale.voided']);
    const cashiers = await allPages(t, { userId: DEMO_CASHIER.id }, 1);
    expect(cashiers.length).toBeGreaterThan(1);
    expect(cashiers.every((r) => r.userId === DEMO_CASHIER.id)).toBe(true);
    expect(cashiers.map((r) => r.type)).toContain('people.signed_out');
    expect(await allPages(t, { from: '2999-01-01' }, 10)).toEqual([]);
    expect(await allPages(t, { to: '2000-01-01' }, 10)).toEqual([]);
    expect((await allPages(t, { from: started.slice(0, 10), to: '2999-12-31' }, 50)).length).toBe(all.length);

    // Needs the manager PIN.
    expect((await t.attempt('listAudit', { limit: 5, managerPin: '9999' })).ok).toBe(false);

    // The filtered list as CSV: BOM, the header, every row, a formula typed as a reason escaped.
    const file = await t.call('exportAudit', { action: 'drawer', managerPin: PIN });
    expect(path.dirname(file.path)).toBe(path.join(t.dir, 'exports'));
    expect(file.fileName).toMatch(/^audit-drawer-\d{4}-\d{2}-\d{2}-\d{6}\.csv$/);
    const text = fs.readFileSync(file.path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...AUDIT_HEADER]);
    expect(rows).toHaveLength(2);
    expect(rows[1]![3]).toBe('drawer.opened_without_sale');
    expect(rows[1]![5]!.startsWith('outcome')).toBe(true);
    const everything = parseCsv(fs.readFileSync((await t.call('exportAudit', { managerPin: PIN })).path, 'utf8').slice(1));
    // The wrong PIN given to listAudit above is itself an act, now the newest.
    expect(everything.slice(1).map((r) => r[3])).toEqual(['manager.pin_failed', ...types]);
  });

  it('pages a user\'s acts through a long journal: the user filter reads on past batches of other users', () => {
    const file = path.join(scratch.dir, 'till.db');
    const db = openDatabase(file);
    closers.push(() => db.close());
    const journal = createJournal(db, 'T01');
    db.transaction(() => {
      journal.append('people.signed_in', { userId: 'sara', how: 'pin' });
      for (let i = 0; i < 3; i++) journal.append('line.removed', { saleId: `s${i}`, lineId: `l${i}`, productId: 'p', quantity: 1, lineTotalHalalas: 100 });
      journal.append('people.signed_out', { userId: 'sara', reason: 'lock' });
      journal.append('people.signed_in', { userId: 'omar', how: 'pin' });
      for (let i = 0; i < 450; i++) journal.append('line.removed', { saleId: `o${i}`, lineId: `m${i}`, productId: 'p', quantity: 1, lineTotalHalalas: 100 });
      journal.append('sale.voided', { saleId: 'empty', lineCount: 0, totalHalalas: 0 });
    }).immediate();
    expect(fs.existsSync(ledgerFile(scratch.dir))).toBe(true);
    const reader = createAuditReader(db);
    const first = reader.page({ userId: 'sara', limit: 2 });
    expect(first.rows.map((r) => [r.type, r.userId])).toEqual([
      ['people.signed_out', 'sara'],
      ['line.removed', 'sara'],
    ]);
    const second = reader.page({ userId: 'sara', limit: 2, cursor: first.nextCursor! });
    const third = reader.page({ userId: 'sara', limit: 2, cursor: second.nextCursor! });
    expect([...second.rows, ...third.rows].map((r) => r.type)).toEqual(['line.removed', 'line.removed', 'people.signed_in']);
    expect(third.nextCursor).toBeNull();
    // A void of an empty sale is no act: the newest row is Omar's last delete.
    expect(reader.page({ limit: 1 }).rows[0]).toMatchObject({ type: 'line.removed', userId: 'omar' });
    expect(reader.page({ userId: 'omar', limit: 500 }).rows).toHaveLength(451);
  });
});
