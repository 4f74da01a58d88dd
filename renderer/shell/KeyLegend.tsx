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
  { keys: ['f5'], label: 'keys.f5' },
  { keys: ['f6'], label: 'keys.f6' },
  { keys: ['f1'], label: 'keys.f1' },
  { keys: ['ctrl', 'b'], label: 'keys.ctrlB' },
];

/** Shown only when the till takes cards. */
const CARD_LEGEND: ReadonlyArray<{ keys: KeyCap[]; label: string }> = [
  { keys: ['f11'], label: 'keys.f11' },
  { keys: ['f7'], label: 'keys.f7' },
];

/** Shown only when the till takes STC Pay. */
const STCPAY_LEGEND: ReadonlyArray<{ keys: KeyCap[]; label: string }> = [{ keys: ['shift', 'f11'], label: 'keys.shiftF11' }];

/** Shown only while a card or STC Pay payment's outcome is unknown. */
const UNKNOWN_LEGEND: ReadonlyArray<{ keys: KeyCap[]; label: string }> = [
  { keys: ['f2'], label: 'keys.f2' },
  { keys: ['f3'], label: 'keys.f3' },
];

interface Props {
  cards: boolean;
  stcPay: boolean;
  paymentUnknown: boolean;
}

export const KeyLegend = memo(function KeyLegend({ cards, stcPay, paymentUnknown }: Props) {
  const { t } = useTranslation();
  const items = [
    ...LEGEND,
    ...(cards ? CARD_LEGEND : []),
    ...(stcPay ? STCPAY_LEGEND : []),
    ...(paymentUnknown ? UNKNOWN_LEGEND : []),
  ];
  return (
    <footer className="legend" aria-label={t('keys.legendLabel')}>
      {items.map(({ keys, label }) => (
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
