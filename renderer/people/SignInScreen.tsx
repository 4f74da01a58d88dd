// The locked till: the only thing on screen until someone signs in. A PIN typed (or tapped on the pad) signs its
// user in; a staff badge scanned into the field is held and the PIN asked for next. After a wrong PIN the field
// is emptied and keeps the keyboard, so the cashier types again at once. The open sale behind it is main's and
// is there again, as it was, after sign-in.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInInput } from '../../preload/contract/people';
import type { ErrorData } from '../../preload/contract/schemas';
import { FieldKeypad } from '../keypad/FieldKeypad';
import { useScanTarget } from '../scanner/scanTargets';
import { Kbd } from '../shell/Kbd';
import './people.css';

interface Props {
  locale: 'ar' | 'en';
  onSignIn(input: SignInInput): Promise<ErrorData | null>;
}

const PIN = /^\d{4,8}$/;

export function SignInScreen({ locale, onSignIn }: Props) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [badge, setBadge] = useState<string | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const focus = () => field.current?.focus();
  useEffect(focus, [busy, badge]);
  // A badge is a scan: held (never shown), and the PIN is asked for next.
  useScanTarget(field, (text) => {
    setPin('');
    setError(null);
    setBadge(text.trim());
  });

  const submit = async (value: string): Promise<void> => {
    if (busy) return;
    if (!PIN.test(value)) {
      setPin('');
      setError({ code: 'USER_PIN_FORMAT', message_ar: t('people.pinFormat', { lng: 'ar' }), message_en: t('people.pinFormat', { lng: 'en' }) });
      focus();
      return;
    }
    setPin(''); // Gone from the screen before the answer comes back.
    setBusy(true);
    const failed = await onSignIn(badge ? { badge, pin: value } : { pin: value });
    setBusy(false);
    setError(failed);
    if (failed?.code === 'BADGE_UNKNOWN') setBadge(null);
    focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Escape' && badge) {
      e.preventDefault();
      setBadge(null);
      setError(null);
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    e.stopPropagation();
    void submit(pin);
  };

  return (
    <div className="overlay signin" data-testid="sign-in-screen">
      <div role="dialog" aria-modal="true" aria-labelledby="signin-title" className="dialog dialog--small signin__panel">
        <h2 id="signin-title" className="dialog__title">
          {t('people.locked')}
        </h2>
        <p className="dialog__body">{badge ? t('people.badgeRead') : t('people.hint')}</p>
        <label className="field field--pin">
          <span className="field__label">{t('people.pin')}</span>
          <input
            ref={field}
            className="field__input field__input--pin"
            data-testid="sign-in-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            readOnly={busy}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'signin-error' : undefined}
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </label>
        {error && (
          <p id="signin-error" className="signin__error" role="alert" data-testid="sign-in-error" data-code={error.code}>
            {locale === 'ar' ? error.message_ar : error.message_en}
          </p>
        )}
        <FieldKeypad value={pin} onValue={setPin} onEnter={(v) => void submit(v)} maxLength={8} testId="sign-in-keypad" />
        <div className="dialog__actions">
          <button type="button" className="btn btn--primary signin__submit" data-testid="sign-in-submit" disabled={busy} onClick={() => void submit(pin)}>
            {t('people.signIn')} <Kbd k="enter" />
          </button>
          {badge && (
            <button type="button" className="btn btn--secondary" onClick={() => setBadge(null)}>
              {t('people.cancelBadge')} <Kbd k="esc" />
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
