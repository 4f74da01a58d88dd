// A copy of a return's refund receipt, from the stored body (`returns.body`): the credit note marked "نسخة /
// COPY" as a sale's reprint is, with its lines, totals, the credit note's QR and — what a customer most often
// comes back for — a store credit voucher they lost (its number and barcode: the voucher's balance lives in the
// till, so a copy spends the same balance, never a second one). Journaled before it prints, as a sale's reprint
// is queued (`print.queued`, reason `reprint`) before it prints; the entry names who asked (the journal's actor).
// Printed at once like the refund receipt itself (a refund has no row in the print queue, whose jobs are sales'),
// and only the receipt: card refund slips are the terminal's record, not reprinted, as a sale's reprint has none.
import type { ErrorData, RefundReceipt } from '../../preload/contract';
import type { Db } from '../db';
import { errorData, TillError } from '../errors';
import type { Journal } from '../ledger';
import type { Block, ReceiptCopy } from '../printing';
import { REPRINT_ENTRY } from './entries';

export interface RefundReprintDeps {
  db: Db;
  journal: Journal;
  /** The stored refund receipt; throws RETURN_UNKNOWN. */
  refund(returnNo: string): RefundReceipt;
  /** The stored refund with its credit note's QR and clearance, as e-invoicing keeps them. */
  withCreditNote(refund: RefundReceipt): RefundReceipt;
  /** A standard credit note ZATCA has not cleared is not handed over yet, so it has no copy either. */
  handedOver(refund: RefundReceipt): boolean;
  printerConfigured(): boolean;
  blocks?: (refund: RefundReceipt, copy: ReceiptCopy) => Block[];
  printDocument?: (blocks: Block[]) => Promise<{ ok: true } | { ok: false; error: ErrorData }>;
}

export interface RefundReprint {
  returnNo: string;
  /** Null when the copy printed; the printer's error otherwise. */
  printError: ErrorData | null;
}

export async function reprintRefund(deps: RefundReprintDeps, returnNo: string): Promise<RefundReprint> {
  const refund = deps.withCreditNote(deps.refund(returnNo)); // RETURN_UNKNOWN before anything is written
  if (!deps.handedOver(refund)) throw new TillError('RETURN_NOT_CLEARED_YET', returnNo);
  if (!deps.blocks || !deps.printDocument) return { returnNo, printError: errorData('REFUND_RECEIPT_NOT_PRINTED') };
  const blocks = deps.blocks(refund, 'copy');
  // No printer: the printer's own answer (not configured), and nothing journaled, as a sale's reprint queues nothing.
  if (deps.printerConfigured()) {
    deps.db.transaction(() => deps.journal.append(REPRINT_ENTRY, { returnNo, receiptNo: refund.originalReceiptNo, copy: 'copy' })).immediate();
  }
  const printed = await deps.printDocument(blocks).catch((): { ok: false; error: ErrorData } => ({ ok: false, error: errorData('REFUND_RECEIPT_NOT_PRINTED') }));
  return { returnNo, printError: printed.ok ? null : printed.error };
}
