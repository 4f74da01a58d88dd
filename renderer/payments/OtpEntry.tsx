// The customer's STC Pay code, typed by the cashier as the customer reads it from the STC Pay app. Shows which
// number STC Pay texted (masked), which try this is, why the last code was refused, and how long the code is
// still good for. Enter sends it; Esc (handled by the panel) cancels the payment.
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../preload/contract/schemas';
import { toDisplayDigits } from '../format/digits';
import { useFormat } from '../format/FormatContext';
import { FieldKeypad } from '../keypad/FieldKeypad';
import { clientError } from '../i18n/messages';
import { Kbd } from '../shell/Kbd';
import { TextField } from '../shell/TextField';
import { useNow } from '../shell/useNow';
import type { OtpPrompt } from './paymentFlow';
import { checkOtp, formatCountdown, secondsLeft } from './stcPayChecks';

interface Props {
  /** Main's prompt; null when this view adopted the payment after a reload and never saw it. */
  prompt: OtpPrompt | null;
  onSubmit(otp: string): void;
  onReject(error: ErrorData): void;
}

export function OtpEntry({ prompt, onSubmit, onReject }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [code, setCode] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  const attempt = prompt?.attempt ?? 1;

  // Every new prompt (a wrong code came back) starts with an empty, focused field.
  useLayoutEffect(() => {
    setCode('');
    ref.current?.focus();
  }, [attempt]);

  const submit = (value: string): void => {
    const check = checkOtp(value);
    if (!check.ok) {
      onReject(clientError(check.code));
      return;
    }
    onSubmit(check.value);
  };

  const lastError = prompt?.lastError?.[f.locale] ?? null;
  return (
    <div className="otp" data-testid="stcpay-otp" data-attempt={attempt}>
      <p className="otp__intro">
        {prompt ? t('stcpay.otpIntro') : t('stcpay.otpIntroAdopted')}{' '}
        {prompt && (
          <bdi className="otp__mobile" dir="ltr" data-testid="stcpay-masked-mobile">
            {prompt.maskedMobile}
          </bdi>
        )}
      </p>
      {lastError && (
        <p className="otp__error" role="alert" data-testid="stcpay-otp-error">
          {lastError}
        </p>
      )}
      <TextField
        label={
          <>
            {t('stcpay.otpLabel')}
            {prompt && (
              <span className="otp__attempt" data-testid="stcpay-otp-attempt">
                {t('stcpay.attempt', { n: f.int(attempt) })}
              </span>
            )}
          </>
        }
        inputRef={ref}
        className="field__input field__input--big field__input--code otp__input"
        data-testid="stcpay-otp-input"
        inputMode="numeric"
        dir="ltr"
        maxLength={8}
        autoFocus
        value={code}
        onValue={setCode}
        onEnter={submit}
      />
      <FieldKeypad value={code} onValue={setCode} onEnter={submit} maxLength={8} testId="stcpay-otp-keypad" />
      {prompt && <Countdown expiresAt={prompt.expiresAt} />}
      <button type="button" className="btn btn--pay" data-testid="stcpay-otp-submit" onClick={() => submit(code)}>
        {t('stcpay.otpSubmit')} <Kbd k="enter" />
      </button>
    </div>
  );
}

function Countdown({ expiresAt }: { expiresAt: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const now = useNow(1000);
  const left = secondsLeft(expiresAt, now);
  if (left === null) return null;
  return (
    <p className={`otp__expiry${left <= 30 ? ' otp__expiry--soon' : ''}`} data-testid="stcpay-otp-expiry" data-seconds={left}>
      {left > 0 ? t('stcpay.expiresIn', { time: toDisplayDigits(formatCountdown(left), f.digits) }) : t('stcpay.expired')}
    </p>
  );
}
