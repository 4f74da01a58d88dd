// The touch path to parked sales, next to the sale's totals: park this sale, and the list to recall one. Each
// button shows its key.
import { useTranslation } from 'react-i18next';

interface Props {
  onPark(): void;
  onList(): void;
}

export function ParkButtons({ onPark, onList }: Props) {
  const { t } = useTranslation();
  return (
    <div className="side__row side__row--park">
      <button type="button" className="btn btn--secondary" data-testid="park-sale" onClick={onPark}>
        <span>{t('parked.park')}</span>
        <kbd dir="ltr">{t('parked.parkKey')}</kbd>
      </button>
      <button type="button" className="btn btn--secondary" data-testid="parked-open" onClick={onList}>
        <span>{t('parked.list')}</span>
        <kbd dir="ltr">{t('parked.listKey')}</kbd>
      </button>
    </div>
  );
}
