// Says what a removal did ("Removed: milk × 2", or that − at quantity 1 removed the line) and offers it back for a
// few seconds: the button, or Ctrl+Z.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format/FormatContext';
import { Kbd } from '../shell/Kbd';
import type { RemovedLine } from './lineUndo';
import './undo-toast.css';

interface Props {
  removed: RemovedLine;
  onUndo(): void;
}

export function UndoToast({ removed, onUndo }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = f.locale === 'ar' ? removed.nameAr : removed.nameEn;
  const text =
    removed.reason === 'minus'
      ? t('scanner_safety.removedByMinus', { name, one: f.int(1) })
      : t('scanner_safety.removed', { name, qty: f.int(removed.quantity) });
  return (
    <div className="undo-toast" role="status" data-testid="undo-toast" data-reason={removed.reason}>
      <span className="undo-toast__text">{text}</span>
      <button type="button" className="btn btn--secondary" data-testid="undo-button" title={t('scanner_safety.undoLabel')} onClick={onUndo}>
        {t('scanner_safety.undo')}
        <span className="kbd-combo">
          <Kbd k="ctrl" />
          <kbd>{t('scanner_safety.keyZ')}</kbd>
        </span>
      </button>
    </div>
  );
}
