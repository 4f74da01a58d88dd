// After a cash sale: the change to hand back, as large as the screen allows, next to the receipt. The scan
// field keeps the keyboard, so Enter, Esc or simply scanning the next customer's first item dismisses it;
// the next sale is already open underneath.
import { useTranslation } from 'react-i18next';
import type { CompletedSale } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { ReceiptPreview } from './ReceiptPreview';
import { Kbd } from '../shell/Kbd';

interface Props {
  completed: CompletedSale;
  onDismiss(): void;
}

export function CompletedView({ completed, onDismiss }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="overlay">
      <section className="completed" role="dialog" aria-labelledby="completed-title" data-testid="completed-view">
        <div className="completed__main">
          <div className="completed__paid">{t('completed.paid')}</div>
          <h2 id="completed-title" className="completed__label">
            {t('completed.changeDue')}
          </h2>
          <div className="completed__change" data-testid="change-due">
            {f.money(completed.changeHalalas)}
          </div>
          {completed.drawer === 'failed' && (
            <div className="completed__drawer" role="alert" data-testid="drawer-warning">
              {t('completed.drawerFailed')}
            </div>
          )}
          <button type="button" className="btn btn--primary btn--wide" data-testid="new-sale" onClick={onDismiss}>
            {t('completed.newSale')} <Kbd k="enter" />
          </button>
          <p className="completed__hint">{t('completed.hint')}</p>
        </div>
        <ReceiptPreview receipt={completed.receipt} />
      </section>
    </div>
  );
}
