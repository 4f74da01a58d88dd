// The sales receipt: a ZATCA simplified tax invoice, bilingual, Arabic first. Built only from the stored
// Receipt (so a reprint is identical to the original apart from the copy marker) plus shop details that
// are not part of the sale record.
import { DISCOUNT_REASON_TEXT, groupedVoucherNumber, type AppliedDiscount, type Receipt, type VatBreakdown } from '../../../preload/contract';
import { zatcaQrForReceipt } from '../../fiscal';
import type { Block, Cell } from './blocks';
import { formatGramsAsKg, formatHalalas, formatInteger, riyadhDateTime, safePan, type Digits } from './format';
import { shopHeader, type ShopInfo } from './shop';
import { tenderBlocks } from './tenders';
import { T } from './texts';

export type ReceiptCopy = 'original' | 'copy';

export interface ReceiptLayoutInput {
  receipt: Receipt;
  /** Address lines; the names and VAT number are taken from the receipt as it was issued. */
  address: { ar: string[]; en: string[] };
  cashierName: string;
  copy: ReceiptCopy;
  /** Digits for amounts and quantities (default Latin, as the QR and most Saudi receipts use). */
  digits?: Digits;
  /** The shop's own lines under its name (branch, opening hours, a slogan), each language its own. */
  header?: { ar: string[]; en: string[] };
  /** Footer lines (default: a thank-you in both languages). */
  footer?: { ar: string[]; en: string[] };
  logo?: boolean;
  /** Seller name for QR tag 1 (default: the Arabic shop name). */
  qrSellerName?: string;
  /**
   * Set for a return's refund receipt: the credit note of the original invoice. The title, the number's label,
   * the original invoice and the reason change; the lines, totals and QR are laid out as on a receipt.
   */
  creditNote?: { originalReceiptNo: string; reason: { ar: string; en: string } };
}

/** Column shares, right to left: item name, qty × price, amount. */
const COLUMNS = [0.5, 0.27, 0.23] as const;

function itemRow(name: string[], qtyPrice: string[], amount: string[], header: boolean): Block {
  // First line of each cell normal size, further lines (English) small; the header row is bold.
  const spans = (texts: string[], firstSize: 'normal' | 'small') =>
    texts.map((text, i) => ({ text, size: i === 0 ? firstSize : ('small' as const), bold: header && i === 0 }));
  const cells: Cell[] = [
    { lines: spans(name, 'normal'), width: COLUMNS[0], align: 'right' },
    { lines: spans(qtyPrice, 'small'), width: COLUMNS[1], align: 'center' },
    { lines: spans(amount, header ? 'small' : 'normal'), width: COLUMNS[2], align: 'left' },
  ];
  return { kind: 'columns', cells };
}

/** "10% " for a percentage rule, nothing for an amount: the amount taken off follows anyway. */
const ruleText = (d: AppliedDiscount, digits: Digits): string => (d.rule.kind === 'percent' ? `${formatInteger(d.rule.percent, digits)}% ` : '');

/** A discount under its line or over the totals: what, how much, why — and the amount taken off. */
function discountPair(label: { ar: string; en: string }, d: AppliedDiscount, fmt: (h: number) => string, digits: Digits): Block {
  const why = DISCOUNT_REASON_TEXT[d.reason];
  return {
    kind: 'pair',
    label: `${label.ar} ${ruleText(d, digits)}(${why.ar})`,
    labelEn: `${label.en} ${ruleText(d, digits)}(${why.en})`,
    value: `-${fmt(d.halalas)}`,
    size: 'small',
  };
}

function vatLines(b: VatBreakdown, fmt: (h: number) => string): Block[] {
  if (b.category === 'S') {
    return [{ kind: 'pair', label: `${T.vat.ar} ${b.ratePercent}%`, labelEn: `${T.vat.en} ${b.ratePercent}%`, value: fmt(b.vatHalalas) }];
  }
  const t = b.category === 'Z' ? T.zeroRated : T.exempt;
  return [{ kind: 'pair', label: `${T.taxable.ar} - ${t.ar}`, labelEn: `${t.en}`, value: fmt(b.taxableHalalas), size: 'small' }];
}

