// The admin area's Reports tab (issue 15): sales over whole business days — a month by default — as main reads them
// from the daily totals: sales, discounts given, returns and net; net sales by day and by hour (bar charts), how the money came in (doughnut), per cashier,
// and the items that sold most. Chart.js draws on a canvas, so the labels and tooltips are formatted here in the
// cashier's digit style, and the charts read right to left in Arabic.
import { ArcElement, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useState } from 'react';
import { Bar, Doughnut } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { SalesReport, TenderTotal } from '../../../preload/contract/closing';
import { useFormat } from '../../format/FormatContext';
import type { BannerCall } from '../../terminal/useBannerCall';
import { CashierTable } from '../closing/CashierTable';
import '../closing/closing.css';
import './reports.css';

ChartJS.register(ArcElement, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
}

/** Today in Riyadh (the till's default zone), and the day `days` before it. */
const riyadhDay = (offsetDays = 0): string => new Date(Date.now() + 3 * 3600_000 - offsetDays * 24 * 3600_000).toISOString().slice(0, 10);

const COLORS = ['#0b6e4f', '#2a7ab0', '#c77700', '#7a4fb0', '#b03a2e', '#4f6f7a'];

export function ReportsSection({ api, managerPin, calls }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [from, setFrom] = useState(riyadhDay(29));
  const [to, setTo] = useState(riyadhDay());
  const [report, setReport] = useState<SalesReport | null>(null);

  const read = async () => {
    const fresh = await calls.call(() => api.getSalesReport({ managerPin, from, to }));
    if (fresh) setReport(fresh);
  };
  useEffect(() => {
    void read();
    // Once, when the tab opens; then on Show.
  }, []);

  const rtl = f.locale === 'ar';
  const tenderName = (x: TenderTotal): string =>
    x.kind === 'cash' ? t('closing.cash') : x.kind === 'credit' ? t('closing.storeCredit') : x.scheme === 'STCPAY' ? 'STC Pay' : `${x.scheme ?? t('closing.card')}${x.wallet ? ` · ${t(`closing.wallet_${x.wallet}`)}` : ''}`;
  // Chart.js draws its own text: every number goes through the till's formatters (digit style), as on the tables.
  const common = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    locale: rtl ? 'ar-SA-u-nu-latn' : 'en',
    plugins: {
      legend: { display: false, rtl, textDirection: rtl ? 'rtl' : 'ltr' },
      tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr', callbacks: { label: (c: { raw: unknown }) => f.money(Number(c.raw)) } },
    },
  };
  const barOptions = {
    ...common,
    scales: {
      x: { reverse: rtl },
      y: { position: rtl ? ('right' as const) : ('left' as const), ticks: { callback: (v: string | number) => f.amount(Number(v)) } },
    },
  };

  return (
    <div className="xr rp" data-testid="reports" data-loaded={report ? '1' : '0'}>
      <form
        className="rp__range"
        onSubmit={(e) => {
          e.preventDefault();
          void read();
        }}
      >
        <label>
          {t('reports.from')} <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} data-testid="reports-from" />
        </label>
        <label>
          {t('reports.to')} <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} data-testid="reports-to" />
        </label>
        <button type="submit" className="btn btn--primary" disabled={calls.busy} data-testid="reports-show">
          {t('reports.show')}
        </button>
      </form>
      {report && (
        <>
          <table className="xr__table">
            <caption>{t('reports.totals')}</caption>
            <tbody>
              <tr data-testid="reports-receipts">
                <th scope="row">{t('closing.receipts')}</th>
                <td>
                  <bdi>{f.int(report.report.receipts.count)}</bdi>
                </td>
              </tr>
              <tr data-testid="reports-sales">
                <th scope="row">{t('closing.sales')}</th>
                <td>
                  <bdi>{f.money(report.report.salesHalalas)}</bdi>
                </td>
              </tr>
              <tr data-testid="reports-discounts">
                <th scope="row">{t('closing.discounts')}</th>
                <td>
                  <bdi>{`${f.int(report.report.discounts.count)} · ${f.money(report.report.discounts.halalas)}`}</bdi>
                </td>
              </tr>
              <tr data-testid="reports-returns">
                <th scope="row">{t('closing.returns')}</th>
                <td>
                  <bdi>{`${f.int(report.report.returns.count)} · ${f.money(report.report.returns.halalas)}`}</bdi>
                </td>
              </tr>
              <tr data-testid="reports-net">
                <th scope="row">{t('closing.net')}</th>
                <td>
                  <bdi>{f.money(report.report.netHalalas)}</bdi>
                </td>
              </tr>
            </tbody>
          </table>
          <div className="rp__charts">
            <figure className="rp__chart" data-testid="reports-by-day">
              <figcaption>{t('reports.byDay')}</figcaption>
              <div className="rp__canvas">
                <Bar
                  options={barOptions}
                  aria-label={t('reports.byDay')}
                  role="img"
                  data={{
                    labels: report.byDay.map((d) => f.int(Number(d.day.slice(8, 10))) + '/' + f.int(Number(d.day.slice(5, 7)))),
                    datasets: [{ data: report.byDay.map((d) => d.salesHalalas - d.returnsHalalas), backgroundColor: COLORS[0] }],
                  }}
                />
              </div>
            </figure>
            <figure className="rp__chart" data-testid="reports-by-hour">
              <figcaption>{t('reports.byHour')}</figcaption>
              <div className="rp__canvas">
                <Bar
                  options={barOptions}
                  aria-label={t('reports.byHour')}
                  role="img"
                  data={{ labels: report.byHour.map((h) => f.int(h.hour)), datasets: [{ data: report.byHour.map((h) => h.salesHalalas), backgroundColor: COLORS[1] }] }}
                />
              </div>
            </figure>
            <figure className="rp__chart" data-testid="reports-by-tender">
              <figcaption>{t('closing.tenders')}</figcaption>
              <div className="rp__canvas">
                <Doughnut
                  options={{ ...common, plugins: { ...common.plugins, legend: { ...common.plugins.legend, display: true, position: 'bottom' as const } } }}
                  aria-label={t('closing.tenders')}
                  role="img"
                  data={{
                    labels: report.report.tenders.map(tenderName),
                    datasets: [{ data: report.report.tenders.map((x) => x.amountHalalas), backgroundColor: COLORS }],
                  }}
                />
              </div>
            </figure>
          </div>
          <CashierTable cashiers={report.report.cashiers} testId="reports-cashiers" />
          <table className="xr__table" data-testid="reports-vat">
            <caption>{t('reports.byCategory')}</caption>
            <tbody>
              {report.report.vat.map((v) => (
                <tr key={`${v.category}${v.ratePercent}`}>
                  <th scope="row">{t('closing.vatLine', { category: v.category, rate: f.int(v.ratePercent) })}</th>
                  <td>
                    <bdi>{`${f.money(v.taxableHalalas)} · ${f.money(v.vatHalalas)}`}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="xr__table" data-testid="reports-top-items">
            <caption>{t('reports.topItems')}</caption>
            <tbody>
              {report.topItems.map((i) => (
                <tr key={i.productId}>
                  <th scope="row">
                    <bdi>{rtl ? i.nameAr : i.nameEn}</bdi> ({f.int(i.quantity)})
                  </th>
                  <td>
                    <bdi>{f.money(i.salesHalalas)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
