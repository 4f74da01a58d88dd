// The admin area's X report: what the till took since its last closing, as main reads it from the ledger — sales,
// voids, returns, VAT, how the money came in and went back, cash, payments still in doubt, e-invoices waiting, and
// the ledger's head. Reading it changes nothing; Refresh reads it again.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { PeriodReport, TenderTotal } from '../../../preload/contract/closing';
import { useFormat } from '../../format/FormatContext';
import type { BannerCall } from '../../terminal/useBannerCall';
import './closing.css';

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
}

export function XReportSection({ api, managerPin, calls }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [report, setReport] = useState<PeriodReport | null>(null);

  const read = async () => {
    const fresh = await calls.call(() => api.getXReport({ managerPin }));
    if (fresh) setReport(fresh);
  };
  useEffect(() => {
    void read();
    // Once, when the tab opens; then on Refresh.
  }, []);

  if (!report) return <div className="xr" data-testid="x-report" data-loaded="0" />;
  const tenderName = (x: TenderTotal): string =>
    x.kind === 'cash' ? t('closing.cash') : x.scheme === 'STCPAY' ? 'STC Pay' : `${x.scheme ?? t('closing.card')}${x.wallet ? ` · ${t(`closing.wallet_${x.wallet}`)}` : ''}`;
  const row = (label: string, value: string, testId?: string) => (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td>
        <bdi>{value}</bdi>
      </td>
    </tr>
  );

  return (
    <div className="xr" data-testid="x-report" data-loaded="1">
      <p className="xr__period">
        {report.from ? t('closing.period', { from: f.dateTime(report.from), to: f.dateTime(report.to) }) : t('closing.nothingYet')}
      </p>
      <table className="xr__table">
        <caption>{t('closing.x_title')}</caption>
        <tbody>
          {row(t('closing.receipts'), f.int(report.receipts.count), 'x-receipts')}
          {report.receipts.first && row(t('closing.firstLast'), `${report.receipts.first} – ${report.receipts.last}`)}
          {row(t('closing.sales'), f.money(report.salesHalalas), 'x-sales')}
          {row(t('closing.voids'), `${f.int(report.voids.count)} · ${f.money(report.voids.halalas)}`, 'x-voids')}
          {row(t('closing.returns'), `${f.int(report.returns.count)} · ${f.money(report.returns.halalas)}`, 'x-returns')}
          {row(t('closing.net'), f.money(report.netHalalas), 'x-net')}
          {report.vat.map((v) =>
            row(t('closing.vatLine', { category: v.category, rate: f.int(v.ratePercent) }), `${f.money(v.taxableHalalas)} · ${f.money(v.vatHalalas)}`),
          )}
        </tbody>
      </table>
      <table className="xr__table" data-testid="x-tenders">
        <caption>{t('closing.tenders')}</caption>
        <tbody>
          {report.tenders.length === 0 && row(t('closing.none'), '')}
          {report.tenders.map((x) => row(`${tenderName(x)} (${f.int(x.count)})`, f.money(x.amountHalalas)))}
          {report.refunds.map((x) => row(`${t('closing.refundedBy', { how: tenderName(x) })} (${f.int(x.count)})`, f.money(-x.amountHalalas)))}
        </tbody>
      </table>
      <table className="xr__table">
        <caption>{t('closing.cashTitle')}</caption>
        <tbody>
          {row(t('closing.cashTaken'), f.money(report.cash.takenHalalas), 'x-cash-taken')}
          {row(t('closing.cashRefunded'), f.money(report.cash.refundedHalalas))}
        </tbody>
      </table>
      {report.paymentsNeedingAttention.length > 0 && (
        <div className="xr__warn" role="status" data-testid="x-attention">
          {t('closing.attention', { count: report.paymentsNeedingAttention.length })}
          <ul>
            {report.paymentsNeedingAttention.map((p) => (
              <li key={p.reference}>
                <bdi>{p.reference}</bdi> · {p.state} · {f.money(p.amountHalalas)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="xr__meta">
        {t('closing.einvoices', { waiting: f.int(report.einvoices.waiting), rejected: f.int(report.einvoices.rejected) })}
      </p>
      <p className="xr__meta">
        {t('closing.chainHead')} <bdi className="xr__hash">{`#${report.chainHead.seq} ${report.chainHead.hash.slice(0, 16)}…`}</bdi>
      </p>
      <button type="button" className="btn btn--secondary" data-testid="x-refresh" onClick={() => void read()}>
        {t('closing.refresh')}
      </button>
    </div>
  );
}
