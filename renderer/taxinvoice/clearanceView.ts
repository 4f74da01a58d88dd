// What the clearance panel says and offers after a B2B sale, from where its standard invoice stands (main's
// TaxInvoiceState) and what this panel is waiting for. "Decided" means the invoice's fate is settled on screen
// (cleared, reported, or a simplified invoice issued instead): only then may a plain Enter move on to the next
// sale, so a scanner's Enter never hides a refusal or a wait the cashier has not seen. Pure.
import type { Clearance } from '../../preload/contract/buyer';
import type { ErrorData } from '../../preload/contract/schemas';
import type { TaxInvoiceState } from '../../preload/contract/tax-invoice';

export type ClearancePhase = 'clearing' | 'issuing' | 'cleared' | 'reported' | 'replaced' | 'rejected' | 'unreachable' | 'waiting' | 'failed';

export interface ClearanceInputs {
  /** The clearance the completed sale's receipt came with. */
  initial: Clearance;
  busy: 'clearing' | 'issuing' | null;
  /** Main's last answer, if any. */
  answer: TaxInvoiceState | null;
  /** The last call's refusal (the connection, or main's code), if the last call failed. */
  error: ErrorData | null;
}

export interface ClearanceView {
  phase: ClearancePhase;
  tryAgain: boolean;
  simplifiedInstead: boolean;
  decided: boolean;
}

const SETTLED = new Set<ClearancePhase>(['cleared', 'reported', 'replaced']);

export function clearanceView({ initial, busy, answer, error }: ClearanceInputs): ClearanceView {
  const clearance = answer?.clearance ?? initial;
  const phase: ClearancePhase = busy
    ? busy
    : error
      ? 'failed'
      : clearance === 'waiting'
        ? answer === null
          ? 'clearing' // about to ask (the panel asks ZATCA as it opens)
          : answer.problem
            ? 'unreachable'
            : 'waiting'
        : clearance;
  const open = clearance === 'waiting' || clearance === 'rejected';
  return {
    phase,
    // Asking again makes sense while ZATCA has not decided (a rejection is final: the same bytes would be refused).
    tryAgain: !busy && clearance === 'waiting' && (phase === 'unreachable' || phase === 'waiting' || phase === 'failed'),
    simplifiedInstead: !busy && open && phase !== 'clearing',
    decided: !busy && SETTLED.has(phase),
  };
}
