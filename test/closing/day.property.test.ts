// Random days on a real demo till (real SQLite file, the simulated terminal and printer), driven through the
// dispatcher the shells use: a shift opened with a float, cash / card / split / store-credit sales, voids, parked
// sales recalled in a later shift, cash, card and store-credit returns (of sales of earlier shifts and periods too),
// paid-ins, paid-outs, safe drops, cashiers taking turns, blind counts over or short, new shifts, X and Z reports.
// The test keeps its own book of what the day did and holds the till's figures to it (docs/shifts.md):
// - each count's expected cash: float + cash taken − cash refunded + paid-in − paid-out − safe drops;
// - the X (at any moment) and each Z: receipts, sales, voids, returns, net, VAT, tenders, refunds, cash, shifts,
//   per cashier (summing to the net); a Z is the X read just before it; Zs numbered 1, 2, 3…; a Z right after a Z
//   is an empty one; nothing rung after a Z is in it;
// - the days from the daily totals (getSalesReport), the span at once and each day alone, add up to its Zs and the
//   open X, the clock moved on over midnights at random;
// - `ledger verify` passes at the end.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { CashCount, PeriodReport, Receipt, TenderTotal, VatTotal } from '../../preload/contract';
import { DENOMINATIONS } from '../../preload/contract';
import { DEMO, startTestTill, type TestTill } from '../support/till';

const MANAGER = '1234';
const CASHIER = '1111';
const ITEMS = [DEMO.milk, DEMO.bread, DEMO.dates, DEMO.coffee, DEMO.water];

// ---------- the scenario ----------