function refundBlocks(t: Receipt['tenders'][number], fmt: (h: number) => string): Block[] {
  if (t.kind === 'cash') return [{ kind: 'pair', label: T.refundedCash.ar, labelEn: T.refundedCash.en, value: fmt(t.amountHalalas), bold: true }];
  // Store credit: the voucher itself, in a box of its own — its number, amount and a barcode the pay panel scans.
  if (t.kind === 'credit') {
    return [
      { kind: 'pair', label: T.refundedCredit.ar, labelEn: T.refundedCredit.en, value: fmt(t.amountHalalas), bold: true },
      { kind: 'separator', style: 'double' },
      { kind: 'text', text: `${T.storeCredit.ar} / ${T.storeCredit.en}`, align: 'center', size: 'large', bold: true, invert: true },
      { kind: 'text', text: fmt(t.amountHalalas), align: 'center', size: 'title', bold: true },
      { kind: 'pair', label: T.voucherNo.ar, labelEn: T.voucherNo.en, value: groupedVoucherNumber(t.voucherNo), bold: true },
      // Code128, not a QR: the handheld 1D scanners at the counter read it (2D imagers read it too).
      { kind: 'barcode', data: t.voucherNo },
      { kind: 'text', text: groupedVoucherNumber(t.voucherNo), align: 'center', size: 'small' },
      { kind: 'text', text: T.voucherBearer.ar, align: 'center', size: 'small' },
      { kind: 'text', text: T.voucherBearer.en, align: 'center', size: 'small' },
      { kind: 'separator', style: 'double' },
    ];
  }
  // The card (or STC Pay wallet) it went back to, as the terminal reported it: masked, with its reference.
  return [
    { kind: 'pair', label: T.refundedCard.ar, labelEn: T.refundedCard.en, value: fmt(t.amountHalalas), bold: true },
    { kind: 'pair', label: t.card.schemeLabel, value: safePan(t.card.maskedPan), size: 'small' },
    { kind: 'pair', label: T.rrn.ar, labelEn: T.rrn.en, value: t.card.rrn, size: 'small' },
  ];
}

/** The business buyer of a standard tax invoice: name, VAT number (or other ID), national address. */
function buyerBlocks(buyer: NonNullable<Receipt['buyer']>, clearance: Receipt['clearance']): Block[] {
  const a = buyer.address;
  const id = buyer.vatNumber ? { label: T.buyerVat, value: buyer.vatNumber } : buyer.otherId ? { label: { ar: buyer.otherId.scheme, en: '' }, value: buyer.otherId.value } : null;
  return [
    { kind: 'pair', label: T.buyer.ar, labelEn: T.buyer.en, value: buyer.legalName },
    ...(id ? [{ kind: 'pair', label: id.label.ar, ...(id.label.en ? { labelEn: id.label.en } : {}), value: id.value } as Block] : []),
    { kind: 'pair', label: T.buyerAddress.ar, labelEn: T.buyerAddress.en, value: `${a.buildingNumber} ${a.street}، ${a.district}، ${a.city} ${a.postalCode}`, size: 'small' },
    ...(clearance === 'cleared' || clearance === 'reported' ? [] : [{ kind: 'text', text: `${T.notCleared.ar} / ${T.notCleared.en}`, align: 'center', size: 'small', bold: true, invert: true } as Block]),
    { kind: 'separator', style: 'solid' },
  ];
}

