// A business tax invoice ZATCA refused, or could not be reached to clear, leaves the buyer without an invoice.
// The cashier may have moved on; the manager answers it here as at the counter: a simplified invoice for the same
// sale instead (main keeps sending the standard one, and cancels it should ZATCA clear it after all). A click only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { EinvoiceItem } from '../../../preload/contract/einvoicing';
import type { BannerCall } from '../../terminal/useBannerCall';
import { mayIssueSimplifiedInstead } from './einvoicingView';

interface Props {
  doc: EinvoiceItem;
  api: NuqtaApi;
  calls: BannerCall;
  onDone(): void;
}

export function SimplifiedInsteadButton({ doc, api, calls, onDone }: Props) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <p className="einv__hint" role="status" data-testid="einv-simplified-issued">
        {t('einvoicing_admin.simplifiedIssued')}
      </p>
    );
  }
  if (!mayIssueSimplifiedInstead(doc)) return null;
  const issue = async () => {
    if (calls.busy) return;
    const answer = await calls.call(() => api.issueSimplifiedInstead({ receiptNo: doc.receiptNo }));
    if (!answer) return;
    setDone(true);
    onDone();
  };
  return (
    <div className="einv-reissue">
      <p className="einv__hint">{t('einvoicing_admin.simplifiedInsteadHint')}</p>
      <button type="button" className="btn btn--primary" data-testid="einv-simplified-instead" aria-disabled={calls.busy} onClick={() => void issue()}>
        {t('einvoicing_admin.simplifiedInstead')}
      </button>
    </div>
  );
}
