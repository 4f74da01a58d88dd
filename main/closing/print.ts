// A Z report on paper, Arabic first with the English under each label, as the receipts are laid out (one raster
// image: ESC/POS code pages cannot shape Arabic). The figures are the stored Z's; the ledger's head closes it, an
// anchor a later `ledger verify` can be held to.
import type { CashierTotal, TenderTotal, ZReport } from '../../preload/contract';
import { formatHalalas, riyadhDateTime, type Block } from '../printing';

export interface ZShop {
  nameAr: string;
  nameEn: string;
  vatNumber: string;
}

/** Cash in Arabic; a card scheme (or STC Pay) as the terminal names it, with its wallet. */
const tenderLabel = (x: TenderTotal): string => {
  if (x.kind === 'cash') return 'نقدًا';
  if (x.kind === 'credit') return 'رصيد متجر';
  const scheme = x.scheme === 'STCPAY' ? 'STC Pay' : (x.scheme ?? 'Card');
  return x.wallet ? `${scheme} · ${x.wallet.replace('_', ' ')}` : scheme;
};

/** The cashier's Arabic name (or English, or id); sales without one — before users, nobody signed in — say so. */
const cashierLabel = (c: CashierTotal): string => c.nameAr || c.nameEn || (c.cashierId ?? 'بدون كاشير');