export function layoutReceipt(input: ReceiptLayoutInput): Block[] {
  const { receipt, copy } = input;
  const note = input.creditNote;
  // A standard (B2B) invoice names its buyer; until ZATCA clears it, the paper says it is not an invoice yet.
  const buyer = !note && receipt.buyer && receipt.clearance !== 'replaced' ? receipt.buyer : null;
  const title = note ? T.creditNote : buyer ? T.taxInvoice : T.simplifiedTaxInvoice;
  const digits = input.digits ?? 'latin';
  const fmt = (h: number) => formatHalalas(h, digits);
  const shop: ShopInfo = {
    nameAr: receipt.shopNameAr,
    nameEn: receipt.shopNameEn,
    addressAr: input.address.ar,
    addressEn: input.address.en,
    vatNumber: receipt.vatNumber,
  };
  const copyBanner: Block = { kind: 'text', text: `${T.copy.ar}   ${T.copy.en}`, align: 'center', size: 'large', bold: true, invert: true };

  const blocks: Block[] = [];
  if (copy === 'copy') blocks.push(copyBanner, { kind: 'space', dots: 8 });
  blocks.push(
    ...shopHeader(shop, { logo: input.logo ?? true, vat: true }),
    ...(input.header?.ar ?? []).map((text): Block => ({ kind: 'text', text, align: 'center', size: 'small' })),
    ...(input.header?.en ?? []).map((text): Block => ({ kind: 'text', text, align: 'center', size: 'small' })),
    { kind: 'space', dots: 4 },
    { kind: 'text', text: title.ar, align: 'center', size: 'large', bold: true },
    { kind: 'text', text: title.en, align: 'center', size: 'normal', bold: true },
    { kind: 'separator', style: 'solid' },
  );

  const { date, time } = riyadhDateTime(receipt.issuedAt, digits);
  const numberLabel = note ? T.creditNoteNo : T.invoiceNo;
  blocks.push({ kind: 'pair', label: numberLabel.ar, labelEn: numberLabel.en, value: receipt.receiptNo });
  if (note) {
    blocks.push(
      { kind: 'pair', label: T.originalInvoiceNo.ar, labelEn: T.originalInvoiceNo.en, value: note.originalReceiptNo },
      { kind: 'pair', label: T.returnReason.ar, labelEn: T.returnReason.en, value: `${note.reason.ar} / ${note.reason.en}`, size: 'small' },
    );
  }
  blocks.push(
    { kind: 'pair', label: T.date.ar, labelEn: T.date.en, value: `${date} ${time}` },
    { kind: 'pair', label: T.cashier.ar, labelEn: T.cashier.en, value: input.cashierName },
    { kind: 'separator', style: 'solid' },
  );
  if (buyer) blocks.push(...buyerBlocks(buyer, receipt.clearance));

  // Items: a header row, then name (Arabic, English small), qty × unit price, line total.
  blocks.push(
    itemRow([T.item.ar, T.item.en], [T.qtyPrice.ar, T.qtyPrice.en], [T.amount.ar, T.amount.en], true),
    { kind: 'separator', style: 'dashed' },
  );
  let count = 0;
  for (const line of receipt.lines) {
    // A weighed line counts as one item; its quantity is grams, shown as kilograms × the price per kilogram.
    count += line.soldBy === 'kg' ? 1 : line.quantity;
    const names = line.nameEn && line.nameEn !== line.nameAr ? [line.nameAr, line.nameEn] : [line.nameAr];
    const qtyPrice =
      line.soldBy === 'kg'
        ? [`${formatGramsAsKg(line.quantity, digits)} ${T.kg.ar} × ${fmt(line.unitPriceHalalas)}`, `${formatGramsAsKg(line.quantity, digits)} ${T.kg.en} × ${fmt(line.unitPriceHalalas)}`]
        : [`${formatInteger(line.quantity, digits)} × ${fmt(line.unitPriceHalalas)}`];
    // A discounted line shows its amount before the discount, then the discount under it.
    blocks.push(itemRow(names, qtyPrice, [fmt(line.lineTotalHalalas + (line.discount?.halalas ?? 0))], false));
    if (line.priceOverride) {
      blocks.push({ kind: 'pair', label: T.listPrice.ar, labelEn: T.listPrice.en, value: fmt(line.priceOverride.listPriceHalalas), size: 'small' });
    }
    if (line.discount) blocks.push(discountPair(T.lineDiscount, line.discount, fmt, digits));
  }
  blocks.push(
    { kind: 'separator', style: 'dashed' },
    { kind: 'pair', label: T.itemsCount.ar, labelEn: T.itemsCount.en, value: formatInteger(count, digits), size: 'small' },
  );
  if (receipt.discount) {
    const before = receipt.lines.reduce((sum, l) => sum + l.lineTotalHalalas, 0);
    blocks.push(
      { kind: 'pair', label: T.beforeDiscount.ar, labelEn: T.beforeDiscount.en, value: fmt(before) },
      discountPair(T.saleDiscount, receipt.discount, fmt, digits),
    );
  }

  // Totals and the VAT breakdown (document-level, per category, as computed at sale time).
  const { totals } = receipt;
  blocks.push({ kind: 'pair', label: T.totalExVat.ar, labelEn: T.totalExVat.en, value: fmt(totals.subtotalHalalas) });
  for (const b of totals.breakdown) blocks.push(...vatLines(b, fmt));
  blocks.push(
    { kind: 'separator', style: 'solid' },
    { kind: 'pair', label: T.totalIncVat.ar, labelEn: `${T.totalIncVat.en} (SAR)`, value: fmt(totals.totalHalalas), size: 'large', bold: true },
    { kind: 'separator', style: 'solid' },
  );

  // Tenders (tenders.ts): cash, cards (their slips are printed separately), STC Pay. A refund says where the money went.
  for (const t of receipt.tenders) blocks.push(...(note ? refundBlocks(t, fmt) : tenderBlocks(t, fmt)));
  blocks.push({ kind: 'separator', style: 'dashed' });

  blocks.push(
    // The signed e-invoice's own QR when there is one (never rebuilt from the receipt); phase 1 otherwise.
    { kind: 'qr', data: receipt.einvoiceQr ?? zatcaQrForReceipt(receipt, input.qrSellerName ? { sellerName: input.qrSellerName } : {}) },
  );
  const footer = input.footer ?? { ar: [T.thanks.ar], en: [T.thanks.en] };
  for (const line of footer.ar) blocks.push({ kind: 'text', text: line, align: 'center', size: 'normal', bold: true });
  for (const line of footer.en) blocks.push({ kind: 'text', text: line, align: 'center', size: 'small' });
  if (copy === 'copy') blocks.push({ kind: 'space', dots: 8 }, copyBanner);
  return blocks;
}
