// The signed-in manager's or admin's own two-factor enrolment (docs/people.md): main makes the secret; this shows
// its otpauth:// QR to scan, the secret to type in by hand, the ten recovery codes (this once: main keeps only
// their hashes), and asks for a first code from the app to confirm. Closing before that keeps nothing.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { TotpEnrolment } from '../../preload/contract/people';
import type { ErrorData } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { useDialogKeys } from '../shell/useDialogKeys';
import { CodeField } from './CodeField';

/** The secret in groups of four, as authenticator apps show a key typed by hand. */
const grouped = (secret: string): string => secret.replace(/(.{4})/g, '$1 ').trim();

export function TotpEnrolDialog({ api, onClose }: { api: NuqtaApi; onClose(): void }) {
  const { t } = useTranslation();
  const { locale, digits } = useFormat();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    void api.startTotpEnrolment({}).then((r) => {
      if (!live) return;
      if (r.ok) setEnrolment(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api]);
  // The keyboard moves in the same commit as what asks for it, so a key pressed next lands here (shell/useKeepFocus.ts).
  useLayoutEffect(() => {
    if (enrolment) input.current?.focus();
  }, [enrolment]);

  const confirm = async (value: string) => {
    if (busy || !/^\d{6}$/.test(value)) return;
    setBusy(true);
    const r = await api.confirmTotpEnrolment({ code: value });
    setBusy(false);
    setCode('');
    if (r.ok) {
      setDone(true);
      setError(null);
    } else setError(r.error);
  };
  const onKeyDown = useDialogKeys({ onClose });

  return (
    <Dialog labelledBy="totp-title" className="dialog--totp" testId="totp-enrol-dialog" onKeyDown={onKeyDown}>
      <h2 id="totp-title" className="dialog__title">
        {t('twoFactor.enrolTitle')}
      </h2>
      {error && (
        <p className="dialog__body dialog__error" role="alert" data-testid="totp-error">
          {messageFor(error, locale, digits)}
        </p>
      )}
      {done && (
        <p className="dialog__body" data-testid="totp-done">
          {t('twoFactor.done')}
        </p>
      )}
      {enrolment && !done && (
        <div className="totp">
          <p className="dialog__body">{t('twoFactor.scan')}</p>
          <img className="totp__qr" src={enrolment.qrDataUrl} alt={t('twoFactor.qrAlt')} data-testid="totp-qr" data-uri={enrolment.uri} />
          <p className="totp__secret">
            {t('twoFactor.secret')} <code dir="ltr" data-testid="totp-secret">{grouped(enrolment.secret)}</code>
          </p>
          <h3 className="totp__subtitle">{t('twoFactor.recoveryTitle')}</h3>
          <p className="dialog__body">{t('twoFactor.recoveryBody')}</p>
          <ol className="totp__codes" dir="ltr" data-testid="totp-recovery-codes">
            {enrolment.recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
          <CodeField
            label={t('twoFactor.firstCode')}
            value={code}
            onValue={setCode}
            onEnter={(v) => void confirm(v)}
            inputRef={input}
            testId="totp-code-input"
            keypadTestId="totp-keypad"
            readOnly={busy}
          />
        </div>
      )}
      <div className="dialog__actions">
        {enrolment && !done && (
          <button type="button" className="btn btn--primary" data-testid="totp-confirm" disabled={busy || !/^\d{6}$/.test(code)} onClick={() => void confirm(code)}>
            {t('twoFactor.confirm')} <Kbd k="enter" />
          </button>
        )}
        <button type="button" className="btn btn--secondary" data-testid="totp-close" onClick={onClose}>
          {t('twoFactor.close')} <Kbd k="esc" />
        </button>
      </div>
    </Dialog>
  );
}
