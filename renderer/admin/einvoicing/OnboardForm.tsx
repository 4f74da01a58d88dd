// Onboarding from the admin screen: the environment, the OTP from the FATOORA portal, a confirmation (a new
// unit replaces the current one), then the steps main walks through. A failure is main's answer as data: where
// it stopped, why in both languages, and what ZATCA said; nothing was kept. Success shows the new certificate.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { EinvoiceEnvironment, EinvoicingStatus, OnboardAnswer } from '../../../preload/contract/einvoicing';
import { useFormat } from '../../format/FormatContext';
import { TextField } from '../../shell/TextField';
import type { BannerCall } from '../../terminal/useBannerCall';
import { checkOtp, initialEnvironment, ONBOARD_STEPS, stepStates } from './einvoicingView';
import type { Labels } from './useLabels';
import { ZatcaMessages } from './ZatcaMessages';

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
  status: EinvoicingStatus;
  labels: Labels;
  /** Main's status after a successful onboarding (the new unit and certificate). */
  onOnboarded(status: EinvoicingStatus): void;
}

type Progress = { kind: 'idle' } | { kind: 'running' } | { kind: 'done' } | { kind: 'failed'; step: Extract<OnboardAnswer, { outcome: 'failed' }>['step'] };

export function OnboardForm({ api, managerPin, calls, status, labels, onOnboarded }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [environment, setEnvironment] = useState<EinvoiceEnvironment | null>(() => initialEnvironment(status));
  const [otp, setOtp] = useState('');
  const [otpInvalid, setOtpInvalid] = useState(false);
  const [confirming, setConfirming] = useState<{ environment: EinvoiceEnvironment; otp: string } | null>(null);
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const [answer, setAnswer] = useState<OnboardAnswer | null>(null);
  const otpRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  // The answer takes the keyboard (the confirmation that had it is gone), so Esc still closes the admin area.
  useLayoutEffect(() => {
    if (answer) resultRef.current?.focus();
  }, [answer]);

  // The choices follow main's status (a refresh, a change of settings elsewhere).
  useEffect(() => {
    if (!environment || !status.environments.includes(environment)) setEnvironment(initialEnvironment(status));
  }, [status.environments.join(','), status.environment]);

  const ask = (value: string) => {
    const check = checkOtp(value);
    setOtpInvalid(!check.ok);
    if (!check.ok || !environment) return;
    setAnswer(null);
    setProgress({ kind: 'idle' });
    setConfirming({ environment, otp: check.value });
  };

  const onboard = async () => {
    if (!confirming) return;
    const input = { managerPin, ...confirming };
    setConfirming(null);
    setProgress({ kind: 'running' });
    const result = await calls.call(() => api.onboardEinvoicing(input));
    if (!result) {
      setProgress({ kind: 'idle' });
      return;
    }
    setAnswer(result);
    // An OTP is used once: a new try needs a new one from the portal.
    setOtp('');
    if (result.outcome === 'onboarded') {
      setProgress({ kind: 'done' });
      onOnboarded(result.status);
    } else setProgress({ kind: 'failed', step: result.step });
  };

  // Esc leaves the confirmation, not the whole admin area.
  const confirmKeys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      setConfirming(null);
      otpRef.current?.focus();
    }
  };

  const steps = stepStates(progress);
  const say = (e: { message_ar: string; message_en: string }) => (f.locale === 'ar' ? e.message_ar : e.message_en);
  const disabled = calls.busy || progress.kind === 'running' || status.environments.length === 0;

  return (
    <section className="einv-onboard" aria-labelledby="einv-onboard-title" data-testid="einv-onboard" data-progress={progress.kind}>
      <h3 id="einv-onboard-title" className="einv__title">
        {t('einvoicing_admin.onboard_title')}
      </h3>
      <p className="einv__hint">{t('einvoicing_admin.onboard_intro')}</p>
      {status.environments.length === 0 ? (
        <p className="einv--warning" data-testid="einv-onboard-unavailable">
          {t('einvoicing_admin.noEnvironments')}
        </p>
      ) : (
        <form
          className="einv-onboard__form"
          onSubmit={(e) => {
            e.preventDefault();
            ask(otp);
          }}
        >
          <label className="field">
            <span className="field__label">{t('einvoicing_admin.environment')}</span>
            <select
              className="field__input"
              data-testid="einv-environment-select"
              value={environment ?? ''}
              disabled={disabled}
              onChange={(e) => setEnvironment(e.target.value as EinvoiceEnvironment)}
            >
              {status.environments.map((env) => (
                <option key={env} value={env}>
                  {labels.environment(env)}
                </option>
              ))}
            </select>
          </label>
          <TextField
            label={t('einvoicing_admin.otp')}
            hint={environment === 'simulator' ? `${t('einvoicing_admin.otpHint')} ${t('einvoicing_admin.otpSimulator')}` : t('einvoicing_admin.otpHint')}
            className="field__input einv-otp"
            data-testid="einv-otp"
            inputRef={otpRef}
            dir="ltr"
            inputMode="numeric"
            maxLength={6}
            disabled={disabled}
            aria-invalid={otpInvalid}
            value={otp}
            onValue={(v) => {
              setOtp(v);
              setOtpInvalid(false);
            }}
            onEnter={ask}
          />
          {otpInvalid && (
            <span className="einv--problem" role="alert" data-testid="einv-otp-invalid">
              {t('einvoicing_admin.otpInvalid')}
            </span>
          )}
          <button type="submit" className="btn btn--primary" data-testid="einv-onboard-start" disabled={disabled}>
            {t('einvoicing_admin.onboard')}
          </button>
        </form>
      )}

      {confirming && (
        <div className="einv-confirm" role="alertdialog" aria-labelledby="einv-confirm-title" data-testid="einv-confirm" onKeyDown={confirmKeys}>
          <strong id="einv-confirm-title">{t('einvoicing_admin.confirm_title')}</strong>
          <p>{t('einvoicing_admin.confirm_body', { environment: labels.environment(confirming.environment) })}</p>
          {status.environment !== confirming.environment && <p className="einv--warning">{t('einvoicing_admin.confirm_moves')}</p>}
          <div className="einv-confirm__actions">
            <button type="button" className="btn btn--primary" data-testid="einv-confirm-yes" autoFocus onClick={() => void onboard()}>
              {t('einvoicing_admin.confirm')}
            </button>
            <button
              type="button"
              className="btn btn--secondary"
              data-testid="einv-confirm-no"
              onClick={() => {
                setConfirming(null);
                otpRef.current?.focus();
              }}
            >
              {t('einvoicing_admin.cancel')}
            </button>
          </div>
        </div>
      )}

      {progress.kind !== 'idle' && (
        <ol className="einv-steps" aria-live="polite" data-testid="einv-steps">
          {ONBOARD_STEPS.map((step) => (
            <li key={step} className={`einv-step einv-step--${steps[step]}`} data-testid={`einv-step-${step}`} data-state={steps[step]}>
              <span>{labels.step(step)}</span>
              <span className="einv-step__state">{labels.stepState(steps[step])}</span>
            </li>
          ))}
        </ol>
      )}
      {progress.kind === 'running' && <p className="einv__hint">{t('einvoicing_admin.running')}</p>}

      {answer?.outcome === 'onboarded' && (
        <div ref={resultRef} tabIndex={-1} className="einv-result einv--ok" role="status" data-testid="einv-onboard-result" data-outcome="onboarded">
          <p>{t('einvoicing_admin.success', { date: answer.status.unit?.notAfter ? f.dateTime(answer.status.unit.notAfter) : '—' })}</p>
          {answer.status.unit && (
            <p>
              {t('einvoicing_admin.unit')}: <bdi className="einv-code" dir="ltr">{answer.status.unit.egsId}</bdi>
            </p>
          )}
          {answer.settingsChanged && <p>{t('einvoicing_admin.settingsMoved')}</p>}
        </div>
      )}
      {answer?.outcome === 'failed' && (
        <div ref={resultRef} tabIndex={-1} className="einv-result einv--problem" data-testid="einv-onboard-result" data-outcome="failed" data-code={answer.error.code} data-step={answer.step ?? ''}>
          <p role="alert" data-testid="einv-onboard-error">
            {say(answer.error)}
          </p>
          {answer.messages.length > 0 && (
            <>
              <p className="einv__subtitle">{t('einvoicing_admin.zatcaSaid')}</p>
              <ZatcaMessages messages={answer.messages} />
            </>
          )}
          {answer.detail && (
            <p className="einv-detail">
              {t('einvoicing_admin.detail')}: <bdi dir="ltr">{answer.detail}</bdi>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
