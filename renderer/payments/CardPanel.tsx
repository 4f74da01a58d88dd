// Card tender. The amount starts as all that is due (a smaller amount is a part payment: split tender);
// Enter sends it to the terminal. While the customer deals with the terminal the panel follows its stages;
// Esc stops waiting (main then asks the terminal what happened, and that is what the panel shows).
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { formatAmount } from '../format/money';
import { clientError } from '../i18n/messages';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { shownStage, stepOf, type CardFlow, type Waiting } from './cardFlow';
import { checkCardAmount } from './checks';

type OpenFlow = Exclude<CardFlow, { phase: 'closed' }>;

interface Props {
  flow: OpenFlow;
  dueHalalas: number;
  onSend(amountHalalas: number): void;
  onCancel(): void;
  onClose(): void;
  onPayCash(): void;
  onReject(error: ErrorData): void;
}

export function CardPanel({ flow, dueHalalas, onSend, onCancel, onClose, onPayCash, onReject }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [text, setText] = useState(() => formatAmount(dueHalalas, 'latin'));
  const inputRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const waiting = flow.phase === 'waiting';

  // The amount field has the keyboard except while waiting, when the panel itself keeps it (for Esc) and
  // a stray Enter cannot do anything.
  useEffect(() => {
    if (waiting) {
      dialogRef.current?.focus();
    } else {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  }, [waiting, flow.phase]);

  const submit = (): void => {
    if (waiting) return;
    const check = checkCardAmount(text, dueHalalas);
    if (check.ok) onSend(check.value);
    else onReject(clientError(check.code));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const handled = (): void => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (e.key === 'Enter') {
      handled();
      submit();
    } else if (e.key === 'Escape') {
      handled();
      if (waiting) onCancel();
      else onClose();
    } else if (e.key === 'F12' && !waiting) {
      handled();
      onPayCash();
    }
  };

  return (
    <Dialog labelledBy="card-title" className="tender card-panel" testId="card-panel" onKeyDown={onKeyDown} dialogRef={dialogRef}>
      <h2 id="card-title" className="dialog__title">
        {t('card.title')}
      </h2>
      <div className="tender__due">
        <span className="tender__due-label">{t('card.due')}</span>
        <span className="tender__due-amount">{f.money(dueHalalas)}</span>
      </div>
      <label className="field">
        <span className="field__label">{t('card.amount')}</span>
        <input
          ref={inputRef}
          className="field__input field__input--big"
          data-testid="card-amount-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          disabled={waiting}
          value={waiting ? formatAmount(flow.amountHalalas, 'latin') : text}
          onChange={(e) => setText(e.target.value)}
        />
        <span className="field__hint">{t('card.amountHint')}</span>
      </label>

      {flow.phase === 'waiting' && <CardStage flow={flow} />}

      {flow.phase === 'result' && (
        <div
          className={`card-outcome card-outcome--${flow.outcome}`}
          role="alert"
          data-testid="card-outcome"
          data-outcome={flow.outcome}
        >
          <div className="card-outcome__head">{t(flow.outcome === 'declined' ? 'card.declined' : 'card.notFound')}</div>
          <p className="card-outcome__reason">
            {flow.outcome === 'declined'
              ? (flow.intent.reason?.[f.locale] ?? t('card.declinedGeneric'))
              : t('card.notFoundBody')}
          </p>
          {flow.outcome === 'declined' && <p className="card-outcome__next">{t('card.declinedNext')}</p>}
        </div>
      )}

      <div className="dialog__actions">
        {flow.phase === 'entry' && (
          <button type="button" className="btn btn--pay" data-testid="card-send" onClick={submit}>
            {t('card.send')} <Kbd k="enter" />
          </button>
        )}
        {flow.phase === 'result' && (
          <>
            <button type="button" className="btn btn--pay" data-testid="card-retry" onClick={submit}>
              {t('card.retry')} <Kbd k="enter" />
            </button>
            <button type="button" className="btn btn--secondary" data-testid="card-pay-cash" onClick={onPayCash}>
              {t('card.payCashInstead')} <Kbd k="f12" />
            </button>
          </>
        )}
        {waiting ? (
          <button
            type="button"
            className="btn btn--danger"
            data-testid="card-cancel"
            disabled={flow.cancelRequested}
            onClick={onCancel}
          >
            {t('card.cancel')} <Kbd k="esc" />
          </button>
        ) : (
          <button type="button" className="btn btn--secondary" data-testid="card-close" onClick={onClose}>
            {t('card.close')} <Kbd k="esc" />
          </button>
        )}
      </div>
    </Dialog>
  );
}

const STEPS = ['card.step_connect', 'card.step_customer', 'card.step_processing'] as const;

function CardStage({ flow }: { flow: Waiting }) {
  const { t } = useTranslation();
  const f = useFormat();
  const stage = shownStage(flow);
  const step = stepOf(stage);
  return (
    <div
      className={`card-stage card-stage--${stage}`}
      role="status"
      aria-live="polite"
      data-testid="card-stage"
      data-stage={stage}
      data-cancelling={flow.cancelRequested ? 'true' : undefined}
    >
      <ol className="card-steps">
        {STEPS.map((key, i) => (
          <li key={key} className={`card-steps__step${i < step ? ' is-done' : ''}${i === step ? ' is-current' : ''}`}>
            <span className="card-steps__dot" aria-hidden="true">
              {f.int(i + 1)}
            </span>
            <span>{t(key)}</span>
          </li>
        ))}
      </ol>
      <p className="card-stage__text">
        {flow.cancelRequested ? t('card.cancelling') : t(`card.stage_${stage}`)}
      </p>
      <p className="card-stage__amount">{t('card.sending', { amount: f.money(flow.amountHalalas) })}</p>
      <p className="card-stage__hint">{t('card.dontRemove')}</p>
    </div>
  );
}
