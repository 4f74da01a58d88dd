import { describe, expect, it } from 'vitest';
import type { PeriodReport } from '../../preload/contract/closing';
import { closingChecklist } from '../../renderer/admin/closing/checklist';

const base: PeriodReport = {
  tillId: 'T01', afterSeq: 0, uptoSeq: 10, from: '2026-12-05T06:00:00.000Z', to: '2026-12-05T20:00:00.000Z',
  receipts: { count: 1, first: 'T01-000001', last: 'T01-000001' }, salesHalalas: 1000, voids: { count: 0, halalas: 0 },
  returns: { count: 0, halalas: 0 }, discounts: { count: 0, halalas: 0 }, netHalalas: 1000, vat: [], tenders: [{ kind: 'cash', scheme: null, wallet: null, count: 1, amountHalalas: 1000 }],
  refunds: [], cash: { takenHalalas: 1000, refundedHalalas: 0 }, cashiers: [], shifts: [], shiftOpen: false, paymentsNeedingAttention: [],
  einvoices: { waiting: 0, rejected: 0 }, chainHead: { seq: 10, hash: 'h' }, reconciliations: [], lastBackup: { at: '2026-12-05T19:00:00.000Z', entries: 10 },
};
const states = (r: PeriodReport) => Object.fromEntries(closingChecklist(r).map((c) => [c.key, c.state]));
const settlement = (matched: boolean) => ({ settledAt: '2026-12-05T19:30:00Z', terminalInBalance: true, matched, schemes: [], differences: [] });

describe('the closing checklist', () => {
  it('is all done on a cash day with everything resolved and a backup since the period began', () => {
    expect(states(base)).toEqual({ payments: 'done', shift: 'done', settlement: 'not_needed', einvoices: 'done', backup: 'done' });
  });

  it('asks for what is left: a payment in doubt, an open shift, a settlement after card payments, e-invoices, a backup', () => {
    const open: PeriodReport = {
      ...base,
      tenders: [{ kind: 'card', scheme: 'MADA', wallet: null, count: 1, amountHalalas: 1000 }],
      paymentsNeedingAttention: [{ reference: 'T01-000002', kind: 'purchase', state: 'unknown', amountHalalas: 500 }],
      shiftOpen: true,
      einvoices: { waiting: 2, rejected: 0 },
      lastBackup: { at: '2026-12-04T23:30:00.000Z', entries: 5 },
    };
    expect(states(open)).toEqual({ payments: 'todo', shift: 'todo', settlement: 'todo', einvoices: 'todo', backup: 'todo' });
    expect(states({ ...open, reconciliations: [settlement(false)], einvoices: { waiting: 0, rejected: 1 } })).toMatchObject({ settlement: 'warn', einvoices: 'warn' });
    expect(states({ ...open, reconciliations: [settlement(false), settlement(true)] })).toMatchObject({ settlement: 'done' });
    // STC Pay alone needs no terminal settlement.
    expect(states({ ...base, tenders: [{ kind: 'card', scheme: 'STCPAY', wallet: null, count: 1, amountHalalas: 1000 }] }).settlement).toBe('not_needed');
    expect(states({ ...base, lastBackup: null }).backup).toBe('todo');
  });
});
