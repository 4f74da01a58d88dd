// The manager's view of the card terminal: is it there, what did it last do, what needs a decision, the
// end-of-day settlement and refunds to a card. Every figure comes from main; nothing here touches money.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi, Result } from '../../preload/contract/api';
import type {
  CardTender,
  IntentSummary,
  Receipt,
  SettlementSummary,
  TerminalStatus,
} from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { formatAmount } from '../format/money';
import { clientError } from '../i18n/messages';
import { cardName } from '../payments/cardText';
import { checkPin, checkRefundAmount, normaliseReceiptNo } from '../payments/checks';
import { intentMessage } from '../payments/intentMessages';
import { PinField, PinForm } from '../payments/PinForm';
import { ResolveForm } from '../payments/ResolveForm';
import type { PaymentActions } from '../payments/usePaymentActions';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { ScanSafeInput } from '../shell/ScanSafeInput';
import type { BannerControls } from '../shell/useBanner';
import { IntentRow } from './IntentRow';
import { cardTendersOf } from './refund';

type Task =
  | { kind: 'settle' }
  | { kind: 'resolve'; intent: IntentSummary }
  | { kind: 'refund'; tender: CardTender; receiptNo: string };

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
  const [busy, setBusy] = useState(false);
  const [repeat, setRepeat] = useState<{ last: IntentSummary | null } | null>(null);
  const [settlement, setSettlement] = useState<SettlementSummary | null>(null);
  const [receiptText, setReceiptText] = useState('');
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [refundText, setRefundText] = useState('');
  const [refundPin, setRefundPin] = useState('');
  const [refundOutcome, setRefundOutcome] = useState<IntentSummary | null>(null);
  const checkRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void refresh();
    checkRef.current?.focus();
  }, [refresh]);

  /** Runs one call at a time; errors go to the banner. */
  const call = async <T,>(run: () => Promise<Result<T>>): Promise<T | undefined> => {
    if (busy) return undefined;
    setBusy(true);
    try {
      const r = await run();
      if (!r.ok) {
        banner.error(r.error);
        return undefined;
      }
      banner.clear();
      return r.value;
    } finally {
      setBusy(false);
    }
  };

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

  const lookup = async (text: string = receiptText): Promise<void> => {
    const receiptNo = normaliseReceiptNo(text);
    if (!receiptNo) {
      banner.error(clientError('RECEIPT_NO_REQUIRED'));
      return;
    }
    setRefundOutcome(null);
    if (task?.kind === 'refund') setTask(null);
    const found = await call(() => api.getReceipt({ receiptNo }));
    if (!found) return;
    setReceipt(found);
    const cards = cardTendersOf(found);
    if (cards.length === 0) banner.error(clientError('NO_CARD_TENDERS'));
    const only = cards.length === 1 ? cards[0] : undefined;
    if (only) pickTender(only, found.receiptNo); // One card payment: nothing to choose.
  };

  const pickTender = (tender: CardTender, receiptNo: string): void => {
    setTask({ kind: 'refund', tender, receiptNo });
    setRefundText(formatAmount(tender.amountHalalas, 'latin'));
    setRefundPin('');
    setRefundOutcome(null);
  };

  const refund = async (patch: { amount?: string; pin?: string } = {}): Promise<void> => {
    if (task?.kind !== 'refund' || busy) return;
    const amount = checkRefundAmount(patch.amount ?? refundText, task.tender.amountHalalas);
    if (!amount.ok) {
      banner.error(clientError(amount.code));
      return;
    }
    const pin = checkPin(patch.pin ?? refundPin);
    if (!pin.ok) {
      banner.error(clientError(pin.code));
      return;
    }
    setRefundPin(''); // Never kept, whatever the answer.
    const intent = await call(() =>
      api.refundCard({ receiptNo: task.receiptNo, intentId: task.tender.intentId, amountHalalas: amount.value, managerPin: pin.value }),
    );
    if (!intent) return;
    setRefundOutcome(intent);
    const message = intentMessage(intent);
    if (message.tone === 'error') banner.error(message.data);
    else banner.info(message.data);
    setTask(null);
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

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape' || e.key === 'F7') {
      e.preventDefault();
      e.stopPropagation();
      if (task && e.key === 'Escape') setTask(null);
      else onClose();
    }
  };

  const configured = status?.configured ?? false;
  const shownLast = repeat ? repeat.last : (status?.last ?? null);

  return (
    <Dialog labelledBy="terminal-title" className="terminal" testId="terminal-panel" onKeyDown={onKeyDown}>
      <div className="terminal__head">
        <h2 id="terminal-title" className="dialog__title">
          {t('terminal.title')}
        </h2>
        {status && (
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
      {status && !configured && <p className="terminal__empty">{t('terminal.notConfigured')}</p>}

      {status && configured && task?.kind === 'resolve' && (
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

      {status && configured && task?.kind !== 'resolve' && (
        <div className="terminal__body">
          <section className="terminal__col">
            <dl className="terminal__facts">
              <div>
                <dt>{t('terminal.protocol')}</dt>
                <dd dir="ltr">{status.protocol ?? '—'}</dd>
              </div>
              <div>
                <dt>{t('terminal.transport')}</dt>
                <dd dir="ltr">{status.transport ?? '—'}</dd>
              </div>
              {status.detail && (
                <div>
                  <dt>{t('terminal.detail')}</dt>
                  <dd>{status.detail}</dd>
                </div>
              )}
            </dl>
            <div className="terminal__buttons">
              <button ref={checkRef} type="button" className="btn btn--secondary" data-testid="terminal-check" disabled={busy} onClick={() => void check()}>
                {t('terminal.check')}
              </button>
              <button type="button" className="btn btn--secondary" data-testid="terminal-repeat-last" disabled={busy} onClick={() => void repeatLast()}>
                {t('terminal.repeatLast')}
              </button>
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
            </div>

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
                        <button
                          type="button"
                          className="btn btn--icon btn--secondary"
                          data-testid="attention-recover"
                          disabled={payments.busy}
                          onClick={() => void recover(intent)}
                        >
                          {t('terminal.recover')}
                        </button>
                        <button
                          type="button"
                          className="btn btn--icon btn--primary"
                          data-testid="resolve-open"
                          onClick={() => setTask({ kind: 'resolve', intent })}
                        >
                          {t('terminal.resolve')}
                        </button>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </section>

          <section className="terminal__col terminal__refund" aria-labelledby="refund-title">
            <h3 id="refund-title" className="terminal__section-title">
              {t('refund.title')}
            </h3>
            <div className="refund__lookup">
              <label className="field">
                <span className="field__label">{t('refund.receiptNo')}</span>
                <ScanSafeInput
                  className="field__input"
                  data-testid="refund-receipt-input"
                  dir="ltr"
                  placeholder={t('refund.receiptPlaceholder')}
                  maxLength={32}
                  value={receiptText}
                  onValue={setReceiptText}
                  onEnter={(v) => void lookup(v)}
                />
              </label>
              <button type="button" className="btn btn--secondary" data-testid="refund-lookup" disabled={busy} onClick={() => void lookup()}>
                {t('refund.lookup')} <Kbd k="enter" />
              </button>
            </div>

            {receipt && (
              <div className="refund__receipt">
                <p className="refund__receipt-title">
                  {t('refund.receiptTotal', { no: receipt.receiptNo, amount: f.money(receipt.totals.totalHalalas) })}
                </p>
                {cardTendersOf(receipt).length > 0 && <span className="field__label">{t('refund.pick')}</span>}
                <ul className="refund__tenders">
                  {cardTendersOf(receipt).map((tender) => {
                    const on = task?.kind === 'refund' && task.tender.intentId === tender.intentId;
                    return (
                      <li key={tender.intentId}>
                        <button
                          type="button"
                          className={`btn refund__tender${on ? ' refund__tender--on' : ''}`}
                          aria-pressed={on}
                          data-testid="refund-tender"
                          data-intent-id={tender.intentId}
                          onClick={() => pickTender(tender, receipt.receiptNo)}
                        >
                          <bdi dir="ltr">{cardName(tender.card)}</bdi>
                          <span>{f.money(tender.amountHalalas)}</span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </div>
            )}

            {task?.kind === 'refund' && (
              <div className="refund__form">
                <label className="field">
                  <span className="field__label">
                    {t('refund.amount')} — {t('refund.upTo', { amount: f.money(task.tender.amountHalalas) })}
                  </span>
                  <ScanSafeInput
                    className="field__input"
                    data-testid="refund-amount-input"
                    inputMode="decimal"
                    dir="ltr"
                    value={refundText}
                    onValue={setRefundText}
                    onEnter={(amount) => void refund({ amount })}
                  />
                </label>
                <PinField value={refundPin} onValue={setRefundPin} onEnter={(pin) => void refund({ pin })} disabled={busy} />
                <button type="button" className="btn btn--primary" data-testid="refund-submit" disabled={busy} onClick={() => void refund()}>
                  {t('refund.submit')} <Kbd k="enter" />
                </button>
              </div>
            )}

            {refundOutcome && (
              <div
                className={`refund__outcome intent-state--${refundOutcome.state}`}
                role="status"
                data-testid="refund-outcome"
                data-state={refundOutcome.state}
              >
                <IntentRow intent={refundOutcome} />
              </div>
            )}
          </section>
        </div>
      )}
    </Dialog>
  );
}

function SettlementResult({ settlement }: { settlement: SettlementSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div
      className={`settlement ${settlement.inBalance ? 'settlement--ok' : 'settlement--off'}`}
      data-testid="settlement-result"
      data-in-balance={settlement.inBalance ? 'true' : 'false'}
    >
      <div className="settlement__head">
        <strong>{settlement.inBalance ? t('settlement.inBalance') : t('settlement.outOfBalance')}</strong>
        <span dir="ltr">{f.dateTime(settlement.at)}</span>
        <span>{t('settlement.responseCode', { code: settlement.responseCode })}</span>
      </div>
      {settlement.schemes.length === 0 ? (
        <p className="terminal__none">{t('settlement.none')}</p>
      ) : (
        <table className="settlement__table">
          <thead>
            <tr>
              <th>{t('settlement.scheme')}</th>
              <th>{t('settlement.purchases')}</th>
              <th>{t('settlement.refunds')}</th>
            </tr>
          </thead>
          <tbody>
            {settlement.schemes.map((s) => (
              <tr key={s.scheme} data-scheme={s.scheme}>
                <td dir="ltr">{s.scheme}</td>
                <td>{t('settlement.countAmount', { count: f.int(s.purchaseCount), amount: f.money(s.purchaseHalalas) })}</td>
                <td>{t('settlement.countAmount', { count: f.int(s.refundCount), amount: f.money(s.refundHalalas) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
