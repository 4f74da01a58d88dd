// Language and digit style. Switching is immediate on screen; persisting goes to main in the background
// (a failure is reported but does not undo the switch the cashier just asked for).
import { useCallback, useMemo, useRef, useState } from 'react';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ErrorData, Preferences } from '../../preload/contract/schemas';
import { useLatest } from '../shell/useLatest';
import { DEFAULT_LOCALE, applyLocale } from './index';

export interface PreferenceControls {
  prefs: Preferences;
  /** Takes the preferences saved in main (at start-up). */
  adopt(prefs: Preferences): void;
  toggleLocale(): void;
  toggleDigits(): void;
}

export function usePreferences(api: NuqtaApi, onError: (e: ErrorData) => void): PreferenceControls {
  const [prefs, setPrefs] = useState<Preferences>({ locale: DEFAULT_LOCALE, digits: 'latin' });
  // Two quick F9 presses must flip twice, so toggles read the latest value, not the rendered one.
  const current = useRef(prefs);
  const errorRef = useLatest(onError);

  const update = useCallback((next: Preferences) => {
    if (next.locale !== current.current.locale) applyLocale(next.locale);
    current.current = next;
    setPrefs(next);
  }, []);

  const persist = useCallback(
    (change: Partial<Preferences>) => {
      void api.setPreferences(change).then((r) => {
        if (!r.ok) errorRef.current(r.error);
      });
    },
    [api, errorRef],
  );

  return useMemo(
    () => ({
      prefs,
      adopt: (saved: Preferences) => {
        applyLocale(saved.locale);
        update(saved);
      },
      toggleLocale: () => {
        const locale = current.current.locale === 'ar' ? 'en' : 'ar';
        update({ ...current.current, locale });
        persist({ locale });
      },
      toggleDigits: () => {
        const digits = current.current.digits === 'latin' ? 'arabic' : 'latin';
        update({ ...current.current, digits });
        persist({ digits });
      },
    }),
    [prefs, update, persist],
  );
}
