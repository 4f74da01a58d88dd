import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmKeyAction, isPointerClick } from '../keys/deliberateConfirm';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { useDialogKeys } from '../shell/useDialogKeys';

interface Props {
  onConfirm(): void;
  onClose(): void;
}

/**
 * F8 opens it, F8 again (or Ctrl+Enter, or a tap on the button) voids; Esc backs out. Enter alone never voids: a
 * scanner ends every barcode with Enter (a scan while this is open adds its item and closes the prompt instead).
 * The keyboard starts on Back, so nothing typed here can reach the void button by accident.
 */
export function VoidConfirm({ onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const backRef = useRef<HTMLButtonElement>(null);
  const [hint, setHint] = useState(false);

  useEffect(() => backRef.current?.focus(), []);

  const onKeyDown = useDialogKeys({
    onClose,
    onKey: (e) => {
      const action = confirmKeyAction(e, 'F8');
      if (action === 'confirm') onConfirm();
      else if (action === 'hint') setHint(true);
      return action !== null || e.key === 'F8'; // A repeated F8 goes no further either.
    },
  });

  return (
    <Dialog labelledBy="void-title" className="dialog--small" testId="void-confirm-dialog" onKeyDown={onKeyDown}>
      <h2 id="void-title" className="dialog__title">
        {t('void.title')}
      </h2>
      <p className="dialog__body">{t('void.body')}</p>
      {hint ? (
        <p className="dialog__body" role="alert" data-testid="void-enter-hint">
          {t('scanner_safety.voidHint')}
        </p>
      ) : (
        <p className="dialog__body">{t('scanner_safety.voidKeys')}</p>
      )}
      <div className="dialog__actions">
        <button
          type="button"
          className="btn btn--danger"
          data-testid="void-confirm"
          onClick={(e) => (isPointerClick(e) ? onConfirm() : setHint(true))}
        >
          {t('void.confirm')} <Kbd k="f8" />
        </button>
        <button ref={backRef} type="button" className="btn btn--secondary" data-testid="void-cancel" onClick={onClose}>
          {t('void.cancel')} <Kbd k="esc" />
        </button>
      </div>
    </Dialog>
  );
}
