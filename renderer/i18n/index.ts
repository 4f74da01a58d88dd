// One i18next instance for the whole view. The resources are bundled (no fetching: the CSP allows no
// external URLs and a till must start offline), so initialisation is synchronous.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../preload/contract/schemas';
import { isolateNumbers } from './bidi';
import ar from './locales/ar.json';
import en from './locales/en.json';

export const DEFAULT_LOCALE: Locale = 'ar';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { ar: { translation: ar }, en: { translation: en } },
  lng: DEFAULT_LOCALE,
  fallbackLng: false,
  initAsync: false,
  // React escapes text itself (HTML escaping here would show &amp; on screen). i18next's escape step is used
  // instead to isolate every interpolated number or code, so it reads in its own order inside an Arabic
  // sentence (see bidi.ts): one place for every message, none can forget it.
  interpolation: { escapeValue: true, escape: isolateNumbers },
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
