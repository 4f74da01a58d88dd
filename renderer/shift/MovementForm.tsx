// A paid-in, paid-out or safe drop: an amount (typed, or on the number pad) and a reason. Enter in the amount goes
// on to the reason; Enter in the reason (never a scan's Enter) or Ctrl+Enter records it.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashMovementKind } from '../../preload/contract/shifts';
import { FieldKeypad } from '../keypad/FieldKeypad';
import { takingScan } from '../scanner/scanTargets';
import { Kbd } from '../shell/Kbd';
import { TextField } from '../shell/TextField';
import type { BannerControls } from '../shell/useBanner';
import { checkMovementAmount, checkReason, REASON_MAX, shiftError } from './shiftChecks';

interface Props {
  kind: CashMovementKind;
  busy: boolean;
  banner: BannerControls;
  /** Resolves true when main recorded it. */
  onRecord(amountHalalas: number, reason: string): Promise<boolean>;
  onBack(): void;
}

export function useMovementLabel(): (kind: CashMovementKind) => string {
  const { t } = useTranslation();
  return (kind) => (kind === 'paid_in' ? t('shift.kindPaidIn') : kind === 'paid_out' ? t('shift.kindPaidOut') : t('shift.kindSafeDrop'));
}

export function MovementForm({ kind, busy, banner, onRecord, onBack }: Props) {
  const { t } = useTranslation();
  const label = useMovementLabel();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const amountRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  useEffect(() => amountRef.current?.focus(), []);

  const record = async (): Promise<void> => {
    if (busy) return;
    const a = checkMovementAmount(amount);
    if (!a.ok) {
      banner.error(shiftError(a.code));
      amountRef.current?.focus();
      return;
    }
    const r = checkReason(reason);
    if (!r.ok) {
      banner.error(shiftError(r.code));
      reasonRef.current?.focus();
      return;
    }
    if (await onRecord(a.value, r.value)) banner.clear();
  };

  return (
    <div
      className="shift-movement"
      data-testid="shift-movement-form"
      data-kind={kind}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || !e.ctrlKey) return;
        e.preventDefault();
        e.stopPropagation();
        void record();
      }}
    >
      <h3 className="shift__subtitle">{label(kind)}</h3>
      <TextField
        label={t('shift.amount')}
        inputRef={amountRef}
        data-testid="shift-movement-amount"
        inputMode="decimal"
        maxLength={12}
        readOnly={busy}
        value={amount}
        onValue={setAmount}
        onEnter={() => reasonRef.current?.focus()}
      />
      <FieldKeypad value={amount} onValue={setAmount} onEnter={() => reasonRef.current?.focus()} decimal maxLength={12} testId="shift-amount-keypad" />
      <TextField
        label={t('shift.reason')}
        inputRef={reasonRef}
        data-testid="shift-movement-reason"
        maxLength={REASON_MAX}
        placeholder={t('shift.reasonPlaceholder')}
        readOnly={busy}
        value={reason}
        onValue={setReason}
        onEnter={() => {
          if (!takingScan()) void record();
        }}
      />
      <div className="dialog__actions">
        <button type="button" className="btn btn--primary" data-testid="shift-movement-record" disabled={busy} onClick={() => void record()}>
          {busy ? t('shift.recording') : t('shift.record')} <Kbd k="enter" />
        </button>
        <button type="button" className="btn btn--secondary" data-testid="shift-back" onClick={onBack}>
          {t('shift.back')} <Kbd k="esc" />
        </button>
      </div>
    </div>
  );
}
