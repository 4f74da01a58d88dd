import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigitStyle, Locale, TillInfo } from '../../preload/contract/schemas';
import type { ConnectionState } from '../api/carrier';
import { ConnectionStatus } from './ConnectionStatus';
import { Kbd } from './Kbd';

interface Props {
  till: TillInfo | null;
  connection: ConnectionState;
  locale: Locale;
  digits: DigitStyle;
  onToggleLocale(): void;
  onToggleDigits(): void;
}

export const TopBar = memo(function TopBar({ till, connection, locale, digits, onToggleLocale, onToggleDigits }: Props) {
  const { t } = useTranslation();
  const shopName = till ? (locale === 'ar' ? till.shopNameAr : till.shopNameEn) : '';
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <span className="topbar__logo" aria-hidden="true" />
        <span className="topbar__name">{t('app.name')}</span>
      </div>
      <div className="topbar__shop">
        <span className="topbar__shop-name">{shopName}</span>
        {till && <span className="topbar__till">{t('app.till', { id: till.tillId })}</span>}
      </div>
      {till?.simulated && (
        <span className="demo-badge" data-testid="demo-badge" title={t('app.demoHint')}>
          {t('app.demo')}
        </span>
      )}
      <div className="topbar__spacer" />
      <ConnectionStatus state={connection} />
      <button
        type="button"
        className="btn btn--ghost topbar__toggle"
        data-testid="digits-toggle"
        title={t('toolbar.digitsHint')}
        aria-pressed={digits === 'arabic'}
        onClick={onToggleDigits}
      >
        {digits === 'arabic' ? t('toolbar.digitsToLatin') : t('toolbar.digitsToArabic')}
        <Kbd k="f10" />
      </button>
      <button
        type="button"
        className="btn btn--ghost topbar__toggle"
        data-testid="lang-toggle"
        title={t('toolbar.languageHint')}
        lang={locale === 'ar' ? 'en' : 'ar'}
        onClick={onToggleLocale}
      >
        {t('toolbar.language')}
        <Kbd k="f9" />
      </button>
    </header>
  );
});
