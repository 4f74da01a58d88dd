// The sale tables as the journal makes them: sales, sale_lines, tenders, receipts (with their stored bodies) and
// receipt_counters, replayed from checkout's own entries for `ledger verify` (main/ledger/replay.ts). A sale's
// rows are final once it is completed or voided, so they are compared then and forgotten: a year of sales is
// checked without holding it in memory.
import type { Db } from '../db';
import { canonicalJson, compareRow, countRows, field, type Mismatch, type Projection, type ReplayEntry } from '../ledger';
import { receiptFromIssue, type ReceiptIssue } from './receipts';

interface ExpectedSale {
  row: Record<string, unknown>;
  lines: Map<string, Record<string, unknown>>;
  tenders: Map<string, Record<string, unknown>>;
  /** The card tender of each intent, to mark it reversed. */
  tenderOfIntent: Map<string, string>;
  receipt: { key: string; row: Record<string, unknown>; body: string } | null;
  nextPosition: number;
}

type Totals = { subtotalHalalas: number; vatHalalas: number; totalHalalas: number };

const totalsOf = (payload: Record<string, unknown>) => {
  const t = (payload.totals ?? {}) as Partial<Totals>;
  return { subtotal_halalas: t.subtotalHalalas ?? null, vat_halalas: t.vatHalalas ?? null, total_halalas: t.totalHalalas ?? null };
};

