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
  rows.push(['نقد المبيعات', 'Cash from sales', sar(r.cash.takenHalalas)], ['نقد مسترد', 'Cash refunded', sar(-r.cash.refundedHalalas)]);
  for (const sh of r.shifts) {
    rows.push(
      [`المتوقع — ${sh.shiftNo}`, `Expected — ${sh.shiftNo}`, sar(sh.expectedHalalas)],
      [`المعدود — ${sh.shiftNo}`, `Counted — ${sh.shiftNo}`, sar(sh.countedHalalas)],
      [`الفرق — ${sh.shiftNo}`, `Over / short — ${sh.shiftNo}`, sar(sh.differenceHalalas)],
    );
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
