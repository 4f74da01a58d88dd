// Renewing the unit's certificate before it expires: a new OTP from the FATOORA portal, then main renews (a new
// key and certificate for the same unit; its chain goes on). On an Electron till this is the only way to renew:
// its secrets are sealed by the system keychain, which the CLI cannot open. A failure changed nothing.
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { EinvoicingStatus, RenewAnswer } from '../../../preload/contract/einvoicing';
import { useFormat } from '../../format/FormatContext';
import { TextField } from '../../shell/TextField';
import type { BannerCall } from '../../terminal/useBannerCall';
import { checkOtp } from './einvoicingView';
import { ZatcaMessages } from './ZatcaMessages';

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
  status: EinvoicingStatus;
  /** Main's status after a renewal (the new certificate's expiry). */
  onRenewed(status: EinvoicingStatus): void;
}

export function RenewForm({ api, managerPin, calls, status, onRenewed }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [otp, setOtp] = useState('');
  const [otpInvalid, setOtpInvalid] = useState(false);
  const [answer, setAnswer] = useState<RenewAnswer | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  // The keyboard moves in the same commit as what asks for it, so a key pressed next lands here (shell/useKeepFocus.ts).
  useLayoutEffect(() => {
    if (answer) resultRef.current?.focus();
  }, [answer]);

  const renew = async (value: string) => {
    const check = checkOtp(value);
    setOtpInvalid(!check.ok);
    if (!check.ok || calls.busy) return;
    setAnswer(null);
    const result = await calls.call(() => api.renewEinvoicing({ managerPin, otp: check.value }));
    if (!result) return;
    // An OTP is used once.
    setOtp('');
    setAnswer(result);
    if (result.outcome === 'renewed') onRenewed(result.status);
  };

  if (!status.unit || !status.ready) return null;
  const say = (e: { message_ar: string; message_en: string }) => (f.locale === 'ar' ? e.message_ar : e.message_en);

  return (
    <section className="einv-onboard" aria-labelledby="einv-renew-title" data-testid="einv-renew">
      <h3 id="einv-renew-title" className="einv__title">
        {t('einvoicing_admin.renew_title')}
      </h3>
      <p className="einv__hint">{t('einvoicing_admin.renew_intro')}</p>
      <form
        className="einv-onboard__form"
        onSubmit={(e) => {
          e.preventDefault();
          void renew(otp);
        }}
      >
        <TextField
          label={t('einvoicing_admin.otp')}
          hint={status.environment === 'simulator' ? `${t('einvoicing_admin.otpHint')} ${t('einvoicing_admin.otpSimulator')}` : t('einvoicing_admin.otpHint')}
          className="field__input einv-otp"
          data-testid="einv-renew-otp"
          dir="ltr"
          inputMode="numeric"
          maxLength={6}
          disabled={calls.busy}
          aria-invalid={otpInvalid}
          value={otp}
          onValue={(v) => {
            setOtp(v);
            setOtpInvalid(false);
          }}
          onEnter={(v) => void renew(v)}
        />
        {otpInvalid && (
          <span className="einv--problem" role="alert">
            {t('einvoicing_admin.otpInvalid')}
          </span>
        )}
        <button type="submit" className="btn btn--secondary" data-testid="einv-renew-start" disabled={calls.busy}>
          {t('einvoicing_admin.renew')}
        </button>
      </form>
      {answer?.outcome === 'renewed' && (
        <div ref={resultRef} tabIndex={-1} className="einv-result einv--ok" role="status" data-testid="einv-renew-result" data-outcome="renewed">
          <p>{t('einvoicing_admin.renewed', { date: f.dateTime(answer.notAfter) })}</p>
        </div>
      )}
      {answer?.outcome === 'failed' && (
        <div ref={resultRef} tabIndex={-1} className="einv-result einv--problem" data-testid="einv-renew-result" data-outcome="failed" data-code={answer.error.code}>
          <p role="alert">{say(answer.error)}</p>
          {answer.messages.length > 0 && (
            <ZatcaMessages messages={answer.messages} />
          )}
        </div>
      )}
    </section>
  );
}