export function checkoutProjection(db: Db): Projection {
  const q = {
    sale: db.prepare<[string], Record<string, unknown>>('SELECT * FROM sales WHERE id = ?'),
    lines: db.prepare<[string], Record<string, unknown>>('SELECT * FROM sale_lines WHERE sale_id = ?'),
    tenders: db.prepare<[string], Record<string, unknown>>('SELECT * FROM tenders WHERE sale_id = ?'),
    receipt: db.prepare<[string], Record<string, unknown>>('SELECT * FROM receipts WHERE sale_id = ?'),
    counters: db.prepare<[], { till_id: string; last_number: number }>('SELECT till_id, last_number FROM receipt_counters'),
  };
  const open = new Map<string, ExpectedSale>();
  const legacy = new Set<string>();
  const counters = new Map<string, number>();
  const made = { sales: 0, sale_lines: 0, tenders: 0, receipts: 0 };
  const notes: string[] = [];

  /** Compares one sale's rows with what its entries made. */
  const compareSale = (saleId: string, sale: ExpectedSale): Mismatch | undefined => {
    const seq = sale.row.closed_seq as number | undefined;
    const found = compareRow('sales', saleId, sale.row, q.sale.get(saleId), seq ?? undefined);
    if (found) return found;
    const lines = new Map(q.lines.all(saleId).map((r) => [r.id as string, r]));
    if (lines.size !== sale.lines.size) return { table: 'sale_lines', key: saleId, what: `${lines.size} lines stored, the journal made ${sale.lines.size}` };
    for (const [id, row] of sale.lines) {
      const m = compareRow('sale_lines', id, row, lines.get(id));
      if (m) return m;
    }
    const tenders = new Map(q.tenders.all(saleId).map((r) => [r.id as string, r]));
    if (tenders.size !== sale.tenders.size) return { table: 'tenders', key: saleId, what: `${tenders.size} tenders stored, the journal made ${sale.tenders.size}` };
    for (const [id, { details, ...row }] of sale.tenders) {
      const actual = tenders.get(id);
      const m = compareRow('tenders', id, row, actual);
      if (m) return m;
      const stored = actual!.details;
      if (canonicalOrNull(stored) !== details) return { table: 'tenders', key: id, what: 'details differ from the journal (card, reference)' };
    }
    const receipt = q.receipt.get(saleId);
    if (!sale.receipt) return receipt ? { table: 'receipts', key: String(receipt.receipt_no), what: 'a receipt for a sale the journal never completed' } : undefined;
    const m = compareRow('receipts', sale.receipt.key, sale.receipt.row, receipt);
    if (m) return m;
    if (canonicalOrNull(receipt!.body) !== sale.receipt.body) {
      return { table: 'receipts', key: sale.receipt.key, what: 'the stored receipt body differs from the receipt the journal issued', seq: sale.receipt.row.seq as number };
    }
    return undefined;
  };

  const settle = (saleId: string): Mismatch | undefined => {
    const sale = open.get(saleId)!;
    open.delete(saleId);
    return compareSale(saleId, sale);
  };

  const apply = (e: ReplayEntry): Mismatch | undefined => {
    const p = e.payload;
    const saleId = field.str(p, 'saleId');
    if (legacy.has(saleId)) return undefined;
    if (e.type === 'receipts.counter_raised' || e.type === 'receipts.counter_set') {
      counters.set(field.str(p, 'tillId'), field.num(p, 'to'));
      const missing = Array.isArray(p.missing) ? p.missing.length : 0;
      if (missing > 0) {
        notes.push(`${missing} receipt(s) missing from the database, numbered on after them (entry ${e.seq}): ${(p.missing as Array<{ receiptNo?: string }>).map((m) => m.receiptNo).join(', ')}`);
      } else if (e.type === 'receipts.counter_set') {
        notes.push(`receipt numbering set by hand to go on after ${field.num(p, 'to')} (entry ${e.seq}): ${field.str(p, 'reason')}`);
      }
      return undefined;
    }
    if (e.type === 'sale.opened') {
      made.sales += 1;
      open.set(saleId, {
        row: {
          id: saleId,
          till_id: e.tillId,
          status: 'open',
          opened_at: e.at,
          opened_seq: e.seq,
          buyer: null,
          discount: null,
          cashier: p.cashier ? canonicalJson(p.cashier) : null,
          parked_seq: null,
          parked_at: null,
          closed_at: null,
          closed_seq: null,
          subtotal_halalas: null,
          vat_halalas: null,
          total_halalas: null,
        },
        lines: new Map(),
        tenders: new Map(),
        tenderOfIntent: new Map(),
        receipt: null,
        nextPosition: 1,
      });
      return undefined;
    }
    if (!e.type.startsWith('line.') && !e.type.startsWith('tender.') && !e.type.startsWith('sale.')) return undefined;
    const sale = open.get(saleId);
    if (!sale) return { table: 'sales', key: saleId, what: `${e.type} for a sale that is not open in the journal`, seq: e.seq };
    switch (e.type) {
      case 'line.added': {
        made.sale_lines += 1;
        const lineId = field.str(p, 'lineId');
        sale.lines.set(lineId, {
          id: lineId,
          sale_id: saleId,
          position: sale.nextPosition++,
          product_id: p.productId ?? null,
          barcode: p.barcode ?? null,
          name_ar: p.nameAr ?? null,
          name_en: p.nameEn ?? null,
          unit_price_halalas: p.unitPriceHalalas ?? null,
          quantity: p.quantity ?? null,
          vat_category: p.vatCategory ?? null,
          // Entries written before weighed goods name no soldBy: those lines were all pieces.
          sold_by: p.soldBy ?? 'each',
          discount: null,
          price_override: null,
          added_seq: e.seq,
          removed_seq: null,
        });
        return undefined;
      }
      case 'line.quantity_changed': {
        const line = sale.lines.get(field.str(p, 'lineId'));
        if (line && line.removed_seq === null) line.quantity = p.to ?? null;
        return undefined;
      }
      case 'line.discount_set': {
        const line = sale.lines.get(field.str(p, 'lineId'));
        if (line && line.removed_seq === null) line.discount = jsonOrNull(p.discount);
        return undefined;
      }
      case 'line.price_set': {
        const line = sale.lines.get(field.str(p, 'lineId'));
        if (line && line.removed_seq === null) Object.assign(line, { unit_price_halalas: p.to ?? null, price_override: jsonOrNull(p.override) });
        return undefined;
      }
      case 'sale.discount_set':
        sale.row.discount = jsonOrNull(p.discount);
        return undefined;
      case 'line.removed': {
        const line = sale.lines.get(field.str(p, 'lineId'));
        if (line && line.removed_seq === null) line.removed_seq = e.seq;
        return undefined;
      }
      case 'tender.accepted': {
        made.tenders += 1;
        const id = field.str(p, 'tenderId');
        sale.tenders.set(id, {
          id,
          sale_id: saleId,
          kind: p.kind ?? null,
          amount_halalas: p.amountHalalas ?? null,
          tendered_halalas: p.tenderedHalalas ?? null,
          change_halalas: p.changeHalalas ?? null,
          seq: e.seq,
          intent_id: null,
          reversed_seq: null,
          details: null,
        });
        return undefined;
      }
      case 'tender.attached': {
        made.tenders += 1;
        const id = field.str(p, 'tenderId');
        const intentId = field.str(p, 'intentId');
        sale.tenderOfIntent.set(intentId, id);
        sale.tenders.set(id, {
          id,
          sale_id: saleId,
          kind: 'card',
          amount_halalas: p.amountHalalas ?? null,
          tendered_halalas: p.amountHalalas ?? null,
          change_halalas: 0,
          seq: e.seq,
          intent_id: intentId,
          reversed_seq: null,
          details: canonicalJson({ reference: p.reference, card: p.card }),
        });
        return undefined;
      }
      case 'tender.reversed': {
        const tender = sale.tenders.get(sale.tenderOfIntent.get(field.str(p, 'intentId')) ?? '');
        if (tender && tender.reversed_seq === null) tender.reversed_seq = e.seq;
        return undefined;
      }
      case 'sale.buyer_set':
        sale.row.buyer = canonicalJson(p.buyer);
        return undefined;
      case 'sale.buyer_removed':
        sale.row.buyer = null;
        return undefined;
      case 'sale.cashier_set':
        sale.row.cashier = canonicalJson(p.cashier);
        return undefined;
      case 'sale.parked':
        if (sale.row.parked_seq !== null) return { table: 'sales', key: saleId, what: 'parked again while parked in the journal', seq: e.seq };
        Object.assign(sale.row, { parked_seq: e.seq, parked_at: e.at });
        return undefined;
      case 'sale.recalled':
        if (sale.row.parked_seq === null) return { table: 'sales', key: saleId, what: 'recalled while not parked in the journal', seq: e.seq };
        Object.assign(sale.row, { parked_seq: null, parked_at: null });
        return undefined;
      case 'sale.voided':
        Object.assign(sale.row, { status: 'voided', closed_at: e.at, closed_seq: e.seq, ...totalsOf(p) });
        return settle(saleId);
      case 'sale.completed': {
        Object.assign(sale.row, { status: 'completed', closed_at: e.at, closed_seq: e.seq, ...totalsOf(p) });
        const issue = p as unknown as ReceiptIssue;
        const tillId = field.str(p, 'tillId');
        const last = counters.get(tillId) ?? 0;
        if (issue.number !== last + 1) {
          return { table: 'receipts', key: String(issue.receiptNo), what: `receipt number ${issue.number} does not follow ${last}`, seq: e.seq };
        }
        counters.set(tillId, issue.number);
        made.receipts += 1;
        sale.receipt = {
          key: issue.receiptNo,
          row: { receipt_no: issue.receiptNo, till_id: tillId, number: issue.number, sale_id: saleId, issued_at: e.at, seq: e.seq },
          body: canonicalJson(receiptFromIssue(issue, e.at)),
        };
        return settle(saleId);
      }
      default:
        return undefined;
    }
  };

  return {
    name: 'sales',
    legacy(e) {
      if (e.type === 'sale.opened') legacy.add(field.str(e.payload, 'saleId'));
      // A legacy sale's receipt still counts in its till's numbering.
      if (e.type === 'sale.completed') {
        const tillId = e.tillId;
        counters.set(tillId, (counters.get(tillId) ?? 0) + 1);
      }
    },
    apply,
    warnings: () => notes,
    finish() {
      for (const saleId of [...open.keys()]) {
        const m = settle(saleId);
        if (m) return m;
      }
      const old = JSON.stringify([...legacy]);
      const notLegacy = 'sale_id NOT IN (SELECT value FROM json_each(?))';
      const counts: Array<[keyof typeof made, string]> = [
        ['sales', 'id NOT IN (SELECT value FROM json_each(?))'],
        ['sale_lines', notLegacy],
        ['tenders', notLegacy],
        ['receipts', notLegacy],
      ];
      for (const [table, where] of counts) {
        const m = countRows(db, table, made[table], where, [old]);
        if (m) return m;
      }
      const stored = new Map(q.counters.all().map((r) => [r.till_id, r.last_number]));
      for (const [tillId, last] of counters) {
        if (stored.get(tillId) !== last) {
          return { table: 'receipt_counters', key: tillId, what: `last_number is ${stored.get(tillId) ?? 'missing'}, the journal says ${last}` };
        }
      }
      for (const tillId of stored.keys()) {
        if (!counters.has(tillId)) return { table: 'receipt_counters', key: tillId, what: 'a counter the journal never moved' };
      }
      return undefined;
    },
  };
}

/** What an entry's object becomes in its column: canonical JSON, or null for none. */
const jsonOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : canonicalJson(value));

/** A JSON column in canonical form (sorted keys), or null when empty; unreadable JSON never equals an entry. */
function canonicalOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  try {
    return canonicalJson(JSON.parse(String(value)));
  } catch {
    return `unreadable:${String(value)}`;
  }
}
