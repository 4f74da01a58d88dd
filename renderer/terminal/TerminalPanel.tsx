// The manager's view of the card terminal and STC Pay: are they there, what did the terminal last do, what
// needs a decision, the end-of-day settlement, and the returns desk (a receipt's return by its number, and the
// return requests waiting for a person — money goes back only as a return). Every figure comes from main;
// nothing here touches money. A till with STC Pay but no card terminal still gets the panel (for STC Pay's
// status, its payments needing attention and its refunds); the terminal's own buttons are then left out.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { IntentSummary, SettlementSummary, TerminalStatus } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { PinForm } from '../payments/PinForm';
import { ResolveForm } from '../payments/ResolveForm';
import type { PaymentActions } from '../payments/usePaymentActions';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import type { BannerControls } from '../shell/useBanner';
import { useDialogKeys } from '../shell/useDialogKeys';
import { IntentRow } from './IntentRow';
import { CardTerminalFacts, StcPayFacts } from './ProviderFacts';
import { useShown } from '../people/mayShow';
import { ReturnsDesk } from '../returns/ReturnsDesk';
import { SettlementResult } from './SettlementResult';
import { useBannerCall } from './useBannerCall';

type Task = { kind: 'settle' } | { kind: 'resolve'; intent: IntentSummary };

interface Props {
  api: NuqtaApi;
  status: TerminalStatus | null;
  onStatus(status: TerminalStatus): void;
  refresh(): Promise<void>;
  payments: PaymentActions;
  banner: BannerControls;
  onClose(): void;
}