export function zReportBlocks(z: ZReport, shop: ZShop): Block[] {
  const r = z.report;
  const money = (h: number) => formatHalalas(h);
  const when = (iso: string) => {
    const t = riyadhDateTime(iso);
    return `${t.date} ${t.time}`;
  };
  const blocks: Block[] = [
    { kind: 'text', text: shop.nameAr, align: 'center', size: 'large', bold: true },
    { kind: 'text', text: shop.nameEn, align: 'center' },
    { kind: 'text', text: `الرقم الضريبي ${shop.vatNumber}`, align: 'center', size: 'small' },
    { kind: 'separator', style: 'double' },
    { kind: 'text', text: 'تقرير Z — إغلاق اليوم', align: 'center', size: 'title', bold: true, invert: true },
    { kind: 'pair', label: 'رقم التقرير', labelEn: 'Z number', value: z.zNo, bold: true },
    { kind: 'pair', label: 'أُغلق في', labelEn: 'Closed at', value: when(z.closedAt) },
    { kind: 'pair', label: 'من', labelEn: 'From', value: r.from ? when(r.from) : '—' },
    { kind: 'pair', label: 'نقطة البيع', labelEn: 'Till', value: r.tillId },
    { kind: 'separator', style: 'dashed' },
    { kind: 'pair', label: 'عدد الإيصالات', labelEn: 'Receipts', value: String(r.receipts.count) },
    { kind: 'pair', label: 'أول إيصال', labelEn: 'First receipt', value: r.receipts.first ?? '—' },
    { kind: 'pair', label: 'آخر إيصال', labelEn: 'Last receipt', value: r.receipts.last ?? '—' },
    { kind: 'pair', label: 'المبيعات', labelEn: 'Sales', value: money(r.salesHalalas) },
    { kind: 'pair', label: 'الخصومات', labelEn: `Discounts (${r.discounts.count})`, value: money(r.discounts.halalas) },
    { kind: 'pair', label: 'الملغاة', labelEn: `Voided (${r.voids.count})`, value: money(r.voids.halalas) },
    { kind: 'pair', label: 'المرتجعات', labelEn: `Returns (${r.returns.count})`, value: money(r.returns.halalas) },
    { kind: 'pair', label: 'الصافي', labelEn: 'Net', value: money(r.netHalalas), size: 'large', bold: true },
    { kind: 'separator', style: 'dashed' },
  ];
  for (const v of r.vat) {
    blocks.push({ kind: 'pair', label: `الخاضع ${v.category} ${v.ratePercent}%`, labelEn: `Taxable ${v.category} ${v.ratePercent}%`, value: money(v.taxableHalalas) });
    blocks.push({ kind: 'pair', label: `الضريبة ${v.category} ${v.ratePercent}%`, labelEn: `VAT ${v.category} ${v.ratePercent}%`, value: money(v.vatHalalas) });
  }
  blocks.push({ kind: 'separator', style: 'dashed' }, { kind: 'text', text: 'طرق الدفع | Payments', align: 'center', bold: true });
  for (const x of r.tenders) {
    blocks.push({ kind: 'pair', label: tenderLabel(x), labelEn: `${x.count} ×`, value: money(x.amountHalalas) });
  }
  for (const x of r.refunds) {
    blocks.push({ kind: 'pair', label: `مسترد: ${tenderLabel(x)}`, labelEn: `Refunded ${x.count} ×`, value: money(-x.amountHalalas) });
  }
  if (r.cashiers.length > 0) {
    blocks.push({ kind: 'separator', style: 'dashed' }, { kind: 'text', text: 'الكاشيرية | Cashiers', align: 'center', bold: true });
    for (const c of r.cashiers) blocks.push({ kind: 'pair', label: cashierLabel(c), labelEn: `${c.count} ×`, value: money(c.netHalalas) });
  }
  blocks.push(
    { kind: 'separator', style: 'dashed' },
    { kind: 'pair', label: 'نقد المبيعات', labelEn: 'Cash from sales', value: money(r.cash.takenHalalas) },
    { kind: 'pair', label: 'نقد مسترد', labelEn: 'Cash refunded', value: money(-r.cash.refundedHalalas) },
  );
  for (const sh of r.shifts) {
    blocks.push(
      { kind: 'text', text: `الوردية | Shift ${sh.shiftNo}`, align: 'center', bold: true },
      { kind: 'pair', label: 'المتوقع', labelEn: 'Expected', value: money(sh.expectedHalalas) },
      { kind: 'pair', label: 'المعدود', labelEn: 'Counted', value: money(sh.countedHalalas) },
      { kind: 'pair', label: 'الفرق', labelEn: 'Over / short', value: money(sh.differenceHalalas) },
    );
  }
  // Each settlement of the terminal in the period, scheme by scheme: the terminal's count and amount, then the
  // ledger's when they differ (with the ledger's transactions of that scheme, to find the one that differs).
  for (const rec of r.reconciliations) {
    blocks.push(
      { kind: 'separator', style: 'dashed' },
      { kind: 'text', text: `تسوية الجهاز | Terminal settlement: ${rec.matched ? 'مطابقة | matched' : 'فرق | DIFFERENCE'}`, align: 'center', bold: true },
    );
    for (const sc of rec.schemes) {
      const t = sc.terminal;
      blocks.push({ kind: 'pair', label: sc.scheme, labelEn: `${t.purchaseCount} ×`, value: money(t.purchaseHalalas - t.refundHalalas) });
      if (!sc.matched) {
        const l = sc.ledger;
        blocks.push({ kind: 'pair', label: 'في السجل', labelEn: `Ledger ${l.purchaseCount} ×`, value: money(l.purchaseHalalas - l.refundHalalas), bold: true });
      }
    }
    for (const d of rec.differences) {
      blocks.push({ kind: 'pair', label: d.documentNo ?? d.intentId, labelEn: `${d.kind} RRN ${d.rrn}`, value: money(d.kind === 'refund' ? -d.amountHalalas : d.amountHalalas), size: 'small' });
    }
  }
  if (r.paymentsNeedingAttention.length > 0) {
    blocks.push({ kind: 'separator', style: 'dashed' }, { kind: 'text', text: `مدفوعات معلّقة | In doubt (${r.paymentsNeedingAttention.length})`, align: 'center', bold: true });
    for (const p of r.paymentsNeedingAttention) blocks.push({ kind: 'pair', label: p.reference, labelEn: p.state, value: money(p.amountHalalas) });
    if (z.acknowledgedBy) blocks.push({ kind: 'pair', label: 'أقرّ بها', labelEn: 'Acknowledged by', value: z.acknowledgedBy });
  }
  blocks.push(
    { kind: 'separator', style: 'dashed' },
    { kind: 'pair', label: 'فواتير بانتظار الإبلاغ', labelEn: 'E-invoices waiting', value: String(r.einvoices.waiting) },
    { kind: 'pair', label: 'فواتير مرفوضة', labelEn: 'E-invoices rejected', value: String(r.einvoices.rejected) },
    { kind: 'separator', style: 'double' },
    { kind: 'text', text: `سجل القيود | Ledger #${r.chainHead.seq}`, align: 'center', size: 'small' },
    { kind: 'text', text: r.chainHead.hash, align: 'center', size: 'small' },
  );
  return blocks;
}
