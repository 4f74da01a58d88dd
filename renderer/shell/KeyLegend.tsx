import { useTranslation } from 'react-i18next';

// Key caps are the physical key names printed on the keyboard, so they are the same in both languages.
const LEGEND: ReadonlyArray<{ keys: string[]; label: string }> = [
  { keys: ['Enter'], label: 'keys.enter' },
  { keys: ['↑', '↓'], label: 'keys.arrows' },
  { keys: ['Esc'], label: 'keys.escape' },
  { keys: ['Ctrl', '↑↓'], label: 'keys.ctrlArrows' },
  { keys: ['+', '−'], label: 'keys.plusMinus' },
  { keys: ['F4'], label: 'keys.f4' },
  { keys: ['Del'], label: 'keys.delete' },
  { keys: ['F8'], label: 'keys.f8' },
  { keys: ['F9'], label: 'keys.f9' },
  { keys: ['F10'], label: 'keys.f10' },
  { keys: ['F12'], label: 'keys.f12' },
];

export function KeyLegend() {
  const { t } = useTranslation();
  return (
    <footer className="legend" aria-label={t('keys.legendLabel')}>
      {LEGEND.map(({ keys, label }) => (
        <span className="legend__item" key={label}>
          {keys.map((k) => (
            <kbd key={k}>{k}</kbd>
          ))}
          <span className="legend__label">{t(label)}</span>
        </span>
      ))}
    </footer>
  );
}
