// One i18next instance for the whole view. The resources are bundled (no fetching: the CSP allows no
// external URLs and a till must start offline), so initialisation is synchronous.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../preload/contract/schemas';
import ar from './locales/ar.json';
import en from './locales/en.json';

export const DEFAULT_LOCALE: Locale = 'ar';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { ar: { translation: ar }, en: { translation: en } },
  lng: DEFAULT_LOCALE,
  fallbackLng: false,
  initAsync: false,
  // React escapes text itself; escaping here too would show &amp; on screen.
  interpolation: { escapeValue: false },
  // No promotional console line on a shop till.
  showSupportNotice: false,
});

/** Switches the language and flips the page direction in the same tick, so no frame shows a mix. */
export function applyLocale(locale: Locale): void {
  void i18n.changeLanguage(locale);
  const root = document.documentElement;
  root.lang = locale;
  root.dir = locale === 'ar' ? 'rtl' : 'ltr';
  document.title = i18n.t('app.title');
}
