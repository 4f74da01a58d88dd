// The closing checklist (issue 15): what a manager makes sure of before the Z, read from the X report alone —
// payments resolved, the shift counted, the terminal settled (when cards were taken) and in agreement with the
// ledger, e-invoices reported, a verified backup since the period began; the Z's own printing follows the close.
// Pure: the X section shows it, the tests read it.
import type { PeriodReport } from '../../../preload/contract/closing';

export type CheckState = 'done' | 'todo' | 'warn' | 'not_needed';

export interface ClosingCheck {
  key: 'payments' | 'shift' | 'settlement' | 'einvoices' | 'backup';
  state: CheckState;
}

/** Card payments through the terminal in the period (STC Pay goes through its provider: nothing to settle). */
const tookCards = (r: PeriodReport): boolean => r.tenders.some((t) => t.kind === 'card' && t.scheme !== 'STCPAY') || r.refunds.some((t) => t.kind === 'card' && t.scheme !== 'STCPAY');

export function closingChecklist(r: PeriodReport): ClosingCheck[] {
  const settled = r.reconciliations.at(-1);
  const backupSince = r.lastBackup !== null && (r.from === null || r.lastBackup.at >= r.from);
  return [
    { key: 'payments', state: r.paymentsNeedingAttention.length === 0 ? 'done' : 'todo' },
    { key: 'shift', state: r.shiftOpen ? 'todo' : 'done' },
    { key: 'settlement', state: !tookCards(r) && !settled ? 'not_needed' : !settled ? 'todo' : settled.matched ? 'done' : 'warn' },
    { key: 'einvoices', state: r.einvoices.rejected > 0 ? 'warn' : r.einvoices.waiting > 0 ? 'todo' : 'done' },
    { key: 'backup', state: backupSince ? 'done' : 'todo' },
  ];
}
