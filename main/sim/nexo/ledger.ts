// The simulator's own record: what it approved, declined, aborted and reversed, per SaleTransactionID, and how
// many Payment requests arrived for each. Optionally kept in a JSON file so it survives a restart of the till (or
// is read by a test after the simulator process has gone).
import fs from 'node:fs';
import type { SimLedger, SimTransaction } from './types';

export function emptyLedger(): SimLedger {
  return { transactions: [], paymentRequests: {}, requests: {}, serviceIds: [], counter: 0 };
}

export function loadLedger(file: string | undefined): SimLedger {
  if (!file || !fs.existsSync(file)) return emptyLedger();
  return { ...emptyLedger(), ...(JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SimLedger>) };
}

export function saveLedger(file: string | undefined, ledger: SimLedger): void {
  if (!file) return;
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(ledger));
  fs.renameSync(tmp, file);
}

/** The transaction a request with this SaleID/ServiceID created, in that category. */
export function byServiceId(ledger: SimLedger, saleId: string, serviceId: string, category: 'Payment' | 'Reversal'): SimTransaction | undefined {
  return ledger.transactions.find((t) => t.saleId === saleId && t.serviceId === serviceId && t.category === category);
}

/** The latest transaction with this SaleTransactionID (the till's reference). */
export function byTransactionId(ledger: SimLedger, transactionId: string): SimTransaction | undefined {
  for (let i = ledger.transactions.length - 1; i >= 0; i -= 1) if (ledger.transactions[i]!.transactionId === transactionId) return ledger.transactions[i];
  return undefined;
}

export function byPoiTransactionId(ledger: SimLedger, id: string): SimTransaction | undefined {
  return ledger.transactions.find((t) => t.poiTransactionId === id);
}

/** Without the stored response: what events and the CLI show. */
export function summary(tx: SimTransaction): Omit<SimTransaction, 'response'> {
  const { response: _response, ...rest } = tx;
  return rest;
}
