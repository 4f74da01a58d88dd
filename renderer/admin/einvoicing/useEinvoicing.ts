// The section's data: main's status and one page of documents, asked for one after the other through the
// panel's single call slot (a second call while one runs would be dropped), again on Refresh and after onboarding.
import { useEffect, useState } from 'react';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { EinvoicePage, EinvoiceState, EinvoicingStatus } from '../../../preload/contract/einvoicing';
import type { BannerCall } from '../../terminal/useBannerCall';

export const PAGE_SIZE = 20;

interface View {
  filter: EinvoiceState | null;
  page: number;
}

export function useEinvoicing(api: NuqtaApi, managerPin: string, calls: BannerCall) {
  const [status, setStatus] = useState<EinvoicingStatus | null>(null);
  const [documents, setDocuments] = useState<EinvoicePage | null>(null);
  const [view, setView] = useState<View>({ filter: null, page: 0 });

  const load = async (next: View): Promise<void> => {
    const fresh = await calls.call(() => api.getEinvoicing({ managerPin }));
    if (!fresh) return;
    setStatus(fresh);
    const input = { managerPin, page: next.page, pageSize: PAGE_SIZE, ...(next.filter ? { state: next.filter } : {}) };
    const listed = await calls.call(() => api.listEinvoices(input));
    if (!listed) return;
    setView(next);
    setDocuments(listed);
  };

  useEffect(() => {
    void load(view);
    // Once, when the section opens; afterwards on the admin's actions.
  }, []);

  return {
    status,
    documents,
    view,
    refresh: () => load(view),
    /** A filter starts again on its first page. */
    filter: (state: EinvoiceState | null) => load({ filter: state, page: 0 }),
    page: (page: number) => load({ ...view, page }),
    /** After onboarding: main's new status at once, then everything again (a new unit starts a new list). */
    onboarded: (fresh: EinvoicingStatus) => {
      setStatus(fresh);
      void load({ filter: null, page: 0 });
    },
  };
}
