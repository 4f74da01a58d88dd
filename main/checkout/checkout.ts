// The sale in progress. It lives here in main, not in the view: every change is one write transaction that
// appends the journal entry and updates the sale tables together, so a reload, a crash or a power cut
// brings back exactly what the cashier last saw.
import { randomUUID } from 'node:crypto';
import { MAX_CHANGE_HALALAS, MAX_LINE_QUANTITY, MAX_WEIGHT_GRAMS, MIN_WEIGHT_GRAMS, type BuyerProblem, type DiscountApproval, type DiscountReason, type DiscountRequest, type CardTender, type CashTender, type CompletedSale, type CreditTender, type DrawerOutcome, type ProductHit, type Receipt, type ParkedSale, type Sale, type SaleBuyer, type SaleCashier, type SetBuyerResult } from '../../preload/contract';
import type { StoreCredit } from '../credit';
import { classifyBarcode, readScaleBarcode } from '../catalog';
import { beyondLimit, discountExceeds, discountHalalas, lineTotalHalalas } from '../money';
import { writeRelaxed, type Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import type { ReceiptPrinter } from '../printing';
import type { TillSettings } from '../settings';
import { createReceiptReader, receiptFromIssue, type ReceiptIssue } from './receipts';
import type { IssuedReceipt, ReceiptWatermark } from './receipt-watermark';
import { createSaleStore, type PendingPayment } from './sale-store';
import { asSaleCashier, createSaleCashiers } from './sale-cashier';

/** What checkout needs of the catalog. */
export interface ProductLookup {
  byBarcode(barcode: string): ProductHit | undefined;
  byId(productId: number): ProductHit | undefined;
}

export interface CheckoutDeps {
  db: Db;
  journal: Journal;
  settings: () => TillSettings;
  products: ProductLookup;
  /** Null when no printer is configured: the drawer outcome is then 'failed'. */
  printer: ReceiptPrinter | null;
  onSaleChanged: (sale: Sale) => void;
  /** The card payment in flight or unresolved for a sale (main/payments); null when the till takes no cards. */
  pendingPayment?: PendingPayment;
  /**
   * Receipt printing (main/printing): the print jobs of a completed sale are queued in the very transaction
   * that completes it, so a crash can delay a receipt but never lose it; printing starts after the commit.
   */
  printing?: { enqueueSaleInTx(receipt: Receipt): void; kick(): void };
  /** Store credit vouchers taken as a tender (main/credit); absent: not offered. */
  credit?: Pick<StoreCredit, 'usable' | 'redeemInTx'>;
  /**
   * E-invoicing (main/einvoicing): the sale's simplified invoice is built, signed, chained and stored in the very
   * transaction that completes the sale — before its receipt can print. A document that cannot be issued throws,
   * and the sale stays open with nothing used up.
   */
  invoicing?: {
    /**
     * The issued document's QR and, for a standard (B2B) invoice, that it waits for clearance (null when
     * e-invoicing is off); throws when the document cannot be issued.
     */
    issueSaleInTx(receipt: Receipt): { qr: string; clearance: 'waiting' | null } | null;
    /** Why a buyer cannot be named on this till's invoices (standard invoices not set up), or null when it can. */
    standardRefusal(): TillError | null;
    /** ZATCA's rules on the buyer (BR-KSA-42/44/81/14/63/67): every problem, empty when it would pass. */
    checkBuyer(buyer: SaleBuyer): BuyerProblem[];
    /** The stored QR of the e-invoice issued with a receipt (never rebuilt), or null. */
    qrFor(receiptNo: string): string | null;
    /** Where a receipt's standard invoice stands with clearance; null for a simplified one. */
    clearanceFor(receiptNo: string): Receipt['clearance'] | null;
  };
  /** Every view hears that a sale completed, whoever completed it (the customer display thanks the customer). */
  onSaleCompleted?: (completed: CompletedSale) => void;
  /** The log of issued receipt numbers outside the database (receipt-watermark.ts); none in test rigs. */
  watermark?: ReceiptWatermark;
  log?: { error(message: string, detail?: unknown): void };
  newId?: () => string;
  /** Who is signed in (main/people), recorded on a sale when it opens and printed on its receipt; null: nobody. */
  cashier?: () => SaleCashier | null;
  /**
   * What the signed-in user may take off without an approver (their role's limits, main/people); the till's
   * setting when nobody is signed in. None: the till's setting.
   */
  discountLimits?: () => DiscountLimits;
  /**
   * An approver's PIN let a discount or a price past the user's limit: who approved (main/auth) and their own
   * limits, which must cover it too. Throws on a wrong or locked PIN (journaled and rate-limited there). None:
   * nothing past the limit can be approved.
   */
  approve?: (managerPin: string) => { approval: DiscountApproval; limits: DiscountLimits };
}

/** What a user may take off without an approver: basis points (100 = 1 %) of a line and of the sale. */
export interface DiscountLimits {
  lineBp: number;
  saleBp: number;
  /** Whether a price may be set by hand at all (lowering it still counts against `lineBp`). */
  priceOverride: boolean;
}

/** What a sign-in did to the open sale (Checkout.cashierSignedIn). */
export type SignedInSale = 'claimed' | 'parked' | 'kept' | 'unchanged';

/** 1,000,000 SAR: far above any till sale, low enough that a stuck key cannot produce a runaway total. */
export const MAX_SALE_TOTAL_HALALAS = 100_000_000;
export const MAX_LINES = 500;

export function receiptNumberText(tillId: string, number: number): string {
  return `${tillId}-${String(number).padStart(6, '0')}`;
}

/** Adds the stored e-invoice QR to what a receipt reader gives: printing, the preview and the view all use it. */
export function withEinvoiceQr(read: (receiptNo: string) => Receipt, invoicing: Pick<NonNullable<CheckoutDeps['invoicing']>, 'qrFor' | 'clearanceFor'> | undefined) {
  if (!invoicing) return read;
  return (receiptNo: string): Receipt => {
    const receipt = read(receiptNo);
    const qr = invoicing.qrFor(receiptNo);
    const withQr = qr ? { ...receipt, einvoiceQr: qr } : receipt;
    if (!receipt.buyer) return withQr;
    const clearance = invoicing.clearanceFor(receiptNo) ?? 'waiting';
    // Replaced: what the customer got is the simplified invoice issued instead, which names no buyer.
    if (clearance === 'replaced') {
      const { buyer: _replaced, ...simplified } = withQr;
      return { ...simplified, clearance };
    }
    return { ...withQr, clearance };
  };
}

/** What was typed, without the spaces around it; an empty VAT number is no VAT number. */
function trimBuyer(b: SaleBuyer): SaleBuyer {
  const a = b.address;
  const vat = b.vatNumber?.trim() ?? '';
  const other = b.otherId && b.otherId.value.trim() !== '' ? { scheme: b.otherId.scheme, value: b.otherId.value.trim() } : undefined;
  return {
    legalName: b.legalName.trim(),
    ...(vat !== '' ? { vatNumber: vat } : {}),
    ...(vat === '' && other ? { otherId: other } : {}),
    address: { street: a.street.trim(), buildingNumber: a.buildingNumber.trim(), district: a.district.trim(), city: a.city.trim(), postalCode: a.postalCode.trim(), country: 'SA' },
  };
}

export function createCheckout(deps: CheckoutDeps) {
  const { db, journal, products } = deps;
  const newId = deps.newId ?? randomUUID;
  const tillId = () => deps.settings().tillId;
  const store = createSaleStore(db, tillId(), () => deps.settings().pricesIncludeVat, deps.pendingPayment ?? (() => null));

  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();
  // A line rung up, its quantity changed or the line deleted: committed without an fsync of its own (docs/ledger.md,
  // "Line edits"). The sale's tender or completion — or any payment intent — is an ordinary commit, whose fsync
  // takes these with it; a process crash loses none of them. The fsync was most of a scan's time in main.
  const writeLineEdit = <T>(fn: () => T): T => writeRelaxed(db, fn);
  const cashiers = createSaleCashiers(db);

  /** Must run inside a write transaction. */
  const ensureOpenSale = (): Sale => {
    const open = store.openSale();
    if (open) return open;
    const saleId = newId();
    const cashier = asSaleCashier(deps.cashier?.() ?? null);
    const entry = journal.append('sale.opened', { saleId, ...(cashier ? { cashier } : {}) });
    store.insertSale(saleId, entry.at, entry.seq);
    if (cashier) cashiers.set(saleId, cashier);
    return store.openSale()!;
  };

  const lineOf = (sale: Sale, lineId: string) => {
    const line = sale.lines.find((l) => l.lineId === lineId);
    if (!line) throw new TillError('LINE_UNKNOWN', lineId);
    return line;
  };

  /**
   * Re-reads the sale after a change and refuses a result no till should hold: too large, or a discount amount
   * now above what it comes off (a line made smaller, or removed, under a fixed discount).
   */
  const checkedSale = (saleId: string): Sale => {
    const sale = store.sale(saleId)!;
    if (sale.lines.length > MAX_LINES || sale.totals.totalHalalas > MAX_SALE_TOTAL_HALALAS) {
      throw new TillError('SALE_TOO_LARGE', `total ${sale.totals.totalHalalas}, lines ${sale.lines.length}`);
    }
    for (const line of sale.lines) {
      if (line.discount && discountExceeds(line.discount.rule, line.lineTotalHalalas + line.discount.halalas)) {
        throw new TillError('DISCOUNT_OVER_AMOUNT', `line ${line.lineId}`);
      }
    }
    if (sale.discount && discountExceeds(sale.discount.rule, linesTotal(sale))) throw new TillError('DISCOUNT_OVER_AMOUNT', `sale ${sale.saleId}`);
    return sale;
  };

  /** What the sale's own discount comes off: its lines, each after its own discount. */
  const linesTotal = (sale: Sale): number => sale.lines.reduce((sum, l) => sum + l.lineTotalHalalas, 0);

  type Approved = { approval: DiscountApproval; limits: DiscountLimits };
  /**
   * An approver's approval, asked for before the write (a wrong PIN is journaled in a transaction of its own that
   * must not roll back with the change): null when no PIN came with the request.
   */
  const approvalFor = (managerPin: string | undefined): Approved | null => {
    if (managerPin === undefined) return null;
    if (!deps.approve) throw new TillError('DISCOUNT_NEEDS_APPROVAL', 'no manager approval on this till');
    return deps.approve(managerPin);
  };

  /**
   * Within the user's limits nothing is asked; beyond them, an approval whose approver's own limits cover it
   * (APPROVER_NOT_ALLOWED otherwise), or DISCOUNT_NEEDS_APPROVAL.
   */
  const approvalIfBeyond = (beyond: (limits: DiscountLimits) => boolean, approved: Approved | null, what: string): { approval?: DiscountApproval } => {
    if (!beyond(userLimits())) return {};
    if (!approved) throw new TillError('DISCOUNT_NEEDS_APPROVAL', what);
    if (beyond(approved.limits)) throw new TillError('APPROVER_NOT_ALLOWED', `${what}: beyond the approver's own limit`);
    return { approval: approved.approval };
  };

  /**
   * A discount as stored, checked against what it comes off (DISCOUNT_OVER_AMOUNT) and the user's limit of that
   * kind (`limitOf`: the line's or the sale's), with the approval when past it.
   */
  const storedDiscount = (discount: DiscountRequest, base: number, limitOf: (l: DiscountLimits) => number, approval: Approved | null, what: string) => {
    if (discountExceeds(discount.rule, base)) throw new TillError('DISCOUNT_OVER_AMOUNT', what);
    const off = discountHalalas(discount.rule, base);
    return { ...discount, ...approvalIfBeyond((l) => beyondLimit(off, base, limitOf(l), discount.rule), approval, what) };
  };

  const userLimits = (): DiscountLimits => {
    if (deps.discountLimits) return deps.discountLimits();
    const bp = deps.settings().discounts.limitPercent * 100;
    return { lineBp: bp, saleBp: bp, priceOverride: true };
  };

  /** Lines are frozen while a card payment is unsettled or once one is approved: the total was charged. */
  const assertEditable = (sale: Sale) => {
    if (sale.payment) throw new TillError('PAYMENT_PENDING', sale.payment.intentId);
    if (sale.tenders.length > 0) throw new TillError('SALE_HAS_PAYMENTS', sale.saleId);
  };

  /**
   * Closes the sale as paid inside the caller's transaction: the receipt number, the receipt and the next sale
   * are written with the tender that covered the total. Card tenders are already rows; cash is added here.
   */
  const completeInTx = (sale: Sale, cash: CashTender | null, credit: { voucherNo: string; amountHalalas: number } | null = null) => {
    const settings = deps.settings();
    const number = store.nextReceiptNumber();
    // A store credit voucher pays its part in the sale's own transaction: its balance goes down with the receipt.
    let creditTender: CreditTender | null = null;
    if (credit) {
      if (!deps.credit) throw new TillError('CREDIT_NOT_OFFERED', sale.saleId);
      const left = deps.credit.redeemInTx({ ...credit, saleId: sale.saleId, receiptNo: receiptNumberText(settings.tillId, number) });
      creditTender = { kind: 'credit', voucherNo: left.voucherNo, amountHalalas: credit.amountHalalas, balanceHalalas: left.balanceHalalas };
      const tenderId = newId();
      const entry = journal.append('tender.accepted', { saleId: sale.saleId, tenderId, ...creditTender, tenderedHalalas: credit.amountHalalas, changeHalalas: 0 });
      store.insertCashTender(sale.saleId, tenderId, { kind: 'cash', amountHalalas: credit.amountHalalas, tenderedHalalas: credit.amountHalalas, changeHalalas: 0 }, entry.seq, 'credit');
    }
    if (cash) {
      const tenderId = newId();
      const entry = journal.append('tender.accepted', { saleId: sale.saleId, tenderId, ...cash });
      store.insertCashTender(sale.saleId, tenderId, cash, entry.seq);
    }
    const cashier = cashiers.of(sale.saleId);
    // Everything the receipt says is in the entry, so `ledger verify` rebuilds the stored body from it.
    const issued: ReceiptIssue = {
      saleId: sale.saleId,
      receiptNo: receiptNumberText(settings.tillId, number),
      number,
      tillId: settings.tillId,
      shopNameAr: settings.shopNameAr,
      shopNameEn: settings.shopNameEn,
      vatNumber: settings.vatNumber,
      lines: sale.lines,
      totals: sale.totals,
      tenders: [...sale.tenders, ...(creditTender ? [creditTender] : []), ...(cash ? [cash] : [])],
      ...(sale.buyer ? { buyer: sale.buyer } : {}),
      ...(cashier ? { cashier } : {}),
      ...(sale.discount ? { discount: sale.discount } : {}),
    };
    const completed = journal.append('sale.completed', { ...issued });
    const receipt = receiptFromIssue(issued, completed.at);
    store.closeSale(sale, 'completed', completed.at, completed.seq);
    store.insertReceipt(receipt, number, completed.seq);
    const invoice = deps.invoicing?.issueSaleInTx(receipt) ?? null;
    // A standard (B2B) invoice is handed over only once ZATCA has cleared it: its receipt is queued for printing
    // in the transaction that records the clearance (or the simplified invoice issued instead), not here.
    if (invoice?.clearance === 'waiting') return { receipt: { ...receipt, einvoiceQr: invoice.qr, clearance: 'waiting' as const }, next: ensureOpenSale() };
    if (sale.buyer && !invoice) throw new TillError('EINVOICE_STANDARD_OFF', sale.saleId);
    deps.printing?.enqueueSaleInTx(receipt);
    // What the cashier's screen shows is what prints: the receipt with its e-invoice's QR.
    return { receipt: invoice ? { ...receipt, einvoiceQr: invoice.qr } : receipt, next: ensureOpenSale() };
  };

  /**
   * A parked sale holds no money: a payment not settled, or an approved tender still on the sale (half of a split
   * tender), means money is in the drawer or on a card for it, so it is finished or voided first.
   */
  const assertParkable = (sale: Sale) => {
    if (sale.payment) throw new TillError('PARK_PAYMENT_PENDING', `${sale.saleId}: ${sale.payment.intentId}`);
    if (sale.tenders.length > 0) throw new TillError('PARK_HAS_PAYMENTS', sale.saleId);
  };

  /**
   * Inside a write transaction: parks the open sale (checked by the caller). Parked because another cashier
   * signed in, the entry says so and names whose sale it is.
   */
  const parkInTx = (sale: Sale, switched?: { owner: SaleCashier }) => {
    const entry = journal.append('sale.parked', {
      saleId: sale.saleId,
      lineCount: sale.lines.length,
      totalHalalas: sale.totals.totalHalalas,
      ...(switched ? { reason: 'cashier switched', owner: switched.owner } : {}),
    });
    store.park(sale.saleId, entry.at, entry.seq);
  };

  const parkedList = (): ParkedSale[] => store.parkedSales().map((p) => ({ ...p, cashier: cashiers.of(p.saleId) }));

  const changed = (sale: Sale): Sale => {
    deps.onSaleChanged(sale);
    return sale;
  };

  /**
   * What one ring-up adds: pieces (counted on the item's existing line), a weight in grams for an item sold by
   * weight (always a line of its own: two bags of tomatoes are two weighings), or a scale label's price (one
   * piece at that price: the label is the price the customer saw, so it is charged to the halala).
   */
  type RingUp = { kind: 'piece' } | { kind: 'weight'; grams: number } | { kind: 'label-price'; halalas: number };

  const addProduct = (product: ProductHit, ring: RingUp): Sale =>
    changed(
      writeLineEdit(() => {
        const sale = ensureOpenSale();
        assertEditable(sale);
        const weighed = product.soldBy === 'kg';
        if (ring.kind === 'piece' && weighed) throw new TillError('WEIGHT_REQUIRED', product.barcode);
        if (ring.kind === 'weight' && !weighed) throw new TillError('WEIGHT_NOT_FOR_PIECES', product.barcode);
        if (ring.kind === 'weight' && !(Number.isSafeInteger(ring.grams) && ring.grams >= MIN_WEIGHT_GRAMS && ring.grams <= MAX_WEIGHT_GRAMS)) {
          throw new TillError('WEIGHT_OUT_OF_RANGE', `${product.barcode} ${ring.grams} g`);
        }
        const unitPrice = ring.kind === 'label-price' ? ring.halalas : product.priceHalalas;
        const same = ring.kind === 'weight' ? undefined : sale.lines.find((l) => l.productId === product.productId && l.soldBy !== 'kg' && l.unitPriceHalalas === unitPrice);
        if (same) {
          // Scanning the same item again counts it again on its existing line, as cashiers expect, up to the
          // one limit every path keeps (a stuck scanner must not run a line past it).
          const to = same.quantity + 1;
          if (to > MAX_LINE_QUANTITY) throw new TillError('LINE_QUANTITY_LIMIT', `${same.lineId} at ${same.quantity}`);
          journal.append('line.quantity_changed', { saleId: sale.saleId, lineId: same.lineId, from: same.quantity, to, reason: 'rescan' });
          store.setQuantity(sale.saleId, same.lineId, to);
        } else {
          const line = {
            lineId: newId(),
            productId: product.productId,
            barcode: product.barcode,
            nameAr: product.nameAr,
            nameEn: product.nameEn,
            unitPriceHalalas: unitPrice,
            quantity: ring.kind === 'weight' ? ring.grams : 1,
            vatCategory: product.vatCategory,
            // Only weighed lines say so: a piece line's entry is what it always was.
            ...(ring.kind === 'weight' ? { soldBy: 'kg' as const } : {}),
          };
          const entry = journal.append('line.added', { saleId: sale.saleId, ...line });
          store.insertLine(sale.saleId, line, entry.seq);
        }
        return checkedSale(sale.saleId);
      }),
    );

  /** A ring-up by an item's own code: pieces, or the weight the cashier entered for an item sold by weight. */
  const byHand = (grams: number | undefined): RingUp => (grams === undefined ? { kind: 'piece' } : { kind: 'weight', grams });

  /** After a completion's commit: its number goes into the log kept outside the database (receipt-watermark.ts). */
  const recordIssued = (receipt: Receipt) =>
    deps.watermark?.issued({
      tillId: receipt.tillId,
      number: Number(receipt.receiptNo.slice(receipt.tillId.length + 1)),
      receiptNo: receipt.receiptNo,
      saleId: receipt.saleId,
      totalHalalas: receipt.totals.totalHalalas,
      issuedAt: receipt.issuedAt,
    });

  /** The open sale; one is opened (and told to the views) when there is none. */
  const currentSale = (): Sale => store.openSale() ?? changed(write(ensureOpenSale));

  return {
    currentSale,

    scanBarcode(raw: string, grams?: number): Sale {
      // A scan read under the wrong keyboard layout, or line noise, is not a barcode: say so plainly.
      const read = classifyBarcode(raw);
      if (read.status === 'malformed') throw new TillError('BARCODE_MALFORMED', `${read.reason}: ${JSON.stringify(raw)}`);
      if (read.status === 'bad-check-digit') throw new TillError('BARCODE_CHECK_DIGIT', read.code);
      const barcode = read.code;
      // A scale label (prefix 20–29 with a layout in the settings) names the item by its PLU, before any GTIN lookup.
      const scale = readScaleBarcode(barcode, deps.settings().scaleBarcodes);
      if (scale.status === 'bad-price-check-digit') throw new TillError('SCALE_PRICE_CHECK_DIGIT', barcode);
      if (scale.status === 'ok') {
        const item = products.byBarcode(scale.itemCode);
        if (!item) throw new TillError('SCALE_ITEM_UNKNOWN', `${barcode} (item ${scale.itemCode})`);
        if (scale.value === 'price-halalas') return addProduct(item, { kind: 'label-price', halalas: scale.amount });
        if (item.soldBy !== 'kg') throw new TillError('SCALE_NOT_WEIGHED', `${barcode} (item ${scale.itemCode})`);
        return addProduct(item, { kind: 'weight', grams: scale.amount });
      }
      const product = products.byBarcode(barcode);
      if (!product) throw new TillError('BARCODE_UNKNOWN', barcode);
      return addProduct(product, byHand(grams));
    },

    addProduct(productId: number, grams?: number): Sale {
      const product = products.byId(productId);
      if (!product) throw new TillError('PRODUCT_UNKNOWN', String(productId));
      return addProduct(product, byHand(grams));
    },

    setQuantity(lineId: string, quantity: number): Sale {
      return changed(
        writeLineEdit(() => {
          const sale = ensureOpenSale();
          assertEditable(sale);
          const line = lineOf(sale, lineId);
          if (line.quantity === quantity) return sale;
          // A weighed line's quantity is its weight in grams; a piece line keeps the piece limit.
          const most = line.soldBy === 'kg' ? MAX_WEIGHT_GRAMS : MAX_LINE_QUANTITY;
          if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > most) {
            throw new TillError(line.soldBy === 'kg' ? 'WEIGHT_OUT_OF_RANGE' : 'LINE_QUANTITY_LIMIT', `${lineId} to ${quantity}`);
          }
          journal.append('line.quantity_changed', { saleId: sale.saleId, lineId, from: line.quantity, to: quantity, reason: 'cashier' });
          store.setQuantity(sale.saleId, lineId, quantity);
          return checkedSale(sale.saleId);
        }),
      );
    },

    removeLine(lineId: string): Sale {
      return changed(
        writeLineEdit(() => {
          const sale = ensureOpenSale();
          assertEditable(sale);
          const line = lineOf(sale, lineId);
          const entry = journal.append('line.removed', {
            saleId: sale.saleId,
            lineId,
            productId: line.productId,
            quantity: line.quantity,
            lineTotalHalalas: line.lineTotalHalalas,
          });
          store.removeLine(sale.saleId, lineId, entry.seq);
          return checkedSale(sale.saleId);
        }),
      );
    },

    /** A line's own discount (docs/discounts.md); null takes it off. */
    setLineDiscount(lineId: string, discount: DiscountRequest | null, managerPin?: string): Sale {
      const approval = approvalFor(managerPin);
      return changed(
        write(() => {
          const sale = ensureOpenSale();
          assertEditable(sale);
          const line = lineOf(sale, lineId);
          const base = line.lineTotalHalalas + (line.discount?.halalas ?? 0);
          const stored = discount && storedDiscount(discount, base, (l) => l.lineBp, approval, `line ${lineId}`);
          journal.append('line.discount_set', { saleId: sale.saleId, lineId, discount: stored });
          store.setLineDiscount(sale.saleId, lineId, stored);
          return checkedSale(sale.saleId);
        }),
      );
    },

    /** A discount on the whole sale, spread over its lines (main/money/discount.ts); null takes it off. */
    setSaleDiscount(discount: DiscountRequest | null, managerPin?: string): Sale {
      const approval = approvalFor(managerPin);
      return changed(
        write(() => {
          const sale = ensureOpenSale();
          assertEditable(sale);
          if (!discount && !sale.discount) return sale;
          if (discount && sale.lines.length === 0) throw new TillError('DISCOUNT_SALE_EMPTY');
          const stored = discount && storedDiscount(discount, linesTotal(sale), (l) => l.saleBp, approval, `sale ${sale.saleId}`);
          journal.append('sale.discount_set', { saleId: sale.saleId, discount: stored });
          store.setSaleDiscount(sale.saleId, stored);
          return checkedSale(sale.saleId);
        }),
      );
    },

    /**
     * A line's unit price set by hand. Lowering it past the limit (against the catalog's price) needs a manager;
     * raising it does not. The catalog's price puts the line back as it was.
     */
    overridePrice(lineId: string, unitPriceHalalas: number, reason: DiscountReason, managerPin?: string): Sale {
      const approval = approvalFor(managerPin);
      return changed(
        write(() => {
          const sale = ensureOpenSale();
          assertEditable(sale);
          const line = lineOf(sale, lineId);
          const listPrice = line.priceOverride?.listPriceHalalas ?? line.unitPriceHalalas;
          if (unitPriceHalalas === line.unitPriceHalalas && (line.priceOverride?.reason ?? reason) === reason) return sale;
          const back = unitPriceHalalas === listPrice;
          // Compared on the line as sold (its quantity, its weight), so a price per kg is judged like a price per piece.
          const listTotal = lineTotalHalalas({ ...line, unitPriceHalalas: listPrice });
          const newTotal = lineTotalHalalas({ ...line, unitPriceHalalas });
          // Lowering counts like a line discount; a role that may not set prices needs an approver for any change.
          const beyond = (l: DiscountLimits) => !l.priceOverride || beyondLimit(listTotal - newTotal, listTotal, l.lineBp);
          const override = back ? null : { listPriceHalalas: listPrice, reason, ...approvalIfBeyond(beyond, approval, `price of ${lineId}`) };
          journal.append('line.price_set', { saleId: sale.saleId, lineId, from: line.unitPriceHalalas, to: unitPriceHalalas, override });
          store.setLinePrice(sale.saleId, lineId, unitPriceHalalas, override);
          return checkedSale(sale.saleId);
        }),
      );
    },

    /**
     * Names the open sale's business buyer: its invoice will be a standard tax invoice, cleared by ZATCA before it
     * is handed over. Every field ZATCA would refuse comes back as a problem and nothing changes.
     */
    setBuyer(buyer: SaleBuyer): SetBuyerResult {
      const refusal = deps.invoicing ? deps.invoicing.standardRefusal() : new TillError('EINVOICE_STANDARD_OFF', 'e-invoicing is off');
      if (refusal) throw refusal;
      const trimmed = trimBuyer(buyer);
      const problems = deps.invoicing!.checkBuyer(trimmed);
      if (problems.length > 0) return { sale: null, problems };
      const sale = changed(
        write(() => {
          const open = ensureOpenSale();
          if (open.payment) throw new TillError('PAYMENT_PENDING', open.payment.intentId);
          journal.append('sale.buyer_set', { saleId: open.saleId, buyer: trimmed });
          store.setBuyer(open.saleId, trimmed);
          return store.sale(open.saleId)!;
        }),
      );
      return { sale, problems: [] };
    },

    /** The open sale goes back to a simplified invoice. */
    removeBuyer(): Sale {
      return changed(
        write(() => {
          const open = ensureOpenSale();
          if (!open.buyer) return open;
          if (open.payment) throw new TillError('PAYMENT_PENDING', open.payment.intentId);
          journal.append('sale.buyer_removed', { saleId: open.saleId });
          store.setBuyer(open.saleId, null);
          return store.sale(open.saleId)!;
        }),
      );
    },

    voidSale(): Sale {
      return changed(
        write(() => {
          const sale = ensureOpenSale();
          if (sale.lines.length === 0) return sale;
          assertEditable(sale);
          const entry = journal.append('sale.voided', {
            saleId: sale.saleId,
            lineCount: sale.lines.length,
            totalHalalas: sale.totals.totalHalalas,
            totals: sale.totals,
          });
          store.closeSale(sale, 'voided', entry.at, entry.seq);
          return ensureOpenSale();
        }),
      );
    },

    /** Sets the open sale aside (docs/parked-sales.md) and returns the empty sale the till goes on with. */
    parkSale(): Sale {
      return changed(
        write(() => {
          const sale = store.openSale();
          if (!sale || sale.lines.length === 0) throw new TillError('PARK_SALE_EMPTY');
          assertParkable(sale);
          parkInTx(sale);
          return ensureOpenSale();
        }),
      );
    },

    /** This till's parked sales, newest first, each with whose sale it is. */
    parkedSales: parkedList,

    /** Whose parked sale this is (null: nobody's); PARKED_SALE_UNKNOWN when it is not parked on this till. */
    parkedOwner(saleId: string): SaleCashier | null {
      if (!store.isParked(saleId)) throw new TillError('PARKED_SALE_UNKNOWN', saleId);
      return cashiers.of(saleId);
    },

    /**
     * Makes a parked sale the open one. An open sale with lines is parked in its place (refused, with nothing
     * changed, when it cannot be parked); an empty one is voided, as it holds nothing.
     */
    recallSale(saleId: string): Sale {
      return changed(
        write(() => {
          if (!store.isParked(saleId)) throw new TillError('PARKED_SALE_UNKNOWN', saleId);
          const current = store.openSale();
          if (current && current.lines.length > 0) {
            assertParkable(current);
            parkInTx(current);
          } else if (current) {
            if (current.payment) throw new TillError('PARK_PAYMENT_PENDING', `${current.saleId}: ${current.payment.intentId}`);
            const entry = journal.append('sale.voided', { saleId: current.saleId, lineCount: 0, totalHalalas: 0, totals: current.totals, reason: 'replaced by a recalled sale' });
            store.closeSale(current, 'voided', entry.at, entry.seq);
          }
          journal.append('sale.recalled', { saleId });
          store.recall(saleId);
          return store.sale(saleId)!;
        }),
      );
    },

    /** Voids a parked sale, journaled as voiding the open sale is; the parked sales left. */
    voidParkedSale(saleId: string) {
      write(() => {
        if (!store.isParked(saleId)) throw new TillError('PARKED_SALE_UNKNOWN', saleId);
        const sale = store.sale(saleId)!;
        assertParkable(sale);
        const entry = journal.append('sale.voided', { saleId, lineCount: sale.lines.length, totalHalalas: sale.totals.totalHalalas, totals: sale.totals, parked: true });
        store.closeSale(sale, 'voided', entry.at, entry.seq);
      });
      return parkedList();
    },

    /**
     * Completes the sale with cash for what is due; with `voucherNo`, a store credit voucher pays first — at most
     * its balance and at most what is due — and cash the rest (none when the voucher covers it all).
     */
    async tenderCash(tenderedHalalas: number, voucherNo?: string): Promise<CompletedSale> {
      const { receipt, change, next } = write(() => {
        const sale = ensureOpenSale();
        if (sale.lines.length === 0) throw new TillError('SALE_EMPTY');
        if (sale.payment) throw new TillError('PAYMENT_PENDING', sale.payment.intentId);
        let credit: { voucherNo: string; amountHalalas: number } | null = null;
        if (voucherNo !== undefined) {
          if (!deps.credit) throw new TillError('CREDIT_NOT_OFFERED', sale.saleId);
          const voucher = deps.credit.usable(voucherNo);
          credit = { voucherNo: voucher.voucherNo, amountHalalas: Math.min(voucher.balanceHalalas, sale.dueHalalas) };
          if (credit.amountHalalas === sale.dueHalalas) return { ...completeInTx(sale, null, credit), change: 0 };
        }
        // Cash covers what is still due after any approved card payments (split tender) and store credit.
        const due = sale.dueHalalas - (credit?.amountHalalas ?? 0);
        if (tenderedHalalas < due) throw new TillError('UNDER_TENDER', `${tenderedHalalas} < ${due}`);
        // No note set covers a sale with 500 riyals or more to spare (500 is the largest note): such an amount is a
        // slip, most often a barcode in the amount field — refused rather than recorded with absurd change.
        if (tenderedHalalas - due >= MAX_CHANGE_HALALAS) throw new TillError('CHANGE_TOO_LARGE', `${tenderedHalalas} for ${due}`);
        const cash: CashTender = { kind: 'cash', amountHalalas: due, tenderedHalalas, changeHalalas: tenderedHalalas - due };
        return { ...completeInTx(sale, cash, credit), change: cash.changeHalalas };
      });
      // The sale is committed; from here on nothing can lose it. The drawer is opened after, and its
      // outcome is journaled and reported rather than allowed to fail the sale.
      recordIssued(receipt);
      changed(next);
      const drawer = await openDrawer(receipt.saleId);
      const completed: CompletedSale = { receipt, changeHalalas: change, drawer, next };
      deps.printing?.kick();
      deps.onSaleCompleted?.(completed);
      return completed;
    },

    /** Start-up: a sale is open before the first scan. */
    ensureOpenSale: currentSale,

    /**
     * Start-up: receipts the watermark log says were issued but the database no longer has (a lost -wal, an
     * older backup put back). Numbering goes on above the highest one, journaled with the list of those sales,
     * so no number is issued twice. Returns the missing receipts (none when the database is whole).
     */
    catchUpReceiptNumbers(): IssuedReceipt[] {
      if (!deps.watermark) return [];
      const id = tillId();
      const last = store.lastReceiptNumber();
      const missing = deps.watermark.missing(id, last);
      if (missing.length === 0) return [];
      const to = missing[missing.length - 1]!.number;
      write(() => {
        journal.append('receipts.counter_raised', { tillId: id, from: last, to, missing, reason: 'receipts issued but missing from the database' });
        store.setReceiptCounter(to);
      });
      return missing;
    },

    /** The open sale, inside the caller's write transaction (payments check it before sending). */
    openSaleInTx: (): Sale => ensureOpenSale(),

    saleById: (saleId: string): Sale | undefined => store.sale(saleId),

    /**
     * Attaches an approved card payment to its sale inside the caller's transaction. Completes the sale when
     * the payment covers what is due. Returns 'orphan' when the sale can no longer take it (not open, or
     * less due than was approved); the caller then reverses or lists the approval.
     */
    attachCardTenderInTx(saleId: string, tender: CardTender): { receipt: Receipt | null; next: Sale | null } | 'orphan' {
      const sale = store.sale(saleId);
      if (!sale || sale.status !== 'open' || tender.amountHalalas > sale.dueHalalas) return 'orphan';
      // The tender of a payment is named after it: one tender per intent, and replay finds it by the intent.
      const entry = journal.append('tender.attached', { saleId, tenderId: tender.intentId, ...tender });
      store.insertCardTender(saleId, tender.intentId, tender, entry.seq);
      const after = store.sale(saleId)!;
      if (after.dueHalalas > 0) return { receipt: null, next: null };
      const { receipt, next } = completeInTx({ ...after, payment: null }, null);
      return { receipt, next };
    },

    /** Marks a card tender of the open sale reversed, inside the caller's transaction. */
    reverseCardTenderInTx(saleId: string, intentId: string): boolean {
      // A completed sale's payments are refunded, never reversed away under its receipt.
      if (store.sale(saleId)?.status !== 'open') return false;
      if (!store.hasLiveCardTender(intentId)) return false;
      const entry = journal.append('tender.reversed', { saleId, intentId });
      return store.reverseCardTender(saleId, intentId, entry.seq);
    },

    /** Bumps the sale's revision inside the caller's transaction (a payment state changed). */
    touchInTx(saleId: string): void {
      store.touch(saleId);
    },

    /** Tells every view about the open sale as it is now (after a payment changed it). */
    announce(): Sale {
      return changed(store.openSale() ?? write(ensureOpenSale));
    },

    /** After the caller's transaction completed a sale: print what it queued, tell every view. */
    afterCompleted(completed: CompletedSale): void {
      recordIssued(completed.receipt);
      deps.printing?.kick();
      deps.onSaleCompleted?.(completed);
    },

    /** Sale history, newest first. */
    receipts(limit: number, beforeReceiptNo?: string) {
      return store.receiptSummaries(limit, beforeReceiptNo);
    },

    /** Opens the drawer for a sale that took cash; journaled, never fails the sale. */
    openDrawer: (saleId: string): Promise<DrawerOutcome> => openDrawer(saleId),

    /** A stored receipt, with the QR of the e-invoice issued with it when there is one. */
    receipt: withEinvoiceQr(createReceiptReader(db), deps.invoicing),

    /**
     * Someone signed in (docs/people.md, "Signing in"): what becomes of the open sale. Still empty, it becomes
     * theirs (`claimed`). With items and another cashier's, it is parked to its owner and the new cashier starts
     * on an empty sale (`parked`) — unless money is on it (a payment in flight or in doubt, an approved tender):
     * such a sale is never set aside out of sight, so it stays on the counter, its owner kept, until its payment
     * is settled (`kept`). Their own sale, or one nobody owns, stays as it is (`unchanged`).
     */
    cashierSignedIn(user: SaleCashier): SignedInSale {
      const cashier = asSaleCashier(user)!;
      let outcome: SignedInSale = 'unchanged';
      const sale = write((): Sale | null => {
        const open = ensureOpenSale();
        const owner = cashiers.of(open.saleId);
        if (owner?.id === cashier.id) return null;
        if (open.lines.length === 0) {
          if (open.tenders.length > 0 || open.payment) return null;
          journal.append('sale.cashier_set', { saleId: open.saleId, cashier });
          cashiers.set(open.saleId, cashier);
          outcome = 'claimed';
          return store.openSale()!;
        }
        if (!owner) return null;
        if (open.payment || open.tenders.length > 0) {
          outcome = 'kept';
          return null;
        }
        parkInTx(open, { owner });
        outcome = 'parked';
        return ensureOpenSale();
      });
      if (sale) deps.onSaleChanged(sale);
      return outcome;
    },
  };

  async function openDrawer(saleId: string): Promise<DrawerOutcome> {
    let outcome: DrawerOutcome = 'failed';
    let reason: string | undefined;
    try {
      if (!deps.printer) throw new Error('no printer configured');
      await deps.printer.openDrawer();
      outcome = 'opened';
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
    }
    try {
      // What the drawer did after the sale's own (synced) commit: journaled without a sync of its own, so a cash
      // sale costs one fsync, not two; the next sale's commit makes it durable (db/relaxed-write.ts).
      writeRelaxed(db, () => journal.append('drawer.kicked', { saleId, cause: 'sale', outcome, ...(reason ? { reason } : {}) }));
    } catch (e) {
      // The sale is already committed; a failed note about the drawer must not make it look failed.
      (deps.log ?? console).error('could not journal the drawer outcome', e);
    }
    return outcome;
  }
}

export type Checkout = ReturnType<typeof createCheckout>;
