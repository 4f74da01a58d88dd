// The 6-digit code of the approver's authenticator app (or one of their recovery codes), asked over the dialog
// whose approval main held back (./secondFactor.ts). Main's message says why: needed, wrong, or already used.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { useDialogKeys } from '../shell/useDialogKeys';
import { CodeField } from './CodeField';
import type { AskSecondFactor } from './secondFactor';

interface Props {
  error: ErrorData;
  onSubmit(code: string): void;
  onCancel(): void;
}

/** A recovery code as typed: 10 letters and digits, a dash optional. */
const RECOVERY_CODE_CHARS = 11;
/** A 6-digit code, or a recovery code (10 letters and digits, a dash optional). */
export const looksLikeCode = (code: string): boolean => /^\d{6}$/.test(code) || /^[a-z2-9]{5}-?[a-z2-9]{5}$/i.test(code.trim());

export function SecondFactorDialog({ error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { locale, digits } = useFormat();
  const [code, setCode] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = (value: string) => {
    if (looksLikeCode(value)) onSubmit(value.trim());
  };
  const onKeyDown = useDialogKeys({ onClose: onCancel });
  return (
    <Dialog labelledBy="second-factor-title" className="dialog--small" testId="second-factor-dialog" onKeyDown={onKeyDown}>
      <h2 id="second-factor-title" className="dialog__title">
        {t('twoFactor.askTitle')}
      </h2>
      <p className="dialog__body" data-testid="second-factor-reason">
        {messageFor(error, locale, digits)}
      </p>
      <CodeField
        label={t('twoFactor.code')}
        value={code}
        onValue={setCode}
        onEnter={submit}
        inputRef={input}
        testId="second-factor-input"
        keypadTestId="second-factor-keypad"
        maxLength={RECOVERY_CODE_CHARS}
      />
      <p className="field__hint">{t('twoFactor.recoveryHint')}</p>
      <div className="dialog__actions">
        <button type="button" className="btn btn--primary" data-testid="second-factor-submit" disabled={!looksLikeCode(code)} onClick={() => submit(code)}>
          {t('twoFactor.submit')} <Kbd k="enter" />
        </button>
        <button type="button" className="btn btn--secondary" onClick={onCancel}>
          {t('pin.cancel')} <Kbd k="esc" />
        </button>
      </div>
    </Dialog>
  );
}

/** The `ask` for withSecondFactor and the dialog it shows while asking (render it above the till's dialogs). */
export function useSecondFactorPrompt(): { ask: AskSecondFactor; dialog: ReactNode } {
  const [asking, setAsking] = useState<{ error: ErrorData; resolve(code: string | null): void; n: number } | null>(null);
  const count = useRef(0);
  // Each ask is a fresh dialog (an empty field), the next one's message saying why it asks again.
  const ask = useCallback<AskSecondFactor>((error) => new Promise((resolve) => setAsking({ error, resolve, n: (count.current += 1) })), []);
  const answer = (code: string | null) => {
    asking?.resolve(code);
    setAsking(null);
  };
  const dialog = asking ? <SecondFactorDialog key={asking.n} error={asking.error} onSubmit={answer} onCancel={() => answer(null)} /> : null;
  return { ask, dialog };
}
