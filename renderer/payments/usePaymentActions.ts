// The actions on a payment that is already under way or done: check again, a manager's resolution from the
// terminal receipt, a reversal on the open sale. Each answers with an intent; the sale itself is re-read,
// because the change (a tender attached or removed, the lock lifted, the sale completed) is main's to make.
import { useMemo, useState } from 'react';
import type { NuqtaApi, Result } from '../../preload/contract/api';
import type { IntentSummary } from '../../preload/contract/schemas';
import { notice } from '../i18n/messages';
import type { SaleStore } from '../sale/saleStore';
import type { BannerControls } from '../shell/useBanner';
import type { ResolveInput } from './checks';
import { intentMessage } from './intentMessages';

export interface PaymentActions {
  busy: boolean;
  recover(intentId: string): Promise<IntentSummary | null>;
  resolve(intentId: string, input: ResolveInput): Promise<IntentSummary | null>;
  reverse(intentId: string, managerPin: string): Promise<IntentSummary | null>;
}

export function usePaymentActions(api: NuqtaApi, store: SaleStore, banner: BannerControls): PaymentActions {
  const [busy, setBusy] = useState(false);

  const actions = useMemo(() => {
    const refreshSale = async (): Promise<void> => {
      const r = await api.getSale({});
      if (r.ok) store.accept(r.value); // Not authoritative: a newer copy from an event still wins.
    };

    /** `decided`: the manager chose the outcome, so whatever it is, it is news, not an alarm. */
    const run = async (call: () => Promise<Result<IntentSummary>>, decided = false): Promise<IntentSummary | null> => {
      setBusy(true);
      try {
        const r = await call();
        if (!r.ok) {
          banner.error(r.error);
          return null;
        }
        const intent = r.value;
        await refreshSale();
        const message = intentMessage(intent);
        if (message.tone === 'error' && !decided) banner.error(message.data);
        else if (completedItsSale(intent, store.getView().sale?.saleId)) banner.info(notice('SALE_COMPLETED_BY_CARD'));
        else banner.info(message.data);
        return intent;
      } finally {
        setBusy(false);
      }
    };

    return {
      recover: (intentId: string) => run(() => api.recoverPayment({ intentId })),
      resolve: (intentId: string, input: ResolveInput) => run(() => api.resolvePayment({ intentId, ...input }), true),
      reverse: (intentId: string, managerPin: string) => run(() => api.reverseCardPayment({ intentId, managerPin })),
    };
  }, [api, store, banner]);

  return { ...actions, busy };
}

/** An approval learnt late (check again, a manager's resolution) that covered the rest completes its sale. */
export function completedItsSale(intent: IntentSummary, shownSaleId: string | undefined): boolean {
  return intent.kind === 'purchase' && intent.state === 'approved' && intent.saleId !== null && intent.saleId !== shownSaleId;
}
