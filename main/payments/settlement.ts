// End of day at the terminal: its settlement (SkyBand B1, nexo reconciliation), journaled with the totals it
// reports so closing can reconcile them with the ledger's card tenders. A settlement that got no answer is
// journaled as such (the terminal may or may not have settled); one the terminal refused, with its code.
import type { SettlementSummary } from '../../preload/contract';
import type { Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import type { PaymentConnector } from './connector';

export async function settleTerminal(db: Db, journal: Journal, terminal: PaymentConnector): Promise<SettlementSummary> {
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();
  const result = await terminal.settle();
  if ('kind' in result && result.kind === 'unknown') {
    write(() => journal.append('terminal.settlement_unknown', { detail: result.detail }));
    throw new TillError('TERMINAL_UNREACHABLE', result.detail);
  }
  if ('kind' in result) {
    write(() => journal.append('terminal.settlement_refused', { responseCode: result.responseCode, message: result.message }));
    throw new TillError('SETTLEMENT_REFUSED', `${result.responseCode} ${result.message}`);
  }
  write(() => journal.append('terminal.settled', { ...result }));
  return { inBalance: result.inBalance, responseCode: result.responseCode, at: result.at, schemes: result.schemes };
}
