// The cashier's display choices (language and digit style), shared by everything that prints a number.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigitStyle, Locale } from '../../preload/contract/schemas';
import { formatDateTime } from './datetime';
import { formatInteger } from './digits';
import { formatAmount } from './money';

interface Display {
  locale: Locale;
  digits: DigitStyle;
}

const DisplayContext = createContext<Display>({ locale: 'ar', digits: 'latin' });

export function FormatProvider({ locale, digits, children }: Display & { children: ReactNode }) {
  const value = useMemo(() => ({ locale, digits }), [locale, digits]);
  return <DisplayContext.Provider value={value}>{children}</DisplayContext.Provider>;
}

export interface Formatters extends Display {
  /** An amount with its currency, e.g. "SAR 12.50" / "12.50 ر.س". */
  money(halalas: number): string;
  /** An amount without currency, e.g. "12.50". */
  amount(halalas: number): string;
  int(value: number): string;
  dateTime(iso: string): string;
}

export function useFormat(): Formatters {
  const display = useContext(DisplayContext);
  const { t } = useTranslation();
  return useMemo(
    () => ({
      ...display,
      money: (h) => t('money.format', { amount: formatAmount(h, display.digits) }),
      amount: (h) => formatAmount(h, display.digits),
      int: (n) => formatInteger(n, display.digits),
      dateTime: (iso) => formatDateTime(iso, display.digits),
    }),
    [display, t],
  );
}
