// A simplified invoice ZATCA rejected is answered here, in one step: a credit note cancelling it and a new invoice
// for the same sale (main builds them again from the receipt under today's settings — fix the settings first).
// A click, never Enter: nothing a scanner types can issue two documents.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { EinvoiceItem } from '../../../preload/contract/einvoicing';
import type { ReissueAnswer } from '../../../preload/contract/tax-invoice';
import { useFormat } from '../../format/FormatContext';
import type { BannerCall } from '../../terminal/useBannerCall';
import { mayReissue } from './einvoicingView';

interface Props {
  doc: EinvoiceItem;
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
  onDone(): void;
}

export function ReissueButton({ doc, api, managerPin, calls, onDone }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [answer, setAnswer] = useState<ReissueAnswer | null>(null);
  if (answer) {
    return (
      <p className="einv__hint" role="status" data-testid="einv-reissued">
        {t('einvoicing_admin.reissued', { credit: f.int(answer.creditNote.icv), invoice: f.int(answer.invoice.icv) })}
      </p>
    );
  }
  if (doc.reissuedIcv !== null) {
    return (
      <p className="einv__hint" data-testid="einv-reissued">
        {t('einvoicing_admin.reissuedBy', { invoice: f.int(doc.reissuedIcv) })}
      </p>
    );
  }
  if (!mayReissue(doc)) return null;
  const reissue = async () => {
    if (calls.busy) return;
    const done = await calls.call(() => api.reissueRejectedEinvoice({ egsId: doc.egsId, icv: doc.icv, managerPin }));
    if (!done) return;
    setAnswer(done);
    onDone();
  };
  return (
    <div className="einv-reissue">
      <p className="einv__hint">{t('einvoicing_admin.reissueHint')}</p>
      <button type="button" className="btn btn--primary" data-testid="einv-reissue" aria-disabled={calls.busy} onClick={() => void reissue()}>
        {t('einvoicing_admin.reissue')}
      </button>
    </div>
  );
}