export function TerminalPanel({ api, status, onStatus, refresh, payments, banner, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [task, setTask] = useState<Task | null>(null);
  const { busy, call } = useBannerCall(banner);
  // Buttons whose call the signed-in role may not make are left out (main refuses them anyway).
  const shown = useShown('terminal');
  const [repeat, setRepeat] = useState<{ last: IntentSummary | null } | null>(null);
  const [settlement, setSettlement] = useState<SettlementSummary | null>(null);
  const checkRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void refresh();
    // The panel keeps the keyboard (Esc, F7) even when there is no terminal button to start on.
    (checkRef.current ?? dialogRef.current)?.focus();
  }, [refresh]);

  // A task's form (settle, resolve) unmounts with the button that had the focus: give the keyboard back to the
  // panel, or Esc and F7 would reach nothing after a settlement. In the commit itself (see shell/useKeepFocus.ts).
  useLayoutEffect(() => {
    const panel = dialogRef.current;
    if (task === null && panel && !panel.contains(document.activeElement)) (checkRef.current ?? panel).focus();
  }, [task]);

  const check = async (): Promise<void> => {
    const s = await call(() => api.checkTerminal({}));
    if (s) onStatus(s);
  };
  const repeatLast = async (): Promise<void> => {
    const r = await call(() => api.repeatLastTransaction({}));
    if (r !== undefined) setRepeat({ last: r });
  };
  const settle = async (managerPin: string): Promise<boolean> => {
    const s = await call(() => api.settleTerminal({ managerPin }));
    if (!s) return false;
    setSettlement(s);
    setTask(null);
    return true;
  };

  const resolve = async (intent: IntentSummary, input: Parameters<PaymentActions['resolve']>[1]): Promise<boolean> => {
    const done = await payments.resolve(intent.intentId, input);
    if (!done) return false;
    setTask(null);
    await refresh();
    return true;
  };

  const recover = async (intent: IntentSummary): Promise<void> => {
    await payments.recover(intent.intentId);
    await refresh();
  };

  // Esc closes the manager's form first (settlement PIN, resolve), then the panel; F7 closes the panel.
  const onKeyDown = useDialogKeys({ onClose, closeKeys: ['F7'], nested: { open: task !== null, close: () => setTask(null) } });

  const configured = status?.configured ?? false;
  const usable = configured || (status?.stcPay ?? null) !== null;
  const shownLast = repeat ? repeat.last : (status?.last ?? null);

  return (
    <Dialog labelledBy="terminal-title" className="terminal" testId="terminal-panel" busy={!status} onKeyDown={onKeyDown} dialogRef={dialogRef}>
      <div className="terminal__head">
        <h2 id="terminal-title" className="dialog__title">
          {configured || !status?.stcPay ? t('terminal.title') : t('terminal.titleStcPay')}
        </h2>
        {status && configured && (
          <span className={`health health--${status.health}`} data-testid="terminal-health" data-health={status.health}>
            <span className="health__dot" aria-hidden="true" />
            {t(`terminal.health_${status.health}`)}
          </span>
        )}
        {status?.recovering && <span className="terminal__recovering">{t('terminal.recovering')}</span>}
        <div className="terminal__spacer" />
        <button type="button" className="btn btn--secondary btn--icon" data-testid="terminal-close" onClick={onClose}>
          {t('terminal.close')} <Kbd k="esc" />
        </button>
      </div>

      {!status && <p className="terminal__empty">{t('terminal.loading')}</p>}
      {status && !usable && (
        <>
          <p className="terminal__empty">{t('terminal.notConfigured')}</p>
          <ReturnsDesk api={api} banner={banner} watch={status} />
        </>
      )}

      {status && usable && task?.kind === 'resolve' && (
        <section className="terminal__resolve">
          <h3 className="terminal__section-title">{t('resolve.title')}</h3>
          <IntentRow intent={task.intent} />
          <ResolveForm
            intent={task.intent}
            busy={payments.busy}
            onSubmit={(input) => resolve(task.intent, input)}
            onReject={banner.error}
            onCancel={() => setTask(null)}
          />
        </section>
      )}

      {status && usable && task?.kind !== 'resolve' && (
        <div className="terminal__body">
          <section className="terminal__col">
            {configured ? <CardTerminalFacts status={status} /> : <p className="terminal__none">{t('terminal.notConfigured')}</p>}
            {configured && (
              <div className="terminal__buttons">
                {shown.check && (
                  <button ref={checkRef} type="button" className="btn btn--secondary" data-testid="terminal-check" disabled={busy} onClick={() => void check()}>
                    {t('terminal.check')}
                  </button>
                )}
                {shown.repeatLast && (
                  <button type="button" className="btn btn--secondary" data-testid="terminal-repeat-last" disabled={busy} onClick={() => void repeatLast()}>
                    {t('terminal.repeatLast')}
                  </button>
                )}
                {shown.settle && (
                  <button
                    type="button"
                    className="btn btn--secondary"
                    data-testid="terminal-settle"
                    disabled={busy}
                    onClick={() => {
                      setSettlement(null);
                      setTask({ kind: 'settle' });
                    }}
                  >
                    {t('terminal.settle')}
                  </button>
                )}
              </div>
            )}
            {status.stcPay && <StcPayFacts stcPay={status.stcPay} />}

            {task?.kind === 'settle' && (
              <PinForm
                title={t('pin.settleTitle')}
                body={t('pin.settleBody')}
                busy={busy}
                onSubmit={settle}
                onReject={banner.error}
                onCancel={() => setTask(null)}
              />
            )}
            {settlement && <SettlementResult settlement={settlement} />}

            <div className="terminal__block" data-testid="terminal-last">
              <h3 className="terminal__section-title">{repeat ? t('terminal.lastFromTerminal') : t('terminal.last')}</h3>
              {shownLast ? <IntentRow intent={shownLast} /> : <p className="terminal__none">{t('terminal.noLast')}</p>}
            </div>

            <div className="terminal__block">
              <h3 className="terminal__section-title">
                {t('terminal.attention')}
                {status.needsAttention.length > 0 && <span className="badge">{f.int(status.needsAttention.length)}</span>}
              </h3>
              {status.needsAttention.length === 0 ? (
                <p className="terminal__none">{t('terminal.attentionEmpty')}</p>
              ) : (
                <ul className="attention">
                  {status.needsAttention.map((intent) => (
                    <li
                      key={intent.intentId}
                      className="attention__item"
                      data-testid="terminal-attention-item"
                      data-intent-id={intent.intentId}
                      data-state={intent.state}
                    >
                      <IntentRow intent={intent} />
                      <div className="attention__actions">
                        {shown.recover && (
                          <button
                            type="button"
                            className="btn btn--icon btn--secondary"
                            data-testid="attention-recover"
                            disabled={payments.busy}
                            onClick={() => void recover(intent)}
                          >
                            {t('terminal.recover')}
                          </button>
                        )}
                        {shown.resolve && (
                          <button
                            type="button"
                            className="btn btn--icon btn--primary"
                            data-testid="resolve-open"
                            onClick={() => setTask({ kind: 'resolve', intent })}
                          >
                            {t('terminal.resolve')}
                          </button>
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>

          <section className="terminal__col terminal__refund">
            <ReturnsDesk api={api} banner={banner} watch={status} />
          </section>
        </div>
      )}
    </Dialog>
  );
}
