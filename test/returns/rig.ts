// A demo till for returns: the simulated mada terminal (SkyBand over an in-process stream) made here, so a
// test can script it and read its own record, and the demo's virtual printer. Shared by the returns tests.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Receipt } from '../../preload/contract';
import { ledgerFile } from '../../main/app';
import { createStreamTransport } from '../../main/payments/transport';
import { createTillSimulators, type TillSimulators } from '../../main/sim';
import { createSimulatedTerminal, type EcrSimulator } from '../../main/sim/ecr-terminal';
import { startTestTill, type TestTill } from '../support/till';

export const PIN = '1234';

export interface CardRig {
  readonly t: TestTill;
  readonly terminal: EcrSimulator;
  readonly sims: TillSimulators;
  query<T>(sql: string, ...params: unknown[]): T[];
  /** Rings the barcodes up and pays by card; with `cashLast`, that much of it in cash after the card. */
  sellByCard(barcodes: string[], cashLast?: number): Promise<Receipt>;
  /** A store credit voucher for one item's price: the item sold for cash, then returned to credit. Its number. */
  voucherFor(barcode: string): Promise<string>;
  /** Receipts and slips the virtual printer tore off so far. */
  printed(): number;
  drawerKicks(): number;
}

/** Starts a fresh rig before each test and closes it after; read it through the returned object. */
export function useCardRig(): CardRig {
  let t: TestTill;
  let terminal: EcrSimulator | null = null;
  let sims: TillSimulators;
  beforeEach(async () => {
    terminal = null;
    const base = createTillSimulators();
    sims = {
      ...base,
      madaEcr({ lrcMode, ackNak }) {
        const made = createSimulatedTerminal({ lrcMode, ackNak });
        terminal = made;
        return { transport: createStreamTransport((end) => made.serve(end)), close: () => made.close() };
      },
    };
    t = await startTestTill(undefined, { simulators: sims, providerCheckMs: 0 });
  });
  afterEach(async () => {
    await t.close();
  });
  return {
    get t() {
      return t;
    },
    get terminal() {
      if (!terminal) throw new Error('the till made no terminal');
      return terminal;
    },
    get sims() {
      return sims;
    },
    query<T>(sql: string, ...params: unknown[]): T[] {
      const db = new Database(ledgerFile(t.dir), { readonly: true });
      try {
        return db.prepare<unknown[], T>(sql).all(...params);
      } finally {
        db.close();
      }
    },
    async sellByCard(barcodes: string[], cashLast = 0) {
      let due = 0;
      for (const barcode of barcodes) due = (await t.call('scanBarcode', { barcode })).dueHalalas;
      const paid = await t.call('payCard', { amountHalalas: due - cashLast });
      expect(paid.outcome).toBe('approved');
      if (cashLast > 0) return (await t.call('tenderCash', { tenderedHalalas: cashLast })).receipt;
      return paid.completed!.receipt;
    },
    async voucherFor(barcode: string) {
      const rung = await t.call('scanBarcode', { barcode });
      const { receipt } = await t.call('tenderCash', { tenderedHalalas: rung.dueHalalas });
      const line = receipt.lines[0]!;
      const back = await t.call('returnSale', { receiptNo: receipt.receiptNo, lines: [{ lineId: line.lineId, quantity: line.quantity }], reason: 'expired', refundTo: 'credit', managerPin: PIN });
      const credit = back.refund.refunds.find((r) => r.kind === 'credit');
      if (!credit || credit.kind !== 'credit') throw new Error('the return gave no store credit');
      return credit.voucherNo;
    },
    printed: () => sims.currentPrinter()?.receipts.length ?? 0,
    drawerKicks: () => sims.currentPrinter()?.drawerKicks() ?? 0,
  };
}
