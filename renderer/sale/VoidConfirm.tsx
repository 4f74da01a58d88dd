import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { useDialogKeys } from '../shell/useDialogKeys';

interface Props {
  onConfirm(): void;
  onClose(): void;
}

/** F8 then Enter voids; Esc backs out. The sale is only touched on an explicit confirm. */
export function VoidConfirm({ onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => confirmRef.current?.focus(), []);

  const onKeyDown = useDialogKeys({ onEnter: onConfirm, destructive: true, onClose });

  return (
    <Dialog labelledBy="void-title" className="dialog--small" testId="void-confirm-dialog" onKeyDown={onKeyDown}>
      <h2 id="void-title" className="dialog__title">
        {t('void.title')}
      </h2>
      <p className="dialog__body">{t('void.body')}</p>
      <div className="dialog__actions">
        <button ref={confirmRef} type="button" className="btn btn--danger" data-testid="void-confirm" onClick={onConfirm}>
          {t('void.confirm')} <Kbd k="enter" />
        </button>
        <button type="button" className="btn btn--secondary" data-testid="void-cancel" onClick={onClose}>
          {t('void.cancel')} <Kbd k="esc" />
        </button>
      </div>
    </Dialog>
  );
}
