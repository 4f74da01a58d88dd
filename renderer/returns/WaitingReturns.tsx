// What card returns leave for a manager (main/returns/desk.ts), on the returns desk: requests whose refund is in
// doubt (settled from the terminal's "Needs attention"), requests whose refund was approved but could not issue
// the return (issued here for what the card got back, the rest from the drawer), and cash owed on returns whose
// card part was approved with nobody at the counter (paid out here: the drawer opens then). Main says what each
// action would pay; this view computes no amount. Every action takes the manager's PIN (never kept).
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { IssuedReturn, OwedCash, PaidOwedCash, ReturnsWaiting, WaitingReturn } from '../../preload/contract/returns';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import { PinForm } from '../payments/PinForm';
import { useShown } from '../people/mayShow';
import type { BannerControls } from '../shell/useBanner';
import { useBannerCall } from '../terminal/useBannerCall';
import { ReturnResult } from './ReturnResult';

type Task = { kind: 'settle'; request: WaitingReturn } | { kind: 'pay'; owed: OwedCash };
type Done = { kind: 'settled'; issued: IssuedReturn } | { kind: 'paid'; paid: PaidOwedCash };

interface Props {
  api: NuqtaApi;
  banner: BannerControls;
  waiting: ReturnsWaiting;
  /** Read the list again (after an action). */
  reload(): Promise<void>;
}

export function WaitingReturns({ api, banner, waiting, reload }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { busy, call } = useBannerCall(banner);
  const [task, setTask] = useState<Task | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const shown = useShown('returnsDesk');

  const submit = async (managerPin: string): Promise<boolean> => {
    if (!task) return false;
    if (task.kind === 'settle') {
      const issued = await call(() => api.settleReturnRequest({ requestId: task.request.requestId, managerPin }));
      if (!issued) {
        void reload(); // it may have been settled meanwhile, or be refused for good: the list says
        return false;
      }
      setDone({ kind: 'settled', issued });
    } else {
      const paid = await call(() => api.payReturnCash({ returnNo: task.owed.returnNo, managerPin }));
      if (!paid) {
        void reload();
        return false;
      }
      setDone({ kind: 'paid', paid });
    }
    setTask(null);
    await reload();
    return true;
  };

  // Esc in the PIN form closes the form, not the panel under it.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    setTask(null);
  };

  const count = waiting.requests.length + waiting.owedCash.length;
  return (
    <div className="waiting-returns" data-testid="waiting-returns">
      <h4 className="waiting-returns__title">
        {t('returns.waitingTitle')}
        {count > 0 && <span className="badge">{f.int(count)}</span>}
      </h4>
      {count === 0 && <p className="terminal__none">{t('returns.waitingEmpty')}</p>}
      <ul className="waiting-returns__list">
        {waiting.requests.map((r) => (
          <li key={r.requestId} className="waiting-returns__item" data-testid="waiting-request" data-request-id={r.requestId} data-why={r.why}>
            <div className="waiting-returns__head">
              <bdi dir="ltr">{r.receiptNo}</bdi>
              <span>{f.money(r.totalHalalas)}</span>
            </div>
            <p className="waiting-returns__items">
              {r.items.map((i) => `${f.locale === 'ar' ? i.nameAr : i.nameEn} × ${f.int(i.quantity)}`).join(' · ')}
            </p>
            <p className="waiting-returns__why" data-testid="waiting-why">
              {r.why === 'refund_in_doubt'
                ? t('returns.why_refund_in_doubt', { amount: f.money(r.askedHalalas) })
                : r.why === 'refund_mismatch'
                  ? t('returns.why_refund_mismatch', { approved: f.money(r.approvedHalalas ?? 0), asked: f.money(r.askedHalalas) })
                  : t('returns.why_issue_failed', { approved: f.money(r.approvedHalalas ?? 0), detail: r.detail ?? '' })}
            </p>
            {r.settle && shown.settle ? (
              <div className="waiting-returns__action">
                <p className="waiting-returns__settle" data-testid="waiting-settle-plan">
                  {r.settle.cashHalalas > 0
                    ? t('returns.settlePlanCash', { card: f.money(r.settle.cardHalalas), cash: f.money(r.settle.cashHalalas) })
                    : t('returns.settlePlan', { card: f.money(r.settle.cardHalalas) })}
                  {r.settle.creditHalalas !== undefined && ` ${t('returns.settlePlanCredit', { credit: f.money(r.settle.creditHalalas) })}`}
                </p>
                <button
                  type="button"
                  className="btn btn--primary"
                  data-testid="waiting-settle"
                  disabled={busy}
                  onClick={() => {
                    setDone(null);
                    setTask({ kind: 'settle', request: r });
                  }}
                >
                  {t('returns.settle')}
                </button>
              </div>
            ) : (
              !r.settle &&
              r.why !== 'refund_in_doubt' && (
                <p className="waiting-returns__blocked" data-testid="waiting-blocked">
                  {t('returns.settleOverReturn', { approved: f.money(r.approvedHalalas ?? 0), total: f.money(r.totalHalalas) })}
                </p>
              )
            )}
          </li>
        ))}
        {waiting.owedCash.map((o) => (
          <li key={o.returnNo} className="waiting-returns__item" data-testid="owed-cash" data-return-no={o.returnNo}>
            <div className="waiting-returns__head">
              <bdi dir="ltr">{o.returnNo}</bdi>
              <span>{f.money(o.amountHalalas)}</span>
            </div>
            <p className="waiting-returns__why">
              {t('returns.owedBody', { amount: f.money(o.amountHalalas), receipt: o.receiptNo, total: f.money(o.totalHalalas) })}
            </p>
            {shown.payOut && (
              <div className="waiting-returns__action">
                <button
                  type="button"
                  className="btn btn--primary"
                  data-testid="owed-pay"
                  disabled={busy}
                  onClick={() => {
                    setDone(null);
                    setTask({ kind: 'pay', owed: o });
                  }}
                >
                  {t('returns.payOut', { amount: f.money(o.amountHalalas) })}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {task && (
        <div className="waiting-returns__pin" onKeyDown={onKeyDown}>
          <PinForm
            title={task.kind === 'settle' ? t('returns.settleTitle', { no: task.request.receiptNo }) : t('returns.payTitle', { no: task.owed.returnNo })}
            body={task.kind === 'settle' ? t('returns.settleBody') : t('returns.payBody', { amount: f.money(task.owed.amountHalalas) })}
            busy={busy}
            onSubmit={submit}
            onReject={banner.error}
            onCancel={() => setTask(null)}
          />
        </div>
      )}
      {done?.kind === 'settled' && <ReturnResult issued={done.issued} />}
      {done?.kind === 'paid' && (
        <div className="returns__result" role="status" data-testid="owed-paid">
          <p className="returns__result-title">{t('returns.paidOut', { amount: f.money(done.paid.amountHalalas), no: done.paid.returnNo })}</p>
          <div className={`drawer__outcome drawer__outcome--${done.paid.drawer}`} data-testid="owed-paid-drawer" data-outcome={done.paid.drawer}>
            {done.paid.drawer === 'opened' ? t('returns.drawer_opened') : t('returns.drawer_failed')}
          </div>
          {done.paid.printError && <p className="returns__print returns__print--failed">{t('returns.printFailed', { reason: messageFor(done.paid.printError, f.locale) })}</p>}
        </div>
      )}
    </div>
  );
}
