// Returns of what a receipt sold, line by line, approved by a manager with a reason from the list. A return is
// issued whole in one write transaction — the manager's approval, its number, the returned lines, the refund,
// its credit note (signed and chained like the sale's invoice) — so a crash leaves either all of it or none.
// The money goes back the way it came: a cash sale is refunded from the drawer (opened after the commit, like a
// sale's). Card and STC Pay sales are refunded through their payment (main/payments' refund): not here yet.
import { randomUUID } from 'node:crypto';
import type { DrawerOutcome, ErrorData, Receipt, RefundReceipt, ReturnableReceipt, ReturnInput, SaleLine, Tender } from '../../preload/contract';
import type { ManagerAuth } from '../auth';
import { writeRelaxed, type Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import { computeTotals } from '../money';
import type { TillSettings } from '../settings';
import { creditNoteReason, REASON_TEXT } from './reasons';
import { createReturnStore } from './store';

export const RETURN_ENTRY = 'return.issued';

export interface ReturnsDeps {
  db: Db;
  journal: Journal;
  settings: () => TillSettings;
  manager: ManagerAuth;
  /** A stored receipt as issued (checkout's reader). */
  receipt: (receiptNo: string) => Receipt;
  /** The credit note of the return, in the caller's transaction; null when e-invoicing is off; throws when it cannot be issued. */
  issueCreditNoteInTx?: (document: Receipt, note: { originalNumber: string; reason: string }) => { qr: string } | null;
  /** Opens the cash drawer (the printer's kick); throws when it cannot. Null: no printer. */
  openDrawer: (() => Promise<void>) | null;
  /** Prints the refund receipt (not queued: the stored refund can be printed again). */
  print?: (refund: RefundReceipt) => Promise<{ ok: true } | { ok: false; error: ErrorData }>;
  log?: { error(message: string, detail?: unknown): void };
  newId?: () => string;
}

export interface IssuedReturn {
  refund: RefundReceipt;
  drawer: DrawerOutcome;
  /** Null when the refund receipt printed; the printer's error otherwise (the return stands either way). */
  printError: ErrorData | null;
}

export function returnNumberText(tillId: string, number: number): string {
  return `${tillId}-R${String(number).padStart(6, '0')}`;
}

/**
 * Whether a receipt's prices included VAT, read from the receipt itself (the setting may have changed since):
 * with VAT-inclusive prices the lines add up to the total. A receipt without VAT reads the same either way.
 */
const pricesIncludedVat = (receipt: Receipt): boolean => receipt.lines.reduce((sum, l) => sum + l.lineTotalHalalas, 0) === receipt.totals.totalHalalas;

export function createReturns(deps: ReturnsDeps) {
  const { db, journal } = deps;
  const newId = deps.newId ?? randomUUID;
  const store = createReturnStore(db, () => deps.settings().tillId);

  const returnable = (receiptNo: string): ReturnableReceipt => {
    const receipt = deps.receipt(receiptNo);
    const returned = store.returnedQuantities(receiptNo);
    const returns = store.returnsOf(receiptNo);
    return {
      receiptNo,
      issuedAt: receipt.issuedAt,
      totalHalalas: receipt.totals.totalHalalas,
      refundedHalalas: returns.reduce((sum, r) => sum + r.totalHalalas, 0),
      lines: receipt.lines.map((line) => {
        const returnedQuantity = returned.get(line.lineId) ?? 0;
        return { line, returnedQuantity, returnableQuantity: Math.max(0, line.quantity - returnedQuantity) };
      }),
      returns,
    };
  };

  /** The returned lines as the refund lists them, checked against what is still returnable. */
  const returnedLines = (receipt: Receipt, input: ReturnInput): SaleLine[] => {
    const offer = returnable(receipt.receiptNo);
    if (offer.lines.every((l) => l.returnableQuantity === 0)) throw new TillError('RETURN_NOTHING_LEFT', receipt.receiptNo);
    const seen = new Set<string>();
    return input.lines.map(({ lineId, quantity }) => {
      const at = offer.lines.find((l) => l.line.lineId === lineId);
      if (!at || seen.has(lineId)) throw new TillError('RETURN_LINE_UNKNOWN', `${receipt.receiptNo} ${lineId}`);
      seen.add(lineId);
      if (quantity > at.returnableQuantity) throw new TillError('RETURN_QUANTITY_OVER', `${lineId}: ${quantity} > ${at.returnableQuantity}`);
      return { ...at.line, quantity, lineTotalHalalas: at.line.unitPriceHalalas * quantity };
    });
  };

  /** Inside the caller's transaction: the whole return, or a throw that rolls all of it back. */
  const issueInTx = (input: ReturnInput): RefundReceipt => {
    const settings = deps.settings();
    const receipt = deps.receipt(input.receiptNo);
    if (receipt.tenders.some((t) => t.kind !== 'cash')) throw new TillError('RETURN_CARD_PAYMENT', receipt.receiptNo);
    const lines = returnedLines(receipt, input);
    const totals = computeTotals(lines, pricesIncludedVat(receipt));
    const refunded = store.returnsOf(receipt.receiptNo).reduce((sum, r) => sum + r.totalHalalas, 0);
    // Each credit note rounds its own VAT (document level): parts of a receipt may add up a halala apart from
    // its total. Never more than the customer paid, though.
    if (refunded + totals.totalHalalas > receipt.totals.totalHalalas) {
      throw new TillError('RETURN_OVER_ORIGINAL', `${refunded} + ${totals.totalHalalas} > ${receipt.totals.totalHalalas}`);
    }
    const number = store.nextNumber();
    const returnNo = returnNumberText(settings.tillId, number);
    const refunds: Tender[] = [{ kind: 'cash', amountHalalas: totals.totalHalalas, tenderedHalalas: totals.totalHalalas, changeHalalas: 0 }];
    const id = newId();
    // Everything the refund receipt says is in the entry, so `ledger verify` rebuilds the stored body from it.
    const issue = {
      returnId: id,
      number,
      returnNo,
      tillId: settings.tillId,
      saleId: receipt.saleId,
      originalReceiptNo: receipt.receiptNo,
      reason: input.reason,
      shopNameAr: settings.shopNameAr,
      shopNameEn: settings.shopNameEn,
      vatNumber: settings.vatNumber,
      lines,
      totals,
      refunds,
    };
    const entry = journal.append(RETURN_ENTRY, issue);
    const refund = refundFromIssue(issue, entry.at);
    store.insert({ id, refund, number, seq: entry.seq });
    const document: Receipt = { ...receiptShapeOf(refund) };
    const note = deps.issueCreditNoteInTx?.(document, { originalNumber: receipt.receiptNo, reason: creditNoteReason(input.reason) }) ?? null;
    return note ? { ...refund, einvoiceQr: note.qr } : refund;
  };

  const openDrawer = async (refund: RefundReceipt): Promise<DrawerOutcome> => {
    let outcome: DrawerOutcome = 'failed';
    let reason: string | undefined;
    try {
      if (!deps.openDrawer) throw new Error('no printer configured');
      await deps.openDrawer();
      outcome = 'opened';
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
    }
    try {
      writeRelaxed(db, () => journal.append('drawer.kicked', { saleId: refund.saleId, returnNo: refund.returnNo, cause: 'refund', outcome, ...(reason ? { reason } : {}) }));
    } catch (e) {
      (deps.log ?? console).error('could not journal the drawer outcome', e);
    }
    return outcome;
  };

  return {
    /** A receipt's lines with what may still come back, for the return screen. */
    returnable,

    /** Issues a return: manager approval, refund, credit note; then the drawer opens and the refund receipt prints. */
    async returnSale(input: ReturnInput, managerPin: string): Promise<IssuedReturn> {
      deps.manager.check(managerPin);
      const refund = db.transaction(() => {
        journal.append('manager.authorised', { action: 'returnSale', receiptNo: input.receiptNo, reason: input.reason });
        return issueInTx(input);
      }).immediate();
      const drawer = await openDrawer(refund);
      const printed = deps.print ? await deps.print(refund) : { ok: true as const };
      return { refund, drawer, printError: printed.ok ? null : printed.error };
    },

    /** A stored refund receipt with its credit note's QR, as printed. */
    refund(returnNo: string, qrFor?: (number: string) => string | null): RefundReceipt {
      const refund = store.refund(returnNo);
      const qr = qrFor?.(returnNo);
      return qr ? { ...refund, einvoiceQr: qr } : refund;
    },

    reasonText: (reason: RefundReceipt['reason']) => REASON_TEXT[reason],
  };
}

export type Returns = ReturnType<typeof createReturns>;

/** What a `return.issued` entry records: the whole refund receipt but the moment of issue, which is the entry's. */
export interface ReturnIssue {
  returnId: string;
  number: number;
  returnNo: string;
  tillId: string;
  saleId: string;
  originalReceiptNo: string;
  reason: RefundReceipt['reason'];
  shopNameAr: string;
  shopNameEn: string;
  vatNumber: string;
  lines: RefundReceipt['lines'];
  totals: RefundReceipt['totals'];
  refunds: RefundReceipt['refunds'];
}

/** One function for the return that issues it and for `ledger verify`: the key order is the stored body's. */
export function refundFromIssue(issue: ReturnIssue, issuedAt: string): RefundReceipt {
  return {
    returnNo: issue.returnNo,
    tillId: issue.tillId,
    saleId: issue.saleId,
    originalReceiptNo: issue.originalReceiptNo,
    issuedAt,
    reason: issue.reason,
    shopNameAr: issue.shopNameAr,
    shopNameEn: issue.shopNameEn,
    vatNumber: issue.vatNumber,
    lines: issue.lines,
    totals: issue.totals,
    refunds: issue.refunds,
  };
}

/** The refund as the e-invoice builder and the receipt layout read a document: its number, lines, totals, tenders. */
function receiptShapeOf(refund: RefundReceipt): Receipt {
  return {
    receiptNo: refund.returnNo,
    tillId: refund.tillId,
    saleId: refund.saleId,
    issuedAt: refund.issuedAt,
    shopNameAr: refund.shopNameAr,
    shopNameEn: refund.shopNameEn,
    vatNumber: refund.vatNumber,
    lines: refund.lines,
    totals: refund.totals,
    tenders: refund.refunds,
  };
}
