import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../preload/contract/schemas';
import { parseQuantity } from '../format/money';
import { clientError } from '../i18n/messages';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { useDialogKeys } from '../shell/useDialogKeys';
import { FieldKeypad } from '../keypad/FieldKeypad';

interface Props {
  current: number;
  lineName: string;
  onSet(quantity: number): void;
  onReject(error: ErrorData): void;
  onClose(): void;
}

export function QuantityPrompt({ current, lineName, onSet, onReject, onClose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(current));
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select(); // Typing replaces the old quantity straight away.
  }, []);

  const submit = (): void => {
    const quantity = parseQuantity(text);
    if (quantity === null) onReject(clientError('QUANTITY_INVALID'));
    else onSet(quantity);
  };

  const onKeyDown = useDialogKeys({ onEnter: submit, onClose });

  return (
    <Dialog labelledBy="qty-title" className="dialog--small" testId="quantity-prompt" onKeyDown={onKeyDown}>
      <h2 id="qty-title" className="dialog__title">
        {t('quantity.title')}
      </h2>
      <p className="dialog__subtitle">{lineName}</p>
      <label className="field">
        <span className="field__label">{t('quantity.label')}</span>
        <input
          ref={inputRef}
          className="field__input field__input--big"
          data-testid="quantity-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <FieldKeypad value={text} onValue={setText} onEnter={submit} maxLength={4} testId="quantity-keypad" />
      <div className="dialog__actions">
        <button type="button" className="btn btn--primary" onClick={submit}>
          {t('quantity.ok')} <Kbd k="enter" />
        </button>
        <button type="button" className="btn btn--secondary" onClick={onClose}>
          {t('quantity.cancel')} <Kbd k="esc" />
        </button>
      </div>
    </Dialog>
  );
}
