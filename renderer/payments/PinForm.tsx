// A manager's PIN, asked for right where it is needed. Never kept: the field is cleared after every try and
// the PIN lives only in this component's state until then. Main checks it (salted hash, rate-limited).
// A scan is never a PIN: a burst of scanner keys into the field empties it and is refused with a message (it must
// not count as a wrong PIN against the lockout, nor slip into the sale behind the manager's back). While main
// checks a PIN the field is read-only, not disabled, so it keeps the keyboard: after a wrong PIN the manager types
// again at once.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../preload/contract/schemas';
import { clientError } from '../i18n/messages';
import { badgeClaim, useApproverBadge } from '../people/approverBadge';
import { useScanTakeOrRefuse } from '../scanner/scanTargets';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { useDialogKeys } from '../shell/useDialogKeys';
import { checkPin } from './checks';
import { FieldKeypad } from '../keypad/FieldKeypad';

interface PinFieldProps {
  value: string;
  onValue(value: string): void;
  onEnter(value: string): void;
  autoFocus?: boolean;
  disabled?: boolean;
  /** Lets a form move the keyboard here (Enter in the field before it). */
  inputRef?: RefObject<HTMLInputElement | null>;
}

export function PinField({ value, onValue, onEnter, autoFocus, disabled, inputRef }: PinFieldProps) {
  const { t } = useTranslation();
  const own = useRef<HTMLInputElement>(null);
  const ref = inputRef ?? own;
  // A scan is an approver's staff badge when the till reads them (renderer/people/approverBadge.tsx); else refused.
  const badges = useApproverBadge();
  const claim = useMemo(() => (badges ? badgeClaim(badges) : null), [badges]);
  // A badge read here and no PIN typed after it (the dialog cancelled, closed): main lets go of it.
  useEffect(() => () => claim?.release(), [claim]);
  const [holder, setHolder] = useState<string | null>(null);
  useScanTakeOrRefuse(
    ref,
    () => onValue(''),
    claim
      ? (text) => {
          onValue('');
          setHolder(null);
          void claim.present(text.trim()).then(setHolder);
        }
      : null,
  );
  const enter = (v: string): void => {
    if (disabled) return;
    claim?.submitted();
    onEnter(v);
  };
  // The keyboard moves in the same commit as what asks for it, so a key pressed next lands here (shell/useKeepFocus.ts).
  useLayoutEffect(() => {
    if (autoFocus && !disabled) ref.current?.focus();
  }, [autoFocus, disabled]);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    e.stopPropagation();
    enter(value);
  };
  return (
    <>
      <label className="field field--pin">
        <span className="field__label">{t('pin.label')}</span>
        <input
          ref={ref}
          className="field__input field__input--pin"
          data-testid="manager-pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={8}
          readOnly={disabled}
          aria-disabled={disabled || undefined}
          value={value}
          onChange={(e) => onValue(e.target.value)}
          onKeyDown={onKeyDown}
        />
        {holder && (
          <span className="field__hint" data-testid="approver-badge-read">
            {t('people.approverBadgeRead', { name: holder })}
          </span>
        )}
      </label>
      <FieldKeypad
        value={value}
        onValue={onValue}
        onEnter={enter}
        maxLength={8}
        testId="pin-keypad"
      />
    </>
  );
}

interface PinFormProps {
  title?: string;
  body?: ReactNode;
  busy: boolean;
  /** Resolves true when done (the parent closes the form), false to ask again. */
  onSubmit(pin: string): Promise<boolean>;
  onReject(error: ErrorData): void;
  onCancel(): void;
}

export function PinForm({ title, body, busy, onSubmit, onReject, onCancel }: PinFormProps) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [attempt, setAttempt] = useState(0);

  const submit = async (value: string): Promise<void> => {
    if (busy) return;
    const check = checkPin(value);
    if (!check.ok) {
      onReject(clientError(check.code));
      return;
    }
    setPin(''); // Gone from the screen before the answer comes back.
    const done = await onSubmit(check.value);
    if (!done) setAttempt((n) => n + 1);
  };

  return (
    <div className="pin-form">
      {title && <h3 className="pin-form__title">{title}</h3>}
      {body && <div className="pin-form__body">{body}</div>}
      <PinField key={attempt} value={pin} onValue={setPin} onEnter={(v) => void submit(v)} autoFocus disabled={busy} />
      <div className="dialog__actions">
        <button type="button" className="btn btn--primary" data-testid="manager-pin-submit" disabled={busy} onClick={() => void submit(pin)}>
          {t('pin.submit')} <Kbd k="enter" />
        </button>
        <button type="button" className="btn btn--secondary" onClick={onCancel}>
          {t('pin.cancel')} <Kbd k="esc" />
        </button>
      </div>
    </div>
  );
}

interface PinDialogProps extends PinFormProps {
  title: string;
  testId?: string;
}

export function ManagerPinDialog({ testId, ...props }: PinDialogProps) {
  // Enter belongs to the PIN field.
  const onKeyDown = useDialogKeys({ onClose: props.onCancel });
  return (
    <Dialog labelledBy="pin-title" className="dialog--small" testId={testId ?? 'pin-dialog'} onKeyDown={onKeyDown}>
      <h2 id="pin-title" className="dialog__title">
        {props.title}
      </h2>
      <PinForm {...props} title={undefined} />
    </Dialog>
  );
}
