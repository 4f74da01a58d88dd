// The admin area's X report: what the till took since its last closing, as main reads it from the ledger — sales,
// discounts given, voids, returns, VAT, how the money came in and went back, cash, payments still in doubt, e-invoices waiting, and
// the ledger's head. Reading it changes nothing; Refresh reads it again. "Close the day" takes the Z report (main
// numbers, keeps and prints it) after a deliberate confirmation — a click or Ctrl+Enter, never Enter alone, which a
// scanner sends — and, with payments still in doubt, the closing manager's name.
import { useEffect, useState } from 'react';
import { closingChecklist } from './checklist';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { ClosingBackupAnswer, CloseDayAnswer, PeriodReport, TenderTotal } from '../../../preload/contract/closing';
import { useFormat } from '../../format/FormatContext';
import { messageFor } from '../../i18n/messages';
import { confirmKeyAction, isPointerClick } from '../../keys/deliberateConfirm';
import { TextField } from '../../shell/TextField';
import { ReconciliationView } from '../../terminal/ReconciliationView';
import type { BannerCall } from '../../terminal/useBannerCall';
import { CashierTable } from './CashierTable';
import { ZExports } from './ZExports';
import './closing.css';

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
}

const CHECK_MARK = { done: '✓', todo: '•', warn: '!', not_needed: '–' } as const;

