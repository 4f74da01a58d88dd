// Reading and writing the sale tables. Only checkout uses this, always inside the transaction that also
// appends the matching journal entry.
import { z } from 'zod';
import { AppliedDiscount, CardTender, PriceOverride, Sale, SaleBuyer, SoldBy, VatCategory, type CashTender, type IntentSummary, type ParkedSale, type Receipt, type ReceiptSummary, type SaleLine } from '../../preload/contract';
import { parseJsonColumn, tableRow, type Db, type RowOf } from '../db';
import { canonicalJson } from '../ledger';
import { apportion, computeTotals, discountHalalas, lineTotalHalalas } from '../money';

/** What a card tender's `details` column holds. */
const CardTenderDetails = CardTender.pick({ reference: true, card: true });
/** A discount as its column (and its journal entry) holds it: what it takes off is computed when read. */
export const StoredDiscount = AppliedDiscount.omit({ halalas: true });
export type StoredDiscount = ReturnType<typeof StoredDiscount.parse>;

const SaleRow = tableRow(
  'sales',
  z.object({
    id: z.string(),
    status: Sale.shape.status,
    opened_at: z.string(),
    revision: z.number().int(),
    buyer: z.string().nullable(),
    discount: z.string().nullable(),
  }),
);
type SaleRow = RowOf<typeof SaleRow>;

const LineRow = tableRow(
  'sale_lines',
  z.object({
    id: z.string(),
    product_id: z.number().int(),
    barcode: z.string(),
    name_ar: z.string(),
    name_en: z.string(),
    unit_price_halalas: z.number().int(),
    quantity: z.number().int().positive(),
    vat_category: VatCategory,
    sold_by: SoldBy,
    discount: z.string().nullable(),
    price_override: z.string().nullable(),
  }),
);
type LineRow = RowOf<typeof LineRow>;

export interface NewLine {
  lineId: string;
  productId: number;
  barcode: string;
  nameAr: string;
  nameEn: string;
  unitPriceHalalas: number;
  /** Pieces, or grams when soldBy is `kg`. */
  quantity: number;
  vatCategory: SaleLine['vatCategory'];
  soldBy?: SoldBy;
}

/** The card payment in flight or unresolved for a sale, read from main/payments. */
export type PendingPayment = (saleId: string) => IntentSummary | null;

