// A manager settles a payment whose outcome the till does not know, from the receipt the terminal printed
// (for STC Pay: from the STC Pay merchant portal). Approved needs that receipt's RRN and approval code (STC
// Pay: the STCPayRefNum); declined needs only the manager's word (PIN). There is deliberately no "mark as
// paid" without evidence.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData, IntentSummary } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { clientError } from '../i18n/messages';
import { takingScan } from '../scanner/scanTargets';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { TextField } from '../shell/TextField';
import { useDialogKeys } from '../shell/useDialogKeys';
import { intentMethod } from './cardText';
import { checkResolve, type ResolveForm as Form, type ResolveInput } from './checks';
import { PinField } from './PinForm';

interface Props {
  intent: IntentSummary;
  busy: boolean;
  /** Resolves true when main accepted it. */
  onSubmit(input: ResolveInput): Promise<boolean>;
  onReject(error: ErrorData): void;
  onCancel(): void;
}

const OUTCOMES = ['approved', 'declined'] as const;

export function ResolveForm({ intent, busy, onSubmit, onReject, onCancel }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [form, setForm] = useState<Form>({ outcome: null, rrn: '', authCode: '', pin: '' });
  const firstRef = useRef<HTMLButtonElement>(null);
  const stcPay = intentMethod(intent) === 'stcpay';

  useEffect(() => firstRef.current?.focus(), []);

  const set = (patch: Partial<Form>): void => setForm((current) => ({ ...current, ...patch }));

  const submit = async (patch: Partial<Form> = {}): Promise<void> => {
    if (busy) return;
    // A scanned RRN or code fills its field; settling the payment stays the manager's own Enter.
    if (takingScan()) return;
    const check = checkResolve({ ...form, ...patch }, stcPay ? 'stcpay' : 'card');
    if (!check.ok) {
      onReject(clientError(check.code));
      return;
    }
    set({ pin: '' }); // The PIN is never kept, even after a refusal.
    await onSubmit(check.value);
  };

  // Arrows move between the two answers, like a radio group.
  const onOutcomeKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.dataset.value) {
      // Enter on an answer picks it (it does not send the form with nothing chosen).
      e.preventDefault();
      e.stopPropagation();
      set({ outcome: e.target.dataset.value === 'approved' ? 'approved' : 'declined' });
      return;
    }
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key)) return;
    e.preventDefault();
    const next = form.outcome === 'approved' ? 'declined' : 'approved';
    set({ outcome: next });
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-value="${next}"]`)?.focus();
  };
  // Enter anywhere in the form sends it; Esc is the dialog's (or the terminal panel's) around it.
  const onFormKey = useDialogKeys({ onEnter: () => void submit(), destructive: true });

  return (
    <div className="resolve" data-testid="resolve-form" onKeyDown={onFormKey}>
      <p className="resolve__intro">{t(stcPay ? 'resolve.stcpay_intro' : 'resolve.intro')}</p>
      <p className="resolve__payment">
        {t('resolve.payment', { amount: f.money(intent.amountHalalas), reference: intent.reference })}
      </p>
      <div className="resolve__outcome" role="radiogroup" aria-label={t(stcPay ? 'resolve.stcpay_outcome' : 'resolve.outcome')} onKeyDown={onOutcomeKey}>
        <span className="field__label">{t(stcPay ? 'resolve.stcpay_outcome' : 'resolve.outcome')}</span>
        <div className="resolve__choices">
          {OUTCOMES.map((value, i) => (
            <button
              key={value}
              ref={i === 0 ? firstRef : undefined}
              type="button"
              role="radio"
              aria-checked={form.outcome === value}
              className={`btn btn--choice btn--choice-${value}${form.outcome === value ? ' btn--choice-on' : ''}`}
              data-testid="resolve-outcome"
              data-value={value}
              onClick={() => set({ outcome: value })}
            >
              {t(value === 'approved' ? 'resolve.approved' : 'resolve.declined')}
            </button>
          ))}
        </div>
      </div>
      {form.outcome !== 'declined' && (
        // The evidence: a card's RRN and approval code from the terminal receipt; for STC Pay the STCPayRefNum
        // alone, kept in the RRN's place (checkResolve sends it as `rrn`). Codes read left to right.
        <div className="resolve__evidence" data-method={stcPay ? 'stcpay' : undefined}>
          <TextField
            label={stcPay ? t('resolve.stcpay_ref') : t('resolve.rrn')}
            className="field__input field__input--code"
            data-testid="resolve-rrn"
            inputMode={stcPay ? undefined : 'numeric'}
            dir="ltr"
            maxLength={stcPay ? 40 : 16}
            value={form.rrn}
            onValue={(rrn) => set({ rrn })}
            onEnter={(rrn) => void submit({ rrn })}
          />
          {!stcPay && (
            <TextField
              label={t('resolve.auth')}
              className="field__input field__input--code"
              data-testid="resolve-auth"
              dir="ltr"
              maxLength={8}
              value={form.authCode}
              onValue={(authCode) => set({ authCode })}
              onEnter={(authCode) => void submit({ authCode })}
            />
          )}
        </div>
      )}
      {form.outcome === 'declined' && <p className="resolve__note">{t('resolve.declinedNote')}</p>}
      <PinField value={form.pin} onValue={(pin) => set({ pin })} onEnter={(pin) => void submit({ pin })} disabled={busy} />
      <div className="dialog__actions">
        <button type="button" className="btn btn--primary" data-testid="resolve-submit" disabled={busy} onClick={() => void submit()}>
          {t('resolve.submit')} <Kbd k="enter" />
        </button>
        <button type="button" className="btn btn--secondary" onClick={onCancel}>
          {t('resolve.cancel')} <Kbd k="esc" />
        </button>
      </div>
    </div>
  );
}

/** The form on its own dialog, for the sale's unknown payment. */
export function ResolveDialog(props: Props) {
  const { t } = useTranslation();
  const onKeyDown = useDialogKeys({ onClose: props.onCancel });
  return (
    <Dialog labelledBy="resolve-title" className="dialog--resolve" testId="resolve-dialog" onKeyDown={onKeyDown}>
      <h2 id="resolve-title" className="dialog__title">
        {t('resolve.title')}
      </h2>
      <ResolveForm {...props} />
    </Dialog>
  );
}