export function XReportSection({ api, managerPin, calls }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [report, setReport] = useState<PeriodReport | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [hint, setHint] = useState(false);
  const [name, setName] = useState('');
  const [closed, setClosed] = useState<CloseDayAnswer | null>(null);
  const [backup, setBackup] = useState<ClosingBackupAnswer | null>(null);

  const read = async () => {
    const fresh = await calls.call(() => api.getXReport({ managerPin }));
    if (fresh) setReport(fresh);
  };
  useEffect(() => {
    void read();
    // Once, when the tab opens; then on Refresh.
  }, []);

  // The checklist's backup step: main makes and verifies the copy; the X is read again so the item follows.
  const backUp = async () => {
    const answer = await calls.call(() => api.backupForClosing({ managerPin }));
    if (!answer) return;
    setBackup(answer);
    await read();
  };

  const closeDay = async () => {
    setConfirming(false);
    setHint(false);
    const inDoubt = (report?.paymentsNeedingAttention.length ?? 0) > 0;
    const answer = await calls.call(() => api.closeDay({ managerPin, ...(inDoubt ? { acknowledgedBy: name.trim() } : {}) }));
    if (!answer) return;
    setClosed(answer);
    setName('');
    await read();
  };

  if (!report) return <div className="xr" data-testid="x-report" data-loaded="0" />;
  const inDoubt = report.paymentsNeedingAttention.length > 0;
  const tenderName = (x: TenderTotal): string =>
    x.kind === 'cash' ? t('closing.cash') : x.kind === 'credit' ? t('closing.storeCredit') : x.scheme === 'STCPAY' ? 'STC Pay' : `${x.scheme ?? t('closing.card')}${x.wallet ? ` · ${t(`closing.wallet_${x.wallet}`)}` : ''}`;
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
          {row(t('closing.discounts'), `${f.int(report.discounts.count)} · ${f.money(report.discounts.halalas)}`, 'x-discounts')}
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
      {report.cashiers.length > 0 && <CashierTable cashiers={report.cashiers} testId="x-cashiers" />}
      <table className="xr__table">
        <caption>{t('closing.cashTitle')}</caption>
        <tbody>
          {row(t('closing.cashTaken'), f.money(report.cash.takenHalalas), 'x-cash-taken')}
          {row(t('closing.cashRefunded'), f.money(report.cash.refundedHalalas))}
          {report.shifts.map((sh) =>
            row(
              t('closing.shiftLine', { shiftNo: sh.shiftNo }),
              `${f.money(sh.expectedHalalas)} · ${f.money(sh.countedHalalas)} · ${f.money(sh.differenceHalalas)}`,
              'x-shift',
            ),
          )}
        </tbody>
      </table>
      {report.reconciliations.map((rec) => (
        <section key={rec.settledAt} className="xr__reconciliation" data-testid="x-reconciliation">
          <h3>{t('closing.reconciliationTitle', { at: f.dateTime(rec.settledAt) })}</h3>
          <ReconciliationView reconciliation={rec} testId="x-reconciliation-result" />
        </section>
      ))}
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
      {report.shiftOpen && (
        <p className="xr__warn" role="status" data-testid="x-shift-open">
          {t('closing.shiftOpen')}
        </p>
      )}
      <p className="xr__meta">
        {t('closing.einvoices', { waiting: f.int(report.einvoices.waiting), rejected: f.int(report.einvoices.rejected) })}
      </p>
      <p className="xr__meta">
        {t('closing.chainHead')} <bdi className="xr__hash">{`#${report.chainHead.seq} ${report.chainHead.hash.slice(0, 16)}…`}</bdi>
      </p>
      <section className="xr__checklist" aria-labelledby="xr-checklist-title" data-testid="closing-checklist">
        <h3 id="xr-checklist-title">{t('closing.checklist')}</h3>
        <ul>
          {closingChecklist(report).map((c) => (
            <li key={c.key} className={`xr__check xr__check--${c.state}`} data-testid={`check-${c.key}`} data-state={c.state}>
              <span aria-hidden="true">{CHECK_MARK[c.state]}</span> {t(`closing.check_${c.key}`)} — {t(`closing.state_${c.state}`)}
              {c.key === 'backup' && (
                <>
                  {' '}
                  <button type="button" className="btn btn--secondary" data-testid="check-backup-run" disabled={calls.busy} onClick={() => void backUp()}>
                    {t('closing.backupNow')}
                  </button>
                  {backup && (
                    <span className={backup.error ? 'xr__warn' : 'xr__meta'} role="status" data-testid="check-backup-result" data-ok={backup.error ? '0' : '1'}>
                      {' '}
                      {backup.backup
                        ? t('closing.backupMade', { at: f.dateTime(backup.backup.at), entries: f.int(backup.backup.entries) })
                        : backup.error && messageFor(backup.error, f.locale, f.digits)}
                    </span>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      {closed && (
        <p className="xr__done" role="status" data-testid="z-closed" data-number={closed.z.number}>
          {t('closing.z_done', { zNo: closed.z.zNo })}{' '}
          {closed.printError ? t('closing.z_printFailed', { reason: messageFor(closed.printError, f.locale, f.digits) }) : t('closing.z_printed')}
        </p>
      )}
      <div className="xr__actions">
        <button type="button" className="btn btn--secondary" data-testid="x-refresh" onClick={() => void read()}>
          {t('closing.refresh')}
        </button>
        {!confirming && (
          <button type="button" className="btn btn--primary" data-testid="z-close" disabled={calls.busy} onClick={() => setConfirming(true)}>
            {t('closing.z_close')}
          </button>
        )}
      </div>
      <ZExports api={api} managerPin={managerPin} calls={calls} lastZ={closed?.z.number ?? null} />
      {confirming && (
        <div
          className="xr__confirm"
          role="alertdialog"
          aria-labelledby="z-confirm-text"
          tabIndex={-1}
          ref={(el) => {
            if (el && !el.contains(document.activeElement)) el.focus();
          }}
          data-testid="z-confirm"
          onKeyDown={(e) => {
            const action = confirmKeyAction(e, null);
            if (action === null) return;
            e.preventDefault();
            e.stopPropagation();
            if (action === 'confirm') void closeDay();
            else setHint(true);
          }}
        >
          <p id="z-confirm-text">{t('closing.z_confirm')}</p>
          {inDoubt && (
            <TextField label={t('closing.z_acknowledge')} data-testid="z-acknowledged-by" value={name} onValue={setName} maxLength={80} className="field__input" />
          )}
          {hint && <p className="xr__warn">{t('closing.z_confirmHint')}</p>}
          <div className="xr__actions">
            <button
              type="button"
              className="btn btn--primary"
              data-testid="z-confirm-button"
              disabled={inDoubt && name.trim().length < 2}
              onClick={(e) => (isPointerClick(e) ? void closeDay() : setHint(true))}
            >
              {t('closing.z_confirmButton')}
            </button>
            <button type="button" className="btn btn--secondary" data-testid="z-cancel" onClick={() => setConfirming(false)}>
              {t('closing.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
