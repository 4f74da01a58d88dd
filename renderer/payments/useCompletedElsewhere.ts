// A sale with a card or STC Pay payment on it moved on without this view completing it: main learnt in the
// background (or from a manager) that the customer had paid, and that completed the sale. The cashier is told.
import { useEffect, useRef } from 'react';
import type { Sale } from '../../preload/contract/schemas';
import { notice } from '../i18n/messages';
import type { BannerControls } from '../shell/useBanner';

interface Options {
  sale: Sale | null;
  /** This view's own payCard / payStcPay call is waiting: what it completes is not news. */
  localInFlight: boolean;
  /** This view completed the sale itself (it shows the receipt instead). */
  completedHere(saleId: string): boolean;
  banner: BannerControls;
}

export function useCompletedElsewhere({ sale, localInFlight, completedHere, banner }: Options): void {
  const shownBefore = useRef<Sale | null>(null);
  useEffect(() => {
    const before = shownBefore.current;
    shownBefore.current = sale;
    if (!before || !sale || before.saleId === sale.saleId) return;
    if (before.payment?.kind !== 'purchase' || localInFlight || completedHere(before.saleId)) return;
    banner.info(notice(before.payment.method === 'stcpay' ? 'SALE_COMPLETED_BY_STCPAY' : 'SALE_COMPLETED_BY_CARD'));
  }, [sale, localInFlight, completedHere, banner]);
}
