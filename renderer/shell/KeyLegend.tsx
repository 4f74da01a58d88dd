import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Kbd, type KeyCap } from './Kbd';

const LEGEND: ReadonlyArray<{ keys: KeyCap[]; label: string }> = [
  { keys: ['enter'], label: 'keys.enter' },
  { keys: ['up', 'down'], label: 'keys.arrows' },
  { keys: ['esc'], label: 'keys.escape' },
  { keys: ['ctrl', 'upDown'], label: 'keys.ctrlArrows' },
  { keys: ['plus', 'minus'], label: 'keys.plusMinus' },
  { keys: ['f4'], label: 'keys.f4' },
  { keys: ['del'], label: 'keys.delete' },
  { keys: ['f8'], label: 'keys.f8' },
  { keys: ['f9'], label: 'keys.f9' },
  { keys: ['f10'], label: 'keys.f10' },
  { keys: ['f12'], label: 'keys.f12' },
];

export const KeyLegend = memo(function KeyLegend() {
  const { t } = useTranslation();
  return (
    <footer className="legend" aria-label={t('keys.legendLabel')}>
      {LEGEND.map(({ keys, label }) => (
        <span className="legend__item" key={label}>
          {keys.map((k) => (
            <Kbd key={k} k={k} />
          ))}
          <span className="legend__label">{t(label)}</span>
        </span>
      ))}
    </footer>
  );
});
