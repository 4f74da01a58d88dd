// An X or Z report as rows: Arabic label, English label, value. The same figures the printed Z carries
// (main/closing/print.ts), money as SAR with two decimals from the report's integer halalas — no grouping
// separator, so a spreadsheet reads it as a number.
import type { PeriodReport, TenderTotal, ZReport } from '../../preload/contract';
import { formatHalalas } from '../printing';
import type { Cell } from './csv';

export type ReportRow = [ar: string, en: string, value: Cell];

export const sar = (halalas: number): { number: string } => ({ number: formatHalalas(halalas).replace(/,/g, '') });
const int = (n: number): { number: string } => ({ number: String(n) });

const tenderName = (x: TenderTotal): { ar: string; en: string } => {
  if (x.kind === 'cash') return { ar: 'نقدًا', en: 'Cash' };
  if (x.kind === 'credit') return { ar: 'رصيد متجر', en: 'Store credit' };
  const scheme = x.scheme === 'STCPAY' ? 'STC Pay' : (x.scheme ?? 'Card');
  const name = x.wallet ? `${scheme} · ${x.wallet.replace('_', ' ')}` : scheme;
  return { ar: name, en: name };
};

export function reportRows(r: PeriodReport, z?: ZReport): ReportRow[] {
  const rows: ReportRow[] = [];
  if (z) {
    rows.push(['رقم التقرير', 'Z number', z.zNo], ['أُغلق في', 'Closed at', z.closedAt]);
    if (z.acknowledgedBy) rows.push(['أقرّ بالمدفوعات المعلّقة', 'Acknowledged by', z.acknowledgedBy]);
  }
  rows.push(
    ['نقطة البيع', 'Till', r.tillId],
    ['من', 'From', r.from ?? ''],
    ['إلى', 'To', r.to],
    ['عدد الإيصالات', 'Receipts', int(r.receipts.count)],
    ['أول إيصال', 'First receipt', r.receipts.first ?? ''],
    ['آخر إيصال', 'Last receipt', r.receipts.last ?? ''],
    ['المبيعات', 'Sales', sar(r.salesHalalas)],
    ['عدد الخصومات', 'Discounts given', int(r.discounts.count)],
    ['الخصومات', 'Discounted amount', sar(r.discounts.halalas)],
    ['عدد الملغاة', 'Voided sales', int(r.voids.count)],
    ['الملغاة', 'Voided amount', sar(r.voids.halalas)],
    ['عدد المرتجعات', 'Returns', int(r.returns.count)],
    ['المرتجعات', 'Returned amount', sar(r.returns.halalas)],
    ['الصافي', 'Net', sar(r.netHalalas)],
  );
  for (const v of r.vat) {
    rows.push(
      [`الخاضع ${v.category} ${v.ratePercent}%`, `Taxable ${v.category} ${v.ratePercent}%`, sar(v.taxableHalalas)],
      [`الضريبة ${v.category} ${v.ratePercent}%`, `VAT ${v.category} ${v.ratePercent}%`, sar(v.vatHalalas)],
    );
  }
  for (const x of r.tenders) {
    const n = tenderName(x);
    rows.push([`${n.ar} (${x.count})`, `${n.en} (${x.count})`, sar(x.amountHalalas)]);
  }
  for (const x of r.refunds) {
    const n = tenderName(x);
    rows.push([`مسترد: ${n.ar} (${x.count})`, `Refunded: ${n.en} (${x.count})`, sar(-x.amountHalalas)]);
  }
  // Per cashier, as the paper Z: sales counted and their net (less the returns of those sales).
  for (const c of r.cashiers) {
    const name = c.nameAr || c.nameEn || (c.cashierId ?? 'بدون كاشير');
    const nameEn = c.nameEn || c.nameAr || (c.cashierId ?? 'No cashier');
    rows.push([`الكاشير ${name} (${c.count})`, `Cashier: ${nameEn} (${c.count})`, sar(c.netHalalas)]);
  }
  rows.push(['نقد المبيعات', 'Cash from sales', sar(r.cash.takenHalalas)], ['نقد مسترد', 'Cash refunded', sar(-r.cash.refundedHalalas)]);
  for (const sh of r.shifts) {
    rows.push(
      [`المتوقع — ${sh.shiftNo}`, `Expected — ${sh.shiftNo}`, sar(sh.expectedHalalas)],
      [`المعدود — ${sh.shiftNo}`, `Counted — ${sh.shiftNo}`, sar(sh.countedHalalas)],
      [`الفرق — ${sh.shiftNo}`, `Over / short — ${sh.shiftNo}`, sar(sh.differenceHalalas)],
    );
  }
  // Each settlement of the terminal, as the paper Z: per scheme the terminal's count and net, the ledger's where it
  // differs, then the ledger's transactions of the schemes that differ.
  for (const rec of r.reconciliations) {
    rows.push([`تسوية الجهاز ${rec.matched ? 'مطابقة' : 'بفرق'}`, `Terminal settlement ${rec.settledAt.slice(0, 16)}`, rec.matched ? 'matched' : 'DIFFERENCE']);
    for (const sc of rec.schemes) {
      const t = sc.terminal;
      rows.push([`الجهاز ${sc.scheme} (${t.purchaseCount})`, `Terminal: ${sc.scheme} (${t.purchaseCount})`, sar(t.purchaseHalalas - t.refundHalalas)]);
      if (!sc.matched) {
        const l = sc.ledger;
        rows.push([`السجل ${sc.scheme} (${l.purchaseCount})`, `Ledger: ${sc.scheme} (${l.purchaseCount})`, sar(l.purchaseHalalas - l.refundHalalas)]);
      }
    }
    for (const d of rec.differences) {
      const doc = d.documentNo ?? d.intentId;
      rows.push([`${d.kind === 'refund' ? 'استرداد' : 'شراء'} ${doc}`, `${d.kind} ${doc} RRN ${d.rrn}`, sar(d.kind === 'refund' ? -d.amountHalalas : d.amountHalalas)]);
    }
  }
  for (const p of r.paymentsNeedingAttention) rows.push([`معلّق ${p.reference}`, `In doubt ${p.reference} (${p.state})`, sar(p.amountHalalas)]);
  rows.push(
    ['فواتير بانتظار الإبلاغ', 'E-invoices waiting', int(r.einvoices.waiting)],
    ['فواتير مرفوضة', 'E-invoices rejected', int(r.einvoices.rejected)],
    ['آخر قيد', 'Ledger head', `${r.chainHead.seq} ${r.chainHead.hash}`],
  );
  return rows;
}

export const REPORT_HEADER = ['البند', 'Item', 'القيمة (ر.س) / Value (SAR)'] as const;
