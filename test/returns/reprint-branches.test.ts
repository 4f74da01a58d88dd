// reprintReturn's refusals and its no-printer answer, on the function itself (reprint.ts): what is written and what
// is printed in each case. The printed copy on a real till is test/returns/reprint-return.test.ts.
import { describe, expect, it } from 'vitest';
import type { Db } from '../../main/db';
import { TillError } from '../../main/errors';
import type { Journal } from '../../main/ledger';
import type { Block } from '../../main/printing';
import { reprintRefund, type RefundReprintDeps } from '../../main/returns/reprint';
import type { RefundReceipt } from '../../preload/contract';

const REFUND = { returnNo: 'T01-R000003', originalReceiptNo: 'T01-000042' } as RefundReceipt;

function rig(over: Partial<RefundReprintDeps> = {}) {
  const entries: Array<{ type: string; payload: Record<string, unknown> }> = [];
  const printed: Block[][] = [];
  const copies: string[] = [];
  const db = { transaction: (fn: () => unknown) => ({ immediate: () => fn() }) } as unknown as Db;
  const journal = { append: (type: string, payload: Record<string, unknown>) => entries.push({ type, payload }) } as unknown as Journal;
  const deps: RefundReprintDeps = {
    db,
    journal,
    refund: (no) => {
      if (no !== REFUND.returnNo) throw new TillError('RETURN_UNKNOWN', no);
      return REFUND;
    },
    withCreditNote: (r) => r,
    handedOver: () => true,
    printerConfigured: () => true,
    blocks: (_r, copy) => {
      copies.push(copy);
      return [{ kind: 'text', text: copy, align: 'center' }];
    },
    printDocument: async (blocks) => {
      printed.push(blocks);
      return { ok: true };
    },
    ...over,
  };
  return { deps, entries, printed, copies };
}

describe('reprintReturn', () => {
  it('journals return.reprinted, then prints the copy', async () => {
    const r = rig();
    expect(await reprintRefund(r.deps, REFUND.returnNo)).toEqual({ returnNo: REFUND.returnNo, printError: null });
    expect(r.entries).toEqual([{ type: 'return.reprinted', payload: { returnNo: REFUND.returnNo, receiptNo: REFUND.originalReceiptNo, copy: 'copy' } }]);
    expect(r.copies).toEqual(['copy']);
    expect(r.printed).toHaveLength(1);
  });

  it('answers the printer’s error, the entry written (a copy was asked for)', async () => {
    const error = { code: 'PRINTER_PAPER_OUT', message_ar: 'نفد الورق', message_en: 'Paper out' };
    const r = rig({ printDocument: async () => ({ ok: false, error }) });
    expect(await reprintRefund(r.deps, REFUND.returnNo)).toEqual({ returnNo: REFUND.returnNo, printError: error });
    expect(r.entries).toHaveLength(1);
  });

  it('writes nothing without a printer, and answers what the printer side says', async () => {
    const error = { code: 'PRINTER_NOT_CONFIGURED', message_ar: 'لا طابعة', message_en: 'No printer' };
    const r = rig({ printerConfigured: () => false, printDocument: async () => ({ ok: false, error }) });
    expect((await reprintRefund(r.deps, REFUND.returnNo)).printError).toEqual(error);
    expect(r.entries).toEqual([]);
  });

  it('refuses an unknown return and a credit note ZATCA has not cleared, writing and printing nothing', async () => {
    const r = rig({ handedOver: () => false });
    await expect(reprintRefund(r.deps, 'T01-R999999')).rejects.toMatchObject({ code: 'RETURN_UNKNOWN' });
    await expect(reprintRefund(r.deps, REFUND.returnNo)).rejects.toMatchObject({ code: 'RETURN_NOT_CLEARED_YET' });
    expect(r.entries).toEqual([]);
    expect(r.printed).toEqual([]);
  });
});
