// What the customer display follows: the till's sale (the same store and rules as the till screen), the card
// payment's progress, the till's language (main's preferencesChanged, and getTill at start and after every
// reconnect), whether the till is in training (main's trainingChanged, then getTill again), and the sales main
// reports completed. Every call here only reads (getTill, getSale); nothing is
// ever changed from this screen.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Preferences, Sale, TillInfo } from '../../preload/contract/schemas';
import type { Carrier } from '../api/carrier';
import { useConnectionState } from '../api/useConnectionState';
import { DEFAULT_LOCALE, applyLocale } from '../i18n';
import { useTillSession } from '../sale/useTillSession';
import {
  customerPayment,
  thanksFor,
  thanksShowing,
  type CustomerPayment,
  type SeenProgress,
  type Thanks,
} from './displayRules';
import { followTraining } from './followTraining';
import { followTillPreferences } from './tillPreferences';

export interface CustomerSession {
  till: TillInfo | null;
  prefs: Preferences;
  sale: Sale | null;
  payment: CustomerPayment;
  thanks: Thanks | null;
  connected: boolean;
  ready: boolean;
}

const ignore = (): void => {};

export function useCustomerSession(carrier: Carrier): CustomerSession {
  const { api, connection } = carrier;
  const connectionState = useConnectionState(connection);
  const [prefs, setPrefs] = useState<Preferences>({ locale: DEFAULT_LOCALE, digits: 'latin' });
  const shownPrefs = useRef(prefs);

  const showPrefs = useCallback((next: Preferences) => {
    const before = shownPrefs.current;
    if (next.locale === before.locale && next.digits === before.digits) return;
    if (next.locale !== before.locale) applyLocale(next.locale);
    shownPrefs.current = next;
    setPrefs(next);
  }, []);

  // The cashier may switch language (F9) or digits (F10) at any time: main says so at once.
  const follower = useMemo(() => followTillPreferences(carrier, showPrefs), [carrier, showPrefs]);
  useEffect(() => follower.listen(), [follower]);

  const session = useTillSession(follower.carrier, { onFirstTill: ignore, onError: ignore });
  const { store, tillSettled, till, reloadTill } = session;
  // Into training or back: the training mark follows at once (getTill again).
  useEffect(() => followTraining(api, reloadTill), [api, reloadTill]);
  const sale = session.view.sale;

  // Card payment progress, stamped with the revision of the sale on screen when it arrived.
  const [seen, setSeen] = useState<SeenProgress | null>(null);
  useEffect(
    () => api.onPaymentProgress((progress) => setSeen({ progress, saleRevision: store.getView().sale?.revision ?? null })),
    [api, store],
  );

  // A sale completed (main says so, however it was paid): thank the customer.
  const [thanks, setThanks] = useState<Thanks | null>(null);
  useEffect(() => api.onSaleCompleted((completed) => setThanks(thanksFor(completed, Date.now()))), [api]);

  // "Thank you" goes when its time is up or the next customer's first item is scanned.
  useEffect(() => {
    if (!thanks) return;
    if (!thanksShowing(thanks, sale, Date.now())) {
      setThanks(null);
      return;
    }
    const timer = setTimeout(() => setThanks(null), Math.max(0, thanks.until - Date.now()));
    return () => clearTimeout(timer);
  }, [thanks, sale]);

  return {
    till,
    prefs,
    sale,
    payment: customerPayment(sale, seen),
    thanks: thanksShowing(thanks, sale, Date.now()) ? thanks : null,
    connected: connectionState === 'connected',
    ready: sale !== null && tillSettled,
  };
}
