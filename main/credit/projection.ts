// store_credit as the journal makes it, for `ledger verify` (main/ledger/replay.ts): `credit.issued` makes a
// voucher with its whole amount, each `credit.redeemed` takes its amount off, `credit.voided` voids an active one
// (with the balance it had). A balance edited by hand (a voucher
// topped up, a used one made active again) or a voucher no return issued disagrees with them.
import type { Db } from '../db';
import { compareRow, countRows, field, type Mismatch, type Projection } from '../ledger';
import { CREDIT_ENTRY } from './entries';

interface Expected {
  voucher_no: string;
  issued_halalas: number;
  balance_halalas: number;
  return_no: string;
  created_at: string;
  state: string;
  issued_seq: number;
  updated_seq: number;
}

export function storeCreditProjection(db: Db): Projection {
  const rows = new Map<string, Expected>();
  const hasTable = (db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'store_credit'").pluck().get() as number) > 0;
  const readRow = hasTable ? db.prepare<[string], Record<string, unknown>>('SELECT * FROM store_credit WHERE voucher_no = ?') : null;

  return {
    name: 'store credit',
    legacy: () => undefined,
    apply(e): Mismatch | undefined {
      if (e.type !== CREDIT_ENTRY.issued && e.type !== CREDIT_ENTRY.redeemed && e.type !== CREDIT_ENTRY.voided) return undefined;
      const voucherNo = field.str(e.payload, 'voucherNo');
      if (e.type === CREDIT_ENTRY.voided) {
        const row = rows.get(voucherNo);
        if (!row || row.state !== 'active' || field.num(e.payload, 'balanceHalalas') !== row.balance_halalas) {
          return { table: 'store_credit', key: voucherNo, what: 'a voucher voided that was not active with that balance', seq: e.seq };
        }
        row.state = 'voided';
        row.updated_seq = e.seq;
        return undefined;
      }
      const amount = field.num(e.payload, 'amountHalalas');
      if (e.type === CREDIT_ENTRY.issued) {
        if (rows.has(voucherNo)) return { table: 'store_credit', key: voucherNo, what: 'a voucher issued twice', seq: e.seq };
        rows.set(voucherNo, {
          voucher_no: voucherNo,
          issued_halalas: amount,
          balance_halalas: amount,
          return_no: field.str(e.payload, 'returnNo'),
          created_at: e.at,
          state: 'active',
          issued_seq: e.seq,
          updated_seq: e.seq,
        });
        return undefined;
      }
      const row = rows.get(voucherNo);
      if (!row || row.state !== 'active' || !(amount > 0) || amount > row.balance_halalas) {
        return { table: 'store_credit', key: voucherNo, what: 'store credit redeemed that the voucher did not hold', seq: e.seq };
      }
      row.balance_halalas -= amount;
      if (row.balance_halalas === 0) row.state = 'used';
      row.updated_seq = e.seq;
      return undefined;
    },
    finish() {
      if (!readRow) return rows.size === 0 ? undefined : { table: 'store_credit', key: '*', what: 'the journal issued vouchers but the table is missing' };
      for (const [voucherNo, row] of rows) {
        const m = compareRow('store_credit', voucherNo, { ...row }, readRow.get(voucherNo), row.updated_seq);
        if (m) return m;
      }
      return countRows(db, 'store_credit', rows.size);
    },
  };
}