const items = fc.array(fc.integer({ min: 0, max: ITEMS.length - 1 }), { minLength: 1, maxLength: 3 });
const halalas5 = (min: number, max: number) => fc.integer({ min: min / 5, max: max / 5 }).map((n) => n * 5);
const step = fc.oneof(
  { weight: 5, arbitrary: fc.record({ k: fc.constant('cash' as const), items, extra: fc.oneof(fc.constant(0), halalas5(5, 5000)) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('card' as const), items }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('split' as const), items, cashShare: fc.double({ min: 0.05, max: 0.95, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('void' as const), items }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('park' as const), items }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('recall' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('voucher' as const), items, pick: fc.nat(), extra: fc.oneof(fc.constant(0), halalas5(5, 2000)) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('move' as const), kind: fc.constantFrom('paid_in' as const, 'paid_out' as const, 'safe_drop' as const), amount: halalas5(5, 5000) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('cashier' as const), pin: fc.constantFrom(MANAGER, CASHIER) }) },
  // The count, then a new shift with its float — or none: the demo opens one by itself (float 0) at the next sale,
  // return or payment (docs/shifts.md), a parked sale's payment included.
  { weight: 2, arbitrary: fc.record({ k: fc.constant('shift' as const), variance: halalas5(-1500, 1500), float: fc.option(halalas5(0, 50_000), { nil: undefined }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('return' as const), pick: fc.nat(), toCredit: fc.boolean(), all: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('x' as const) }) },
  // Time passes (the till's clock moved on): the next entries may fall on another business day.
  { weight: 1, arbitrary: fc.record({ k: fc.constant('later' as const), minutes: fc.integer({ min: 1, max: 30 * 60 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('z' as const), again: fc.boolean() }) },
  // A sale edited before it ends: the first line's quantity set, lines removed (all of them, maybe), then paid or voided.
  { weight: 2, arbitrary: fc.record({ k: fc.constant('edit' as const), items, quantity: fc.integer({ min: 1, max: 4 }), remove: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), end: fc.constantFrom('cash' as const, 'void' as const) }) },
  // A discounted cash sale: the first line's price lowered by hand to a share of the catalog's, and an amount off
  // the whole sale (at most 40 % of it: within a manager's own limit).
  { weight: 2, arbitrary: fc.record({ k: fc.constant('discounted' as const), items, priceShare: fc.option(fc.integer({ min: 0, max: 95 }), { nil: undefined }), saleOffShare: fc.integer({ min: 0, max: 40 }) }) },
  // A split whose card part the manager reverses: the sale then paid in cash alone.
  { weight: 1, arbitrary: fc.record({ k: fc.constant('reversed' as const), items, cashShare: fc.double({ min: 0.05, max: 0.95, noNaN: true }) }) },
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

// ---------- the test's own book ----------

interface SaleRec {
  receiptNo: string;
  total: number;
  cashier: string | null;
  /** Lines still returnable: line id, unit price, pieces left, whether a discount or a price by hand fell on it. */
  lines: Array<{ lineId: string; unit: number; left: number; discounted: boolean }>;
  /** What each means paid, and what returns gave back on the card and as credit so far (docs/returns.md). */
  paid: { cash: number; card: number; credit: number };
  cardBack: number;
  creditBack: number;
  /** What its returns gave back so far: all of it once every piece is back. */
  returned: number;
  scheme: string | null;
}

interface PeriodBook {
  receipts: string[];
  discounts: { count: number; halalas: number };
  sales: number;
  voids: { count: number; halalas: number };
  returns: { count: number; halalas: number };
  vat: Map<string, { taxable: number; vat: number }>;
  tenders: Map<string, { count: number; amount: number }>;
  refunds: Map<string, { count: number; amount: number }>;
  cash: { taken: number; refunded: number };
  cashiers: Map<string, { count: number; net: number }>;
  shifts: Array<{ expected: number; counted: number }>;
}

const emptyPeriod = (): PeriodBook => ({
  receipts: [],
  discounts: { count: 0, halalas: 0 },
  sales: 0,
  voids: { count: 0, halalas: 0 },
  returns: { count: 0, halalas: 0 },
  vat: new Map(),
  tenders: new Map(),
  refunds: new Map(),
  cash: { taken: 0, refunded: 0 },
  cashiers: new Map(),
  shifts: [],
});

const bump = (m: Map<string, { count: number; amount: number }>, key: string, amount: number) => {
  const v = m.get(key) ?? { count: 0, amount: 0 };
  v.count += 1;
  v.amount += amount;
  m.set(key, v);
};
const bumpVat = (m: PeriodBook['vat'], receipt: Pick<Receipt, 'totals'>, sign: 1 | -1) => {
  for (const b of receipt.totals.breakdown) {
    const key = `${b.category}:${b.ratePercent}`;
    const v = m.get(key) ?? { taxable: 0, vat: 0 };
    v.taxable += sign * b.taxableHalalas;
    v.vat += sign * b.vatHalalas;
    m.set(key, v);
  }
};
const tenderKey = (t: Pick<TenderTotal, 'kind' | 'scheme' | 'wallet'>) => `${t.kind}:${t.scheme ?? ''}:${t.wallet ?? ''}`;
const cashierBook = (p: PeriodBook, id: string | null) => {
  const key = id ?? '';
  const v = p.cashiers.get(key) ?? { count: 0, net: 0 };
  p.cashiers.set(key, v);
  return v;
};

/**
 * What a drawer holding `halalas` can be counted as: the smallest coin is 5 halalas, and a return of a discounted
 * sale can give back any halala (its share of the discount); a negative book (more paid out than it had) is empty.
 */
const countable = (halalas: number) => Math.max(0, Math.floor(halalas / 5) * 5);

/** A count of pieces that adds up to `halalas` (a multiple of 5). */
function countOf(halalas: number): CashCount {
  const count: Record<string, number> = {};
  let left = halalas;
  for (const d of [...DENOMINATIONS].sort((a, b) => b.valueHalalas - a.valueHalalas)) {
    const n = Math.floor(left / d.valueHalalas);
    if (n > 0) count[d.key] = n;
    left -= n * d.valueHalalas;
  }
  if (left !== 0) throw new Error(`${halalas} is not countable`);
  return count as CashCount;
}

/** The report's figures the book keeps, in a form to compare. */
function figuresOf(r: PeriodReport) {
  return {
    receipts: r.receipts,
    salesHalalas: r.salesHalalas,
    voids: r.voids,
    returns: r.returns,
    netHalalas: r.netHalalas,
    discounts: r.discounts,
    vat: [...r.vat].map((v: VatTotal) => `${v.category}:${v.ratePercent}=${v.taxableHalalas}/${v.vatHalalas}`).sort(),
    tenders: r.tenders.map((t) => `${tenderKey(t)}=${t.count}/${t.amountHalalas}`).sort(),
    refunds: r.refunds.map((t) => `${tenderKey(t)}=${t.count}/${t.amountHalalas}`).sort(),
    cash: r.cash,
    cashiers: r.cashiers.map((c) => `${c.cashierId ?? ''}=${c.count}/${c.netHalalas}`).sort(),
    shifts: r.shifts.map((s) => `${s.expectedHalalas}/${s.countedHalalas}/${s.differenceHalalas}`),
  };
}
function figuresOfBook(p: PeriodBook) {
  return {
    receipts: { count: p.receipts.length, first: p.receipts[0] ?? null, last: p.receipts[p.receipts.length - 1] ?? null },
    salesHalalas: p.sales,
    voids: p.voids,
    returns: p.returns,
    netHalalas: p.sales - p.returns.halalas,
    discounts: p.discounts,
    vat: [...p.vat.entries()].map(([k, v]) => `${k}=${v.taxable}/${v.vat}`).sort(),
    tenders: [...p.tenders.entries()].map(([k, v]) => `${k}=${v.count}/${v.amount}`).sort(),
    refunds: [...p.refunds.entries()].map(([k, v]) => `${k}=${v.count}/${v.amount}`).sort(),
    cash: { takenHalalas: p.cash.taken, refundedHalalas: p.cash.refunded },
    cashiers: [...p.cashiers.entries()].map(([k, v]) => `${k}=${v.count}/${v.net}`).sort(),
    shifts: p.shifts.map((s) => `${s.expected}/${s.counted}/${s.counted - s.expected}`),
  };
}

/** A report's additive figures as one flat map (zeros left out), so reports can be added up and compared. */
function flatSum(reports: PeriodReport[]): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (key: string, n: number) => (out[key] = (out[key] ?? 0) + n);
  for (const r of reports) {
    add('receipts', r.receipts.count);
    add('sales', r.salesHalalas);
    add('voids', r.voids.count);
    add('voids.halalas', r.voids.halalas);
    add('returns', r.returns.count);
    add('returns.halalas', r.returns.halalas);
    add('net', r.netHalalas);
    add('discounts', r.discounts.count);
    add('discounts.halalas', r.discounts.halalas);
    add('cash.taken', r.cash.takenHalalas);
    add('cash.refunded', r.cash.refundedHalalas);
    for (const v of r.vat) {
      add(`vat ${v.category}:${v.ratePercent}`, v.vatHalalas);
      add(`taxable ${v.category}:${v.ratePercent}`, v.taxableHalalas);
    }
    for (const x of r.tenders) {
      add(`tender ${tenderKey(x)}`, x.count);
      add(`tender ${tenderKey(x)} halalas`, x.amountHalalas);
    }
    for (const x of r.refunds) {
      add(`refund ${tenderKey(x)}`, x.count);
      add(`refund ${tenderKey(x)} halalas`, x.amountHalalas);
    }
    for (const c of r.cashiers) {
      add(`cashier ${c.cashierId ?? ''}`, c.count);
      add(`cashier ${c.cashierId ?? ''} net`, c.netHalalas);
    }
  }
  return Object.fromEntries(Object.entries(out).filter(([, n]) => n !== 0));
}

/** The business day now, in the till's zone (Asia/Riyadh, UTC+3 all year). */
const businessDay = () => new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600_000).toISOString().slice(0, 10);

// ---------- driving the till ----------

/** How many of each step did something, over all runs (said at the end: a property that never returned anything proves little). */
const done = new Map<string, number>();
const did = (what: string) => done.set(what, (done.get(what) ?? 0) + 1);

async function runDay(t: TestTill, steps: Step[], firstFloat: number) {
  const log: string[] = [];
  const sales: SaleRec[] = [];
  const vouchers: Array<{ no: string; balance: number }> = [];
  // Parked sales by id: their total and owner (a recalled sale keeps its owner, docs/people.md).
  const parked = new Map<string, { total: number; owner: string | null }>();
  let period = emptyPeriod();
  const zs: PeriodBook[] = [];
  let zNumber = 0;
  let cashier: string | null = (await t.call('currentUser', {})).user?.id ?? null;
  // The open shift's drawer, as the book has it.
  let drawer = firstFloat;
  let shiftOpen = true;
  /** A call the shift gate stands in front of: on the demo, it opens a shift (float 0) when none is. */
  const gated = () => {
    if (shiftOpen) return;
    shiftOpen = true;
    drawer = 0;
    did('shift opened by the demo');
  };
  const firstDay = businessDay();
  await t.call('openShift', { float: countOf(firstFloat) });

  const ring = async (list: number[]) => {
    gated();
    let due = 0;
    for (const i of list) due = (await t.call('scanBarcode', { barcode: ITEMS[i]!.barcode })).dueHalalas;
    expect(due).toBe(list.reduce((s, i) => s + ITEMS[i]!.price, 0));
    return due;
  };
  const booked = (receipt: Receipt, paid: SaleRec['paid'], scheme: string | null, owner = cashier, discounted = false) => {
    expect(receipt.cashier?.id ?? null).toBe(owner);
    period.receipts.push(receipt.receiptNo);
    period.sales += receipt.totals.totalHalalas;
    bumpVat(period.vat, receipt, 1);
    const c = cashierBook(period, owner);
    c.count += 1;
    c.net += receipt.totals.totalHalalas;
    sales.push({ receiptNo: receipt.receiptNo, total: receipt.totals.totalHalalas, cashier: owner, paid, cardBack: 0, creditBack: 0, returned: 0, scheme, lines: receipt.lines.map((l) => ({ lineId: l.lineId, unit: l.unitPriceHalalas, left: l.quantity, discounted: discounted })) });
  };
  const cardScheme = (receipt: Receipt) => {
    const card = receipt.tenders.find((x) => x.kind === 'card');
    if (!card || card.kind !== 'card') throw new Error('no card tender');
    return { key: tenderKey({ kind: 'card', scheme: card.card.scheme, wallet: card.card.wallet }), scheme: card.card.scheme };
  };
  const takeCash = (amount: number) => {
    if (amount <= 0) return;
    bump(period.tenders, 'cash::', amount);
    period.cash.taken += amount;
    drawer += amount;
  };
  const checkX = async (what: string) => {
    const x = await t.call('getXReport', { managerPin: MANAGER });
    expect(figuresOf(x), `${what}\n${log.join('\n')}`).toEqual(figuresOfBook(period));
    expect(x.cashiers.reduce((s, c) => s + c.netHalalas, 0)).toBe(x.netHalalas);
    expect(x.shiftOpen).toBe(shiftOpen);
    return x;
  };

  const apply = async (s: Step): Promise<void> => {
    log.push(JSON.stringify(s));
    did(s.k);
    switch (s.k) {
      case 'cash': {
        const due = await ring(s.items);
        const { receipt, changeHalalas } = await t.call('tenderCash', { tenderedHalalas: due + s.extra });
        expect(changeHalalas).toBe(s.extra);
        takeCash(due);
        booked(receipt, { cash: due, card: 0, credit: 0 }, null);
        break;
      }
      case 'card': {
        const due = await ring(s.items);
        const paid = await t.call('payCard', { amountHalalas: due });
        expect(paid.outcome).toBe('approved');
        const receipt = paid.completed!.receipt;
        const { key, scheme } = cardScheme(receipt);
        bump(period.tenders, key, due);
        booked(receipt, { cash: 0, card: due, credit: 0 }, scheme);
        break;
      }
      case 'split': {
        const due = await ring(s.items);
        const cashPart = Math.max(5, Math.min(due - 5, Math.round((due * s.cashShare) / 5) * 5));
        const paid = await t.call('payCard', { amountHalalas: due - cashPart });
        expect(paid.outcome).toBe('approved');
        expect(paid.completed).toBeFalsy();
        const { receipt } = await t.call('tenderCash', { tenderedHalalas: cashPart });
        const card = cardScheme(receipt);
        bump(period.tenders, card.key, due - cashPart);
        takeCash(cashPart);
        booked(receipt, { cash: cashPart, card: due - cashPart, credit: 0 }, card.scheme);
        break;
      }
      case 'edit': {
        await ring(s.items);
        let lines = (await t.call('getSale', {})).lines;
        await t.call('setQuantity', { lineId: lines[0]!.lineId, quantity: s.quantity });
        lines = (await t.call('getSale', {})).lines;
        for (const [i, line] of lines.entries()) if (s.remove[i]) await t.call('removeLine', { lineId: line.lineId });
        const left = (await t.call('getSale', {})).lines;
        const due = left.reduce((n, l) => n + l.quantity * ITEMS.find((it) => it.barcode === l.barcode)!.price, 0);
        if (s.end === 'void' || left.length === 0) {
          await t.call('voidSale', {});
          did(left.length === 0 ? 'edited to nothing, voided' : 'edited, voided');
          // An empty sale voided is not one (docs/shifts.md).
          if (left.length > 0) {
            period.voids.count += 1;
            period.voids.halalas += due;
          }
          break;
        }
        const { receipt } = await t.call('tenderCash', { tenderedHalalas: due });
        expect(receipt.totals.totalHalalas).toBe(due);
        did('edited, sold');
        takeCash(due);
        booked(receipt, { cash: due, card: 0, credit: 0 }, null);
        break;
      }
      case 'discounted': {
        const due = await ring(s.items);
        const first = (await t.call('getSale', {})).lines[0]!;
        const catalog = ITEMS.find((it) => it.barcode === first.barcode)!.price;
        let total = due;
        if (s.priceShare !== undefined) {
          const price = Math.round((catalog * s.priceShare) / 500) * 5;
          total = (await t.call('overridePrice', { lineId: first.lineId, unitPriceHalalas: price, reason: 'price_match', managerPin: MANAGER })).dueHalalas;
          expect(total).toBe(due - (catalog - price) * first.quantity);
          if (price < catalog) {
            period.discounts.count += 1;
            period.discounts.halalas += (catalog - price) * first.quantity;
          }
        }
        const off = Math.floor((total * s.saleOffShare) / 500) * 5;
        if (off > 0) {
          const after = (await t.call('setSaleDiscount', { discount: { rule: { kind: 'amount', halalas: off }, reason: 'staff' }, managerPin: MANAGER })).dueHalalas;
          expect(after).toBe(total - off);
          total = after;
          period.discounts.count += 1;
          period.discounts.halalas += off;
        }
        did(s.priceShare !== undefined && off > 0 ? 'price and sale discount' : s.priceShare !== undefined ? 'price by hand' : off > 0 ? 'sale discount' : 'not discounted after all');
        const { receipt } = await t.call('tenderCash', { tenderedHalalas: total });
        expect(receipt.totals.totalHalalas).toBe(total);
        takeCash(total);
        // A sale made free (every price set to 0) still ends on a cash tender, of 0: one of the cash tenders counted.
        if (total === 0) {
          bump(period.tenders, 'cash::', 0);
          did('free sale');
        }
        booked(receipt, { cash: total, card: 0, credit: 0 }, null, cashier, total !== due || s.priceShare !== undefined);
        break;
      }
      case 'reversed': {
        const due = await ring(s.items);
        const cardPart = Math.max(5, Math.min(due - 5, Math.round((due * s.cashShare) / 5) * 5));
        const paid = await t.call('payCard', { amountHalalas: cardPart });
        expect(paid.outcome).toBe('approved');
        const reversed = await t.call('reverseCardPayment', { intentId: paid.intent.intentId, managerPin: MANAGER });
        expect(reversed.state).toBe('reversed');
        const { receipt } = await t.call('tenderCash', { tenderedHalalas: due });
        expect(receipt.tenders.map((x) => x.kind)).toEqual(['cash']);
        takeCash(due);
        booked(receipt, { cash: due, card: 0, credit: 0 }, null);
        break;
      }
      case 'void': {
        const due = await ring(s.items);
        await t.call('voidSale', {});
        period.voids.count += 1;
        period.voids.halalas += due;
        break;
      }
      case 'park': {
        const due = await ring(s.items);
        const before = new Set((await t.call('listParkedSales', {})).map((p) => p.saleId));
        await t.call('parkSale', {});
        const now = (await t.call('listParkedSales', {})).filter((p) => !before.has(p.saleId));
        expect(now.map((p) => p.totalHalalas)).toEqual([due]);
        parked.set(now[0]!.saleId, { total: due, owner: cashier });
        break;
      }
      case 'recall': {
        const list = await t.call('listParkedSales', {});
        if (list.length === 0) break;
        expect(list.map((p) => p.saleId).sort()).toEqual([...parked.keys()].sort());
        const one = list[s.pick % list.length]!;
        const mine = parked.get(one.saleId)!;
        const recalled = await t.attempt('recallSale', { saleId: one.saleId });
        if (cashier === 'demo-cashier' && mine.owner !== cashier) {
          expect(recalled).toMatchObject({ ok: false, error: { code: 'PARKED_SALE_NOT_YOURS' } });
          break;
        }
        expect(recalled.ok).toBe(true);
        gated();
        const { receipt } = await t.call('tenderCash', { tenderedHalalas: mine.total });
        expect(receipt.totals.totalHalalas).toBe(mine.total);
        parked.delete(one.saleId);
        did(mine.owner === cashier ? 'recalled own' : 'recalled another’s');
        takeCash(mine.total);
        booked(receipt, { cash: mine.total, card: 0, credit: 0 }, null, mine.owner);
        break;
      }
      case 'return': {
        const open = sales.filter((x) => x.lines.some((l) => l.left > 0));
        if (open.length === 0) break;
        const sale = open[s.pick % open.length]!;
        // One piece of the first line left, or every piece left of every line at once.
        const taken = s.all ? sale.lines.filter((l) => l.left > 0).map((l) => ({ line: l, quantity: l.left })) : [{ line: sale.lines.find((l) => l.left > 0)!, quantity: 1 }];
        // The drawer must hold what may go back in cash (the till does not refuse a refund from an empty drawer:
        // the count is blind): short, a manager brings change from the safe (a paid-in), or opens the shift with it.
        const atMost = taken.reduce((n, x) => n + x.line.unit * x.quantity, 0);
        const short = Math.ceil(Math.max(0, atMost - (shiftOpen ? drawer : 0)) / 5) * 5;
        if (!shiftOpen && short > 0) {
          await t.call('openShift', { float: countOf(short) });
          shiftOpen = true;
          drawer = short;
        } else if (short > 0) {
          await t.call('cashMovement', { kind: 'paid_in', amountHalalas: short, reason: 'change from the safe' });
          drawer += short;
        }
        gated();
        const back = await t.call('returnSale', {
          receiptNo: sale.receiptNo,
          lines: taken.map((x) => ({ lineId: x.line.lineId, quantity: x.quantity })),
          reason: 'damaged',
          managerPin: MANAGER,
          ...(s.toCredit ? { refundTo: 'credit' as const } : {}),
        });
        for (const x of taken) x.line.left -= x.quantity;
        // A piece of a discounted sale comes back at what it was paid (its share of the sale's discount is the
        // till's to work out); the pieces of a sale all back give back the whole sale, not a halala more or less.
        const amount = back.refund.totals.totalHalalas;
        const atList = taken.reduce((n, x) => n + x.line.unit * x.quantity, 0);
        if (taken.some((x) => x.line.discounted)) {
          expect(amount).toBeLessThanOrEqual(atList);
          expect(amount).toBeGreaterThanOrEqual(0);
        } else expect(amount).toBe(atList);
        if (taken.length > 1 || taken[0]!.quantity > 1) did('returned several pieces at once');
        sale.returned += amount;
        if (sale.lines.every((l) => l.left === 0)) expect(sale.returned, `all of ${sale.receiptNo} returned\n${log.join('\n')}`).toBe(sale.total);
        else expect(sale.returned).toBeLessThan(sale.total);
        period.returns.count += 1;
        period.returns.halalas += amount;
        bumpVat(period.vat, back.refund, -1);
        cashierBook(period, sale.cashier).net -= amount;
        // Where the money goes (docs/returns.md): all to a new voucher when asked; otherwise the credit part first
        // (at most what vouchers paid less credit already given back), then the card up to what it can still take,
        // the rest from the drawer.
        const credit = s.toCredit ? amount : Math.max(0, Math.min(amount, sale.paid.credit - sale.creditBack));
        const card = Math.min(amount - credit, sale.paid.card - sale.cardBack);
        const cash = amount - credit - card;
        did(s.toCredit ? 'returned to credit' : [credit && 'credit', card && 'card', cash && 'cash'].filter(Boolean).join('+') + ' return');
        sale.creditBack += credit;
        sale.cardBack += card;
        const gave = back.refund.refunds.map((r) => `${r.kind}=${r.amountHalalas}`).sort();
        expect(gave, `the return's refunds\n${log.join('\n')}`).toEqual([credit && `credit=${credit}`, card && `card=${card}`, cash && `cash=${cash}`].filter(Boolean).sort());
        if (credit > 0) {
          const issued = back.refund.refunds.find((r) => r.kind === 'credit');
          if (!issued || issued.kind !== 'credit') throw new Error('no voucher');
          vouchers.push({ no: issued.voucherNo, balance: credit });
          bump(period.refunds, 'credit::', credit);
        }
        if (card > 0) bump(period.refunds, tenderKey({ kind: 'card', scheme: sale.scheme, wallet: null }), card);
        if (cash > 0) {
          bump(period.refunds, 'cash::', cash);
          period.cash.refunded += cash;
          drawer -= cash;
        }
        break;
      }
      case 'voucher': {
        if (!vouchers.some((v) => v.balance > 0)) {
          // No voucher yet: one is made the way a customer gets one, an item of a cash sale returned to credit.
          await apply({ k: 'cash', items: [s.items[0]!], extra: 0 });
          await apply({ k: 'return', pick: sales.filter((x) => x.lines.some((l) => l.left > 0)).length - 1, toCredit: true, all: false });
        }
        const usable = vouchers.filter((v) => v.balance > 0);
        const v = usable[s.pick % usable.length]!;
        const due = await ring(s.items);
        const byVoucher = Math.min(v.balance, due);
        const cashPart = due - byVoucher;
        const { receipt, changeHalalas } = await t.call('tenderCash', { tenderedHalalas: cashPart === 0 ? 0 : cashPart + s.extra, voucherNo: v.no });
        expect(changeHalalas).toBe(cashPart === 0 ? 0 : s.extra);
        v.balance -= byVoucher;
        did(cashPart === 0 ? 'voucher paid all' : 'voucher and cash');
        bump(period.tenders, 'credit::', byVoucher);
        takeCash(cashPart);
        booked(receipt, { cash: cashPart, card: 0, credit: byVoucher }, null);
        break;
      }
      case 'move': {
        // Never more out than the book has in the drawer.
        const amount = s.kind === 'paid_in' ? s.amount : Math.min(s.amount, countable(drawer));
        if (amount === 0) break;
        const answer = await t.attempt('cashMovement', { kind: s.kind, amountHalalas: amount, reason: 'property test' });
        if (!shiftOpen) {
          expect(answer).toMatchObject({ ok: false, error: { code: 'SHIFT_NOT_OPEN' } });
          break;
        }
        expect(answer.ok, JSON.stringify(answer)).toBe(true);
        drawer += s.kind === 'paid_in' ? amount : -amount;
        break;
      }
      case 'cashier': {
        cashier = (await t.call('signIn', { pin: s.pin })).user!.id;
        break;
      }
      case 'shift': {
        await checkX('before the count');
        if (!shiftOpen) {
          expect(await t.attempt('closeShift', { count: {} })).toMatchObject({ ok: false, error: { code: 'SHIFT_NOT_OPEN' } });
          break;
        }
        const counted = countable(drawer + s.variance);
        const closed = await t.call('closeShift', { count: countOf(counted) });
        expect(closed.result.expectedHalalas, `expected cash\n${log.join('\n')}`).toBe(drawer);
        expect(closed.result.countedHalalas).toBe(counted);
        expect(closed.result.differenceHalalas).toBe(counted - drawer);
        expect(closed.outcome).toBe(Math.abs(counted - drawer) > 1000 ? 'needs-manager' : 'closed');
        if (closed.outcome === 'needs-manager') did('shift needing the manager');
        if (closed.outcome === 'needs-manager') await t.call('approveShiftClose', { managerPin: MANAGER, reason: 'counted twice' });
        period.shifts.push({ expected: drawer, counted });
        shiftOpen = false;
        if (s.float !== undefined) {
          await t.call('openShift', { float: countOf(s.float) });
          shiftOpen = true;
          drawer = s.float;
        }
        break;
      }
      case 'later': {
        vi.setSystemTime(Date.now() + s.minutes * 60_000);
        break;
      }
      case 'x': {
        await checkX('mid-day X');
        break;
      }
      case 'z': {
        const x = await checkX('the X before the Z');
        // Past twoFactor.cashDifferenceAboveHalalas (5,000 by default: a shift, or the period's shifts together) the
        // Z asks the manager's authenticator code; the demo manager has none enrolled (docs/people.md).
        const differences = period.shifts.map((d) => d.counted - d.expected);
        if ([...differences, differences.reduce((a, b) => a + b, 0)].some((d) => Math.abs(d) > 5000)) {
          expect(await t.attempt('closeDay', { managerPin: MANAGER })).toMatchObject({ ok: false, error: { code: 'SECOND_FACTOR_NOT_ENROLLED' } });
          did('Z needing a second factor');
          break;
        }
        const { z } = await t.call('closeDay', { managerPin: MANAGER });
        zNumber += 1;
        expect(z.number).toBe(zNumber);
        // The manager's approval of the closing lies between the X and the Z (in a period with nothing else in it,
        // the Z's first entry: its `from`, where the X had none).
        expect({ ...z.report, to: x.to, chainHead: x.chainHead, uptoSeq: x.uptoSeq, from: x.from === null ? null : z.report.from }).toEqual(x);
        expect(figuresOf(z.report)).toEqual(figuresOfBook(period));
        zs.push(period);
        period = emptyPeriod();
        if (s.again) {
          // A Z right after a Z: the next number, over an empty period (the closing's own approval alone).
          const { z: next } = await t.call('closeDay', { managerPin: MANAGER });
          zNumber += 1;
          expect(next.number).toBe(zNumber);
          expect(next.report.afterSeq).toBe(z.report.uptoSeq + 1);
          expect(figuresOf(next.report)).toEqual(figuresOfBook(period));
          did('Z after a Z');
        }
        break;
      }
    }
  };
  for (const s of steps) await apply(s);

  // The end of the day: the last shift counted exactly, the X checked, the Z; then the day from the daily totals.
  await checkX('the day before its last count');
  // Counted exactly, unless more was paid out than the book has in the drawer (the till does not refuse that: the
  // count is blind): then an empty drawer, which the manager approves past the threshold.
  if (shiftOpen) {
    const closed = await t.call('closeShift', { count: countOf(countable(drawer)) });
    expect(closed.result.expectedHalalas, `expected cash at the end\n${log.join('\n')}`).toBe(drawer);
    if (closed.outcome === 'needs-manager') await t.call('approveShiftClose', { managerPin: MANAGER, reason: 'counted twice' });
    period.shifts.push({ expected: drawer, counted: countable(drawer) });
  }
  const x = await t.call('getXReport', { managerPin: MANAGER });
  expect(x.shiftOpen).toBe(false);
  expect(figuresOf(x)).toEqual(figuresOfBook(period));

  const listed = await t.call('listZReports', { managerPin: MANAGER });
  expect(listed.map((z) => z.number)).toEqual(Array.from({ length: zNumber }, (_, i) => zNumber - i));
  // The Zs' periods follow one another, and the open X starts right after the last.
  const ordered = [...listed].reverse();
  for (let i = 1; i < ordered.length; i += 1) expect(ordered[i]!.report.afterSeq).toBeGreaterThan(ordered[i - 1]!.report.uptoSeq);
  if (ordered.length > 0) expect(x.afterSeq).toBeGreaterThan(ordered[ordered.length - 1]!.report.uptoSeq);

  // The days from the daily totals (migration 0240): the whole span, and each day alone added up, are every Z of
  // the span plus the open period — however the Zs and the midnights fell.
  const whole = flatSum([...ordered.map((z) => z.report), x]);
  const span = (await t.call('getSalesReport', { managerPin: MANAGER, from: firstDay, to: businessDay() })).report;
  expect(flatSum([span]), `the span's report\n${log.join('\n')}`).toEqual(whole);
  const days: PeriodReport[] = [];
  for (let d = firstDay; d <= businessDay(); d = nextDay(d)) days.push((await t.call('getSalesReport', { managerPin: MANAGER, from: d, to: d })).report);
  if (days.length > 1) did('days spanned');
  expect(flatSum(days), `the days one by one\n${log.join('\n')}`).toEqual(whole);
  return { zs: zNumber, steps: steps.length };
}

describe('a random day at the till', () => {
  it('expected cash, X, Z, the day’s totals and the ledger agree with what the day did', { timeout: 60_000 + 4_000 * Number(process.env.NUQTA_PROPERTY_RUNS ?? 25) }, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: Number(process.env.NUQTA_PROPERTY_STEPS ?? 25), size: process.env.NUQTA_PROPERTY_STEPS ? 'max' : 'small' }), halalas5(0, 50_000), fc.integer({ min: 0, max: 48 * 60 }), async (steps, float, start) => {
        // The day starts at any time of the next two days (only JS's Date is faked: it still runs on with the real
        // time). The till starts first: the demo's e-invoicing simulator makes its TLS certificate from JS's Date,
        // and OpenSSL checks it against the machine's clock (a certificate from 2 minutes ahead is "not yet valid").
        const t = await startTestTill();
        vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
        vi.setSystemTime(Date.now() + start * 60_000);
        try {
          await runDay(t, steps, float);
        } finally {
          // Removing the till's folder runs the whole `ledger verify` first (test/support/tmp.ts): a failure throws.
          await t.close();
          vi.useRealTimers();
        }
        runs += 1;
      }),
      // NUQTA_PROPERTY_RUNS (and NUQTA_PROPERTY_STEPS, a day's most steps): more when hunting by hand; the suite's
      // share stays a few seconds.
      { numRuns: Number(process.env.NUQTA_PROPERTY_RUNS ?? 25) },
    );
    expect(runs).toBeGreaterThan(0);
    console.log(`random days: ${runs} runs; steps ${JSON.stringify(Object.fromEntries([...done].sort()))}`);
  });
});
