// Store credit vouchers on a real ledger file: issued and redeemed with their journal entries in one transaction,
// refused with the reason a cashier can give, and `ledger verify` replaying them — a balance edited by hand, a
// voucher made active again or one no entry issued is found. The return that issues a voucher is the returns
// tests'; here the issuing return is only named (foreign keys off: its row is not the point).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEDGER_PROJECTIONS } from '../../main/app';
import { createStoreCredit, groupedVoucherNumber, newVoucherNumber, readVoucherNumber, type StoreCredit } from '../../main/credit';
import { openDatabase, type Db } from '../../main/db';
import { createJournal, verifyLedger } from '../../main/ledger';
import { tempDir } from '../support/tmp';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
let credit: StoreCredit;
beforeEach(() => {
  tmp = tempDir('nuqta-credit-', { verifyLedger: false });
  db = openDatabase(path.join(tmp.dir, 'till.db'));
  db.pragma('foreign_keys = OFF');
  credit = createStoreCredit({ db, journal: createJournal(db, 'T01') });
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

const verify = () => verifyLedger(db, { projections: LEDGER_PROJECTIONS });
const issue = (amountHalalas: number) => db.transaction(() => credit.issueInTx({ amountHalalas, returnNo: 'T01-R000001' }))();
const redeem = (voucherNo: string, amountHalalas: number) =>
  db.transaction(() => credit.redeemInTx({ voucherNo, amountHalalas, saleId: 's1', receiptNo: 'T01-000002' }))();
const voidIt = (voucherNo: string) => db.transaction(() => credit.voidInTx({ voucherNo, reason: 'lost' }))();
const entries = (type: string) => db.prepare<[string], { payload: string }>('SELECT payload FROM journal WHERE type = ?').all(type).map((r) => JSON.parse(r.payload) as Record<string, unknown>);

describe('voucher numbers', () => {
  it('are SC and 13 digits with a Luhn check digit: a typo is not a voucher, spaces and case do not matter', () => {
    const n = newVoucherNumber();
    expect(n).toMatch(/^SC\d{13}$/);
    expect(readVoucherNumber(n)).toBe(n);
    expect(readVoucherNumber(` ${groupedVoucherNumber(n).toLowerCase()} `)).toBe(n);
    const last = Number(n.at(-1));
    expect(readVoucherNumber(n.slice(0, -1) + String((last + 1) % 10))).toBeNull();
    // Two neighbouring digits swapped (when they differ) breaks the check too.
    const digits = [1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const made = newVoucherNumber(() => digits.shift()!);
    expect(readVoucherNumber(made)).toBe(made);
    expect(readVoucherNumber(`SC21${made.slice(4)}`)).toBeNull();
    expect(readVoucherNumber('6281234567890')).toBeNull();
    expect(groupedVoucherNumber(n)).toMatch(/^SC \d{4} \d{4} \d{4} \d$/);
  });
});

describe('store credit', () => {
  it('issues a voucher and redeems it in parts, each with its journal entry; used up when nothing is left', () => {
    const voucher = issue(5000);
    expect(voucher).toMatchObject({ issuedHalalas: 5000, balanceHalalas: 5000, state: 'active', returnNo: 'T01-R000001' });
    expect(entries('credit.issued')).toEqual([{ voucherNo: voucher.voucherNo, amountHalalas: 5000, returnNo: 'T01-R000001' }]);

    expect(redeem(voucher.voucherNo, 1250)).toMatchObject({ balanceHalalas: 3750, state: 'active' });
    expect(redeem(groupedVoucherNumber(voucher.voucherNo), 3750)).toMatchObject({ balanceHalalas: 0, state: 'used' });
    expect(entries('credit.redeemed').map((p) => [p.amountHalalas, p.balanceHalalas])).toEqual([
      [1250, 3750],
      [3750, 0],
    ]);
    expect(verify().ok).toBe(true);
  });

  it('refuses an unknown, used-up, voided or overdrawn voucher in both languages, and writes nothing', () => {
    const voucher = issue(1000);
    const before = db.prepare('SELECT COUNT(*) FROM journal').pluck().get();
    expect(() => redeem(voucher.voucherNo, 1001)).toThrow(expect.objectContaining({ code: 'CREDIT_OVER_BALANCE' }));
    expect(() => redeem(newVoucherNumber(), 100)).toThrow(expect.objectContaining({ code: 'CREDIT_UNKNOWN' }));
    expect(() => redeem('SC-nonsense', 100)).toThrow(expect.objectContaining({ code: 'CREDIT_UNKNOWN' }));
    expect(db.prepare('SELECT COUNT(*) FROM journal').pluck().get()).toBe(before);
    redeem(voucher.voucherNo, 1000);
    expect(() => redeem(voucher.voucherNo, 1)).toThrow(expect.objectContaining({ code: 'CREDIT_USED_UP' }));
    try {
      credit.usable(voucher.voucherNo);
    } catch (e) {
      const data = (e as { toData(): { message_ar: string; message_en: string } }).toData();
      expect(data.message_ar).toMatch(/[\u0600-\u06ff]/);
      expect(data.message_en).toMatch(/used up/);
    }
    const other = issue(700);
    db.prepare(`UPDATE store_credit SET state = 'voided' WHERE voucher_no = ?`).run(other.voucherNo);
    expect(() => credit.usable(other.voucherNo)).toThrow(expect.objectContaining({ code: 'CREDIT_VOIDED' }));
  });

  it('draws another number when one is taken already', () => {
    const numbers = ['SC0000000000000', 'SC0000000000000', 'SC1000000000009'];
    const fixed = createStoreCredit({ db, journal: createJournal(db, 'T01'), newNumber: () => numbers.shift()! });
    const a = db.transaction(() => fixed.issueInTx({ amountHalalas: 100, returnNo: 'T01-R000001' }))();
    const b = db.transaction(() => fixed.issueInTx({ amountHalalas: 200, returnNo: 'T01-R000002' }))();
    expect([a.voucherNo, b.voucherNo]).toEqual(['SC0000000000000', 'SC1000000000009']);
    expect(verify().ok).toBe(true);
  });

  it('keeps a voucher: never removed, its issue never changed, its balance never raised', () => {
    const voucher = issue(1000);
    expect(() => db.prepare('DELETE FROM store_credit').run()).toThrow(/never removed/);
    expect(() => db.prepare('UPDATE store_credit SET issued_halalas = 5000').run()).toThrow(/never changed/);
    redeem(voucher.voucherNo, 400);
    expect(() => db.prepare('UPDATE store_credit SET balance_halalas = 1000').run()).toThrow(/only goes down/);
  });
});

describe('voiding a voucher', () => {
  it('voids an active one with its journal entry and the balance it had; it pays no more; a used-up or voided one is refused', () => {
    const voucher = issue(3000);
    redeem(voucher.voucherNo, 1000);
    const voided = db.transaction(() => credit.voidInTx({ voucherNo: groupedVoucherNumber(voucher.voucherNo), reason: 'other', note: 'torn in half' }))();
    expect(voided).toMatchObject({ voucherNo: voucher.voucherNo, balanceHalalas: 2000, state: 'voided' });
    expect(entries('credit.voided')).toEqual([{ voucherNo: voucher.voucherNo, balanceHalalas: 2000, reason: 'other', note: 'torn in half' }]);
    expect(() => redeem(voucher.voucherNo, 100)).toThrow(expect.objectContaining({ code: 'CREDIT_VOIDED' }));
    expect(() => voidIt(voucher.voucherNo)).toThrow(expect.objectContaining({ code: 'CREDIT_VOIDED' }));
    // Migration 0310: nothing makes it active again, even by hand.
    expect(() => db.prepare(`UPDATE store_credit SET state = 'active' WHERE voucher_no = ?`).run(voucher.voucherNo)).toThrow(/never changes/);

    const used = issue(500);
    redeem(used.voucherNo, 500);
    const before = db.prepare('SELECT COUNT(*) FROM journal').pluck().get();
    expect(() => voidIt(used.voucherNo)).toThrow(expect.objectContaining({ code: 'CREDIT_USED_UP' }));
    expect(() => voidIt(newVoucherNumber())).toThrow(expect.objectContaining({ code: 'CREDIT_UNKNOWN' }));
    expect(db.prepare('SELECT COUNT(*) FROM journal').pluck().get()).toBe(before);
    expect(verify().ok).toBe(true);
  });
});

describe('ledger verify', () => {
  it('finds a voucher voided with no entry, and one the journal voided made active again', () => {
    const voucher = issue(3000);
    // Voided straight in the table: the journal says it still pays.
    db.prepare(`UPDATE store_credit SET state = 'voided' WHERE voucher_no = ?`).run(voucher.voucherNo);
    let report = verify();
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toMatch(/store_credit.*state is \\"voided\\", the journal says \\"active\\"/);

    const other = issue(700);
    voidIt(other.voucherNo);
    db.exec('DROP TRIGGER store_credit_voided_final');
    db.prepare(`UPDATE store_credit SET state = 'active' WHERE voucher_no = ?`).run(voucher.voucherNo);
    expect(verify().ok).toBe(true);
    db.prepare(`UPDATE store_credit SET state = 'active' WHERE voucher_no = ?`).run(other.voucherNo);
    report = verify();
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toMatch(/store_credit.*state is \\"active\\", the journal says \\"voided\\"/);
  });


  it('finds a lowered balance, a used voucher made active, and a voucher no entry issued', () => {
    const voucher = issue(3000);
    redeem(voucher.voucherNo, 1000);
    expect(verify().ok).toBe(true);

    // Spent behind the till's back (a balance only goes down, so the trigger lets it): the journal says 2000.
    db.prepare('UPDATE store_credit SET balance_halalas = 1500 WHERE voucher_no = ?').run(voucher.voucherNo);
    let report = verify();
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toMatch(/store_credit.*balance_halalas is 1500, the journal says 2000/);

    // Topped up past its trigger (dropped by whoever edits the file).
    db.exec('DROP TRIGGER store_credit_only_down');
    db.prepare('UPDATE store_credit SET balance_halalas = 2000 WHERE voucher_no = ?').run(voucher.voucherNo);
    expect(verify().ok).toBe(true);
    redeem(voucher.voucherNo, 2000);
    db.prepare(`UPDATE store_credit SET balance_halalas = 2000, state = 'active' WHERE voucher_no = ?`).run(voucher.voucherNo);
    report = verify();
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toMatch(/balance_halalas is 2000, the journal says 0/);
    db.prepare(`UPDATE store_credit SET balance_halalas = 0, state = 'used' WHERE voucher_no = ?`).run(voucher.voucherNo);
    expect(verify().ok).toBe(true);

    // A voucher written straight into the table, with no credit.issued.
    const seq = db.prepare('SELECT MAX(seq) FROM journal').pluck().get() as number;
    db.prepare(
      `INSERT INTO store_credit (voucher_no, issued_halalas, balance_halalas, return_no, created_at, state, issued_seq, updated_seq) VALUES ('SC0000000000000', 9900, 9900, 'T01-R000001', 'now', 'active', ?, ?)`,
    ).run(seq, seq);
    report = verify();
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).toMatch(/store_credit.*row\(s\) that no journal entry made/);
  });
});
