// Store credit vouchers (migration 0280). Only this domain writes store_credit, always inside the caller's
// transaction and with the journal entry that says so: a return issues a voucher in the transaction that issues
// the return; a sale redeems it in the transaction that completes the sale.
import type { Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import type { VoidReason } from '../../preload/contract';
import { CREDIT_ENTRY } from './entries';
import { newVoucherNumber, readVoucherNumber } from './voucher-number';

export type VoucherState = 'active' | 'used' | 'voided';

export interface Voucher {
  voucherNo: string;
  issuedHalalas: number;
  balanceHalalas: number;
  /** The return that issued it. */
  returnNo: string;
  createdAt: string;
  state: VoucherState;
}

type Row = {
  voucher_no: string;
  issued_halalas: number;
  balance_halalas: number;
  return_no: string;
  created_at: string;
  state: VoucherState;
};

const toVoucher = (r: Row): Voucher => ({
  voucherNo: r.voucher_no,
  issuedHalalas: r.issued_halalas,
  balanceHalalas: r.balance_halalas,
  returnNo: r.return_no,
  createdAt: r.created_at,
  state: r.state,
});

export interface StoreCreditDeps {
  db: Db;
  journal: Journal;
  /** Tests pass a fixed source to make a number collide. */
  newNumber?: () => string;
}

export function createStoreCredit(deps: StoreCreditDeps) {
  const { db, journal } = deps;
  const newNumber = deps.newNumber ?? (() => newVoucherNumber());
  const q = {
    get: db.prepare<[string], Row>('SELECT * FROM store_credit WHERE voucher_no = ?'),
    insert: db.prepare(
      `INSERT INTO store_credit (voucher_no, issued_halalas, balance_halalas, return_no, created_at, state, issued_seq, updated_seq)
       VALUES (?, ?, ?, ?, ?, 'active', ?, ?)`,
    ),
    void: db.prepare(`UPDATE store_credit SET state = 'voided', updated_seq = ? WHERE voucher_no = ? AND state = 'active' AND balance_halalas = ?`),
    spend: db.prepare(
      `UPDATE store_credit SET balance_halalas = ?, state = ?, updated_seq = ? WHERE voucher_no = ? AND state = 'active' AND balance_halalas = ?`,
    ),
  };

  /** A number no voucher has (a number that happens to exist already is drawn again). */
  const freeNumber = (): string => {
    let voucherNo = newNumber();
    for (let tries = 0; q.get.get(voucherNo); tries++) {
      if (tries >= 5) throw new Error('no free store credit voucher number');
      voucherNo = newNumber();
    }
    return voucherNo;
  };

  /** The voucher a typed or scanned number names, refused with the reason a cashier can tell the customer. */
  const usable = (text: string): Voucher => {
    const voucherNo = readVoucherNumber(text);
    const row = voucherNo ? q.get.get(voucherNo) : undefined;
    if (!row) throw new TillError('CREDIT_UNKNOWN', text);
    if (row.state === 'voided') throw new TillError('CREDIT_VOIDED', row.voucher_no);
    if (row.state === 'used') throw new TillError('CREDIT_USED_UP', row.voucher_no);
    return toVoucher(row);
  };

  return {
    /** A voucher by its number as typed or scanned; null when there is none. */
    find(text: string): Voucher | null {
      const voucherNo = readVoucherNumber(text);
      const row = voucherNo ? q.get.get(voucherNo) : undefined;
      return row ? toVoucher(row) : null;
    },

    /**
     * A number for a voucher about to be issued, in the caller's transaction: the return's refund names it
     * before the return (which the voucher row points at) is written.
     */
    freeNumber,

    /** A voucher that can still pay, or the reason it cannot (unknown, used up, voided). */
    usable,

    /**
     * In the caller's transaction (the return's, after its row): a new voucher for what the return gave back as
     * store credit, under `voucherNo` when the refund named it already (freeNumber), else a new number.
     */
    issueInTx(input: { amountHalalas: number; returnNo: string; voucherNo?: string }): Voucher {
      if (!Number.isInteger(input.amountHalalas) || input.amountHalalas <= 0) throw new Error(`store credit of ${input.amountHalalas}`);
      const voucherNo = input.voucherNo ?? freeNumber();
      if (q.get.get(voucherNo)) throw new Error(`store credit voucher ${voucherNo} exists already`);
      const entry = journal.append(CREDIT_ENTRY.issued, { voucherNo, amountHalalas: input.amountHalalas, returnNo: input.returnNo });
      q.insert.run(voucherNo, input.amountHalalas, input.amountHalalas, input.returnNo, entry.at, entry.seq, entry.seq);
      return toVoucher(q.get.get(voucherNo)!);
    },

    /**
     * In the caller's transaction (a manager's, approved): a voucher lost, stolen or issued in error pays no more.
     * Only an active one: a used-up voucher holds nothing, a voided one is voided already. The entry keeps the
     * balance it had, which the shop no longer owes its bearer.
     */
    voidInTx(input: { voucherNo: string; reason: VoidReason; note?: string }): Voucher {
      const voucher = usable(input.voucherNo);
      const entry = journal.append(CREDIT_ENTRY.voided, {
        voucherNo: voucher.voucherNo,
        balanceHalalas: voucher.balanceHalalas,
        reason: input.reason,
        ...(input.note ? { note: input.note } : {}),
      });
      const moved = q.void.run(entry.seq, voucher.voucherNo, voucher.balanceHalalas).changes;
      if (moved !== 1) throw new Error(`store credit ${voucher.voucherNo} changed under its void`);
      return toVoucher(q.get.get(voucher.voucherNo)!);
    },

    /**
     * In the caller's transaction (the sale's): takes `amountHalalas` off the voucher, never more than its
     * balance. What is left stays on it; nothing left and it is used.
     */
    redeemInTx(input: { voucherNo: string; amountHalalas: number; saleId: string; receiptNo: string }): Voucher {
      const voucher = usable(input.voucherNo);
      if (!Number.isInteger(input.amountHalalas) || input.amountHalalas <= 0) throw new Error(`store credit redeemed: ${input.amountHalalas}`);
      if (input.amountHalalas > voucher.balanceHalalas) throw new TillError('CREDIT_OVER_BALANCE', `${voucher.voucherNo}: ${input.amountHalalas} > ${voucher.balanceHalalas}`);
      const balance = voucher.balanceHalalas - input.amountHalalas;
      const entry = journal.append(CREDIT_ENTRY.redeemed, {
        voucherNo: voucher.voucherNo,
        amountHalalas: input.amountHalalas,
        balanceHalalas: balance,
        saleId: input.saleId,
        receiptNo: input.receiptNo,
      });
      const moved = q.spend.run(balance, balance === 0 ? 'used' : 'active', entry.seq, voucher.voucherNo, voucher.balanceHalalas).changes;
      if (moved !== 1) throw new Error(`store credit ${voucher.voucherNo} changed under the sale`);
      return toVoucher(q.get.get(voucher.voucherNo)!);
    },
  };
}

export type StoreCredit = ReturnType<typeof createStoreCredit>;