export function createSaleStore(db: Db, tillId: string, pricesIncludeVat: () => boolean, pendingPayment: PendingPayment) {
  const q = {
    // A parked sale is open too (docs/parked-sales.md): "the till's open sale" is the one not parked.
    openSale: SaleRow.select<[string]>(db, `WHERE till_id = ? AND status = 'open' AND parked_seq IS NULL`),
    parked: db.prepare<[string], { id: string; parked_at: string }>(
      `SELECT id, parked_at FROM sales WHERE till_id = ? AND status = 'open' AND parked_seq IS NOT NULL ORDER BY parked_seq DESC`,
    ),
    isParked: db.prepare<[string, string], { id: string }>(
      `SELECT id FROM sales WHERE id = ? AND till_id = ? AND status = 'open' AND parked_seq IS NOT NULL`,
    ),
    park: db.prepare(
      `UPDATE sales SET parked_seq = ?, parked_at = ?, revision = revision + 1 WHERE id = ? AND status = 'open' AND parked_seq IS NULL`,
    ),
    recall: db.prepare(
      `UPDATE sales SET parked_seq = NULL, parked_at = NULL, revision = revision + 1
       WHERE id = ? AND status = 'open' AND parked_seq IS NOT NULL`,
    ),
    saleById: SaleRow.select<[string]>(db, 'WHERE id = ?'),
    lines: LineRow.select<[string]>(db, 'WHERE sale_id = ? AND removed_seq IS NULL ORDER BY position'),
    insertSale: db.prepare(
      `INSERT INTO sales (id, till_id, status, opened_at, opened_seq) VALUES (?, ?, 'open', ?, ?)`,
    ),
    nextPosition: db.prepare<[string], { next: number }>(
      'SELECT COALESCE(MAX(position), 0) + 1 AS next FROM sale_lines WHERE sale_id = ?',
    ),
    insertLine: db.prepare(
      `INSERT INTO sale_lines (id, sale_id, position, product_id, barcode, name_ar, name_en, unit_price_halalas,
                               quantity, vat_category, sold_by, added_seq)
       VALUES (@lineId, @saleId, @position, @productId, @barcode, @nameAr, @nameEn, @unitPriceHalalas,
               @quantity, @vatCategory, @soldBy, @seq)`,
    ),
    setQuantity: db.prepare('UPDATE sale_lines SET quantity = ? WHERE id = ? AND removed_seq IS NULL'),
    setLineDiscount: db.prepare('UPDATE sale_lines SET discount = ? WHERE id = ? AND removed_seq IS NULL'),
    setLinePrice: db.prepare('UPDATE sale_lines SET unit_price_halalas = ?, price_override = ? WHERE id = ? AND removed_seq IS NULL'),
    setSaleDiscount: db.prepare(`UPDATE sales SET discount = ?, revision = revision + 1 WHERE id = ? AND status = 'open'`),
    removeLine: db.prepare('UPDATE sale_lines SET removed_seq = ? WHERE id = ? AND removed_seq IS NULL'),
    bump: db.prepare('UPDATE sales SET revision = revision + 1 WHERE id = ?'),
    setBuyer: db.prepare(`UPDATE sales SET buyer = ?, revision = revision + 1 WHERE id = ? AND status = 'open'`),
    close: db.prepare(
      `UPDATE sales SET status = @status, closed_at = @at, closed_seq = @seq, revision = revision + 1,
              subtotal_halalas = @subtotal, vat_halalas = @vat, total_halalas = @total
       WHERE id = @saleId AND status = 'open'`,
    ),
    insertTender: db.prepare(
      `INSERT INTO tenders (id, sale_id, kind, amount_halalas, tendered_halalas, change_halalas, seq, intent_id, details)
       VALUES (@tenderId, @saleId, @kind, @amountHalalas, @tenderedHalalas, @changeHalalas, @seq, @intentId, @details)`,
    ),
    cardTenders: db.prepare<[string], { intent_id: string; amount_halalas: number; details: string }>(
      `SELECT intent_id, amount_halalas, details FROM tenders
       WHERE sale_id = ? AND kind = 'card' AND reversed_seq IS NULL ORDER BY seq`,
    ),
    reverseTender: db.prepare('UPDATE tenders SET reversed_seq = ? WHERE intent_id = ? AND reversed_seq IS NULL'),
    liveCardTender: db.prepare<[string], { id: string }>('SELECT id FROM tenders WHERE intent_id = ? AND reversed_seq IS NULL'),
    nextReceiptNumber: db.prepare<[string], { next: number }>(
      'SELECT COALESCE((SELECT last_number FROM receipt_counters WHERE till_id = ?), 0) + 1 AS next',
    ),
    advanceCounter: db.prepare(
      `INSERT INTO receipt_counters (till_id, last_number) VALUES (?, ?)
       ON CONFLICT(till_id) DO UPDATE SET last_number = excluded.last_number
       WHERE excluded.last_number = receipt_counters.last_number + 1`,
    ),
    insertReceipt: db.prepare(
      `INSERT INTO receipts (receipt_no, till_id, number, sale_id, issued_at, body, seq)
       VALUES (@receiptNo, @tillId, @number, @saleId, @issuedAt, @body, @seq)`,
    ),
    history: db.prepare<[string, number, number], { receipt_no: string; issued_at: string; total: number; kinds: string; returned: number }>(
      `SELECT r.receipt_no, r.issued_at, s.total_halalas AS total,
              (SELECT COALESCE(SUM(x.total_halalas), 0) FROM returns x WHERE x.original_receipt_no = r.receipt_no) AS returned,
              (SELECT group_concat(DISTINCT CASE WHEN t.kind = 'card' AND json_extract(t.details, '$.card.scheme') = 'STCPAY'
                                                  THEN 'stcpay' ELSE t.kind END)
                 FROM tenders t WHERE t.sale_id = r.sale_id AND t.reversed_seq IS NULL) AS kinds
       FROM receipts r JOIN sales s ON s.id = r.sale_id
       WHERE r.till_id = ? AND r.number < ?
       ORDER BY r.number DESC LIMIT ?`,
    ),
    numberOf: db.prepare<[string], { number: number }>('SELECT number FROM receipts WHERE receipt_no = ?'),
    setCounter: db.prepare(
      `INSERT INTO receipt_counters (till_id, last_number) VALUES (?, ?)
       ON CONFLICT(till_id) DO UPDATE SET last_number = excluded.last_number`,
    ),
  };

  const toLine = (r: LineRow): SaleLine => {
    const base = lineTotalHalalas({ unitPriceHalalas: r.unit_price_halalas, quantity: r.quantity, soldBy: r.sold_by });
    const discount = r.discount === null ? null : parseJsonColumn(StoredDiscount, r.discount, `sale_lines.discount of ${r.id}`);
    const off = discount ? discountHalalas(discount.rule, base) : 0;
    return {
      lineId: r.id,
      productId: r.product_id,
      barcode: r.barcode,
      nameAr: r.name_ar,
      nameEn: r.name_en,
      quantity: r.quantity,
      unitPriceHalalas: r.unit_price_halalas,
      lineTotalHalalas: base - off,
      vatCategory: r.vat_category,
      // Piece lines read as they always did (no soldBy, no discount), so receipts issued before compare equal.
      ...(r.sold_by === 'kg' ? { soldBy: r.sold_by } : {}),
      ...(discount ? { discount: { ...discount, halalas: off } } : {}),
      ...(r.price_override === null ? {} : { priceOverride: parseJsonColumn(PriceOverride, r.price_override, `sale_lines.price_override of ${r.id}`) }),
    };
  };

  /** The sale's discount, spread over its lines (main/money/discount.ts); none: the lines as they are. */
  const withSaleDiscount = (row: SaleRow, lines: SaleLine[]): { lines: SaleLine[]; discount: AppliedDiscount | null } => {
    if (row.discount === null) return { lines, discount: null };
    const stored = parseJsonColumn(StoredDiscount, row.discount, `sales.discount of ${row.id}`);
    const totals = lines.map((l) => l.lineTotalHalalas);
    const off = discountHalalas(stored.rule, totals.reduce((a, b) => a + b, 0));
    const shares = apportion(off, totals);
    return { lines: lines.map((l, i) => ({ ...l, saleDiscountShareHalalas: shares[i]! })), discount: { ...stored, halalas: off } };
  };

  const cardTenders = (saleId: string): CardTender[] =>
    q.cardTenders.all(saleId).map((t) => {
      const details = parseJsonColumn(CardTenderDetails, t.details, `tenders.details of ${t.intent_id}`);
      return { kind: 'card', intentId: t.intent_id, amountHalalas: t.amount_halalas, reference: details.reference, card: details.card };
    });

  const assemble = (row: SaleRow): Sale => {
    const { lines, discount } = withSaleDiscount(row, q.lines.all(row.id).map(toLine));
    const totals = computeTotals(lines, pricesIncludeVat());
    const tenders = cardTenders(row.id);
    const paid = tenders.reduce((sum, t) => sum + t.amountHalalas, 0);
    return {
      saleId: row.id,
      status: row.status,
      openedAt: row.opened_at,
      lines,
      totals,
      tenders,
      dueHalalas: totals.totalHalalas - paid,
      payment: row.status === 'open' ? pendingPayment(row.id) : null,
      revision: row.revision,
      buyer: row.buyer === null ? null : parseJsonColumn(SaleBuyer, row.buyer, `sales.buyer of ${row.id}`),
      ...(discount ? { discount } : {}),
    };
  };

  return {
    openSale(): Sale | undefined {
      const row = q.openSale.get(tillId);
      return row && assemble(row);
    },
    sale(saleId: string): Sale | undefined {
      const row = q.saleById.get(saleId);
      return row && assemble(row);
    },
    /** This till's parked sales, newest first (whose each is, checkout adds). */
    parkedSales(): Omit<ParkedSale, 'cashier'>[] {
      return q.parked.all(tillId).map((r) => {
        const sale = this.sale(r.id)!;
        return { saleId: r.id, parkedAt: r.parked_at, lineCount: sale.lines.length, totalHalalas: sale.totals.totalHalalas };
      });
    },
    isParked: (saleId: string): boolean => q.isParked.get(saleId, tillId) !== undefined,
    park(saleId: string, at: string, seq: number) {
      if (q.park.run(seq, at, saleId).changes !== 1) throw new Error(`sale ${saleId} was not open`);
    },
    recall(saleId: string) {
      if (q.recall.run(saleId).changes !== 1) throw new Error(`sale ${saleId} was not parked`);
    },
    insertSale(saleId: string, openedAt: string, seq: number) {
      q.insertSale.run(saleId, tillId, openedAt, seq);
    },
    insertLine(saleId: string, line: NewLine, seq: number) {
      const position = q.nextPosition.get(saleId)!.next;
      q.insertLine.run({ ...line, soldBy: line.soldBy ?? 'each', saleId, position, seq });
      q.bump.run(saleId);
    },
    setQuantity(saleId: string, lineId: string, quantity: number) {
      q.setQuantity.run(quantity, lineId);
      q.bump.run(saleId);
    },
    /** Canonical JSON as the journal's replay writes it; null takes the discount off. */
    setLineDiscount(saleId: string, lineId: string, discount: StoredDiscount | null) {
      q.setLineDiscount.run(discount === null ? null : canonicalJson(discount), lineId);
      q.bump.run(saleId);
    },
    /** The unit price set by hand, with the catalog's price it replaced; null override: back to the catalog's. */
    setLinePrice(saleId: string, lineId: string, unitPriceHalalas: number, override: PriceOverride | null) {
      q.setLinePrice.run(unitPriceHalalas, override === null ? null : canonicalJson(override), lineId);
      q.bump.run(saleId);
    },
    setSaleDiscount(saleId: string, discount: StoredDiscount | null) {
      if (q.setSaleDiscount.run(discount === null ? null : canonicalJson(discount), saleId).changes !== 1) throw new Error(`sale ${saleId} was not open`);
    },
    removeLine(saleId: string, lineId: string, seq: number) {
      q.removeLine.run(seq, lineId);
      q.bump.run(saleId);
    },
    closeSale(sale: Sale, status: 'completed' | 'voided', at: string, seq: number) {
      const { subtotalHalalas: subtotal, vatHalalas: vat, totalHalalas: total } = sale.totals;
      const changed = q.close.run({ saleId: sale.saleId, status, at, seq, subtotal, vat, total }).changes;
      if (changed !== 1) throw new Error(`sale ${sale.saleId} was not open`);
    },
    nextReceiptNumber: (): number => q.nextReceiptNumber.get(tillId)!.next,
    lastReceiptNumber: (): number => q.nextReceiptNumber.get(tillId)!.next - 1,
    /** Only for a journaled decision (receipts.counter_raised / counter_set): the counter otherwise moves by one. */
    setReceiptCounter(last: number) {
      q.setCounter.run(tillId, last);
    },
    /** A tender paid at the counter: cash, or (kind 'credit') a store credit voucher's part, no change. */
    insertCashTender(saleId: string, tenderId: string, tender: CashTender, seq: number, kind: 'cash' | 'credit' = 'cash') {
      q.insertTender.run({ ...tender, kind, tenderId, saleId, seq, intentId: null, details: null });
    },
    insertCardTender(saleId: string, tenderId: string, tender: CardTender, seq: number) {
      q.insertTender.run({
        kind: 'card',
        amountHalalas: tender.amountHalalas,
        tenderedHalalas: tender.amountHalalas,
        changeHalalas: 0,
        tenderId,
        saleId,
        seq,
        intentId: tender.intentId,
        details: JSON.stringify({ reference: tender.reference, card: tender.card }),
      });
      q.bump.run(saleId);
    },
    hasLiveCardTender: (intentId: string): boolean => q.liveCardTender.get(intentId) !== undefined,
    reverseCardTender(saleId: string, intentId: string, seq: number): boolean {
      const changed = q.reverseTender.run(seq, intentId).changes === 1;
      if (changed) q.bump.run(saleId);
      return changed;
    },
    /** The business buyer of a standard invoice (canonical JSON, as the journal's replay writes it), or none. */
    setBuyer(saleId: string, buyer: SaleBuyer | null) {
      if (q.setBuyer.run(buyer === null ? null : canonicalJson(buyer), saleId).changes !== 1) throw new Error(`sale ${saleId} was not open`);
    },
    /** A change made elsewhere (a payment started or settled) still moves the sale's revision. */
    touch(saleId: string) {
      q.bump.run(saleId);
    },
    insertReceipt(receipt: Receipt, number: number, seq: number) {
      // The counter only moves by exactly one; anything else is a bug we want to fail the transaction.
      if (q.advanceCounter.run(tillId, number).changes !== 1) throw new Error(`receipt number ${number} is not next`);
      q.insertReceipt.run({
        receiptNo: receipt.receiptNo,
        tillId,
        number,
        saleId: receipt.saleId,
        issuedAt: receipt.issuedAt,
        body: JSON.stringify(receipt),
        seq,
      });
    },
    receiptSummaries(limit: number, beforeReceiptNo?: string) {
      const before = beforeReceiptNo ? (q.numberOf.get(beforeReceiptNo)?.number ?? 0) : Number.MAX_SAFE_INTEGER;
      return q.history.all(tillId, before, limit).map((r) => ({
        receiptNo: r.receipt_no,
        issuedAt: r.issued_at,
        totalHalalas: r.total,
        tenderKinds: (r.kinds ?? '').split(',').filter((k): k is TenderKind => (TENDER_KINDS as readonly string[]).includes(k)),
        returnedHalalas: r.returned,
      }));
    },
  };
}

export type SaleStore = ReturnType<typeof createSaleStore>;

type TenderKind = ReceiptSummary['tenderKinds'][number];
const TENDER_KINDS: readonly TenderKind[] = ['cash', 'card', 'stcpay'];
