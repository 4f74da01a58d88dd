import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../preload/contract/schemas';
import { parseQuantity } from '../format/money';
import { formatKg, parseWeightGrams } from '../format/weight';
import { clientError } from '../i18n/messages';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { useDialogKeys } from '../shell/useDialogKeys';
import { FieldKeypad } from '../keypad/FieldKeypad';
import { weighedError } from './weighed';

interface Props {
  /** Pieces, or grams when `weighed` (null: no weight yet, the item is being rung up). */
  current: number | null;
  /** The line (or the item) is sold by weight: grams ("750") or kilograms ("0.75") are typed, grams are sent. */
  weighed?: boolean;
  lineName: string;
  onSet(quantity: number): void;
  onReject(error: ErrorData): void;
  onClose(): void;
}

export function QuantityPrompt({ current, weighed = false, lineName, onSet, onReject, onClose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(current === null ? '' : weighed ? formatKg(current, 'latin') : String(current));
  const inputRef = useRef<HTMLInputElement>(null);

  // The keyboard moves in the same commit as what asks for it, so a key pressed next lands here (shell/useKeepFocus.ts).
  useLayoutEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select(); // Typing replaces the old quantity straight away.
  }, []);

  const submit = (): void => {
    const quantity = weighed ? parseWeightGrams(text) : parseQuantity(text);
    if (quantity === null) onReject(weighed ? weighedError('invalid') : clientError('QUANTITY_INVALID'));
    else onSet(quantity);
  };

  const onKeyDown = useDialogKeys({ onEnter: submit, onClose });

  return (
    <Dialog labelledBy="qty-title" className="dialog--small" testId="quantity-prompt" onKeyDown={onKeyDown}>
      <h2 id="qty-title" className="dialog__title">
        {weighed ? t('weighed.title') : t('quantity.title')}
      </h2>
      <p className="dialog__subtitle">{lineName}</p>
      <label className="field">
        <span className="field__label">{weighed ? t('weighed.label') : t('quantity.label')}</span>
        <input
          ref={inputRef}
          className="field__input field__input--big"
          data-testid="quantity-input"
          data-weighed={weighed ? 'true' : undefined}
          type="text"
          inputMode={weighed ? 'decimal' : 'numeric'}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <FieldKeypad value={text} onValue={setText} onEnter={submit} maxLength={weighed ? 7 : 4} testId="quantity-keypad" />
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
