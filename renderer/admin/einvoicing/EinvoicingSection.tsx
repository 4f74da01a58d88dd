// The admin area's e-invoicing tab (ZATCA phase 2): the status at a glance and onboarding side by side, the
// documents under them. Main does everything (main/app/einvoicing-handlers.ts); this view asks and shows.
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { BannerCall } from '../../terminal/useBannerCall';
import { DocumentList } from './DocumentList';
import { OnboardForm } from './OnboardForm';
import { RenewForm } from './RenewForm';
import { StatusSummary } from './StatusSummary';
import { useEinvoicing } from './useEinvoicing';
import { useLabels } from './useLabels';
import './einvoicing.css';

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
}

export function EinvoicingSection({ api, managerPin, calls }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const data = useEinvoicing(api, managerPin, calls);
  const { status } = data;

  return (
    <div className="einv" data-testid="einvoicing-admin" data-loaded={status ? '1' : '0'}>
      <div className="einv__head">
        <h3 className="einv__heading">{t('einvoicing_admin.title')}</h3>
        <button type="button" className="btn btn--secondary" data-testid="einv-refresh" aria-disabled={calls.busy} onClick={() => !calls.busy && void data.refresh()}>
          {t('einvoicing_admin.refresh')}
        </button>
      </div>
      {!status ? (
        <p className="einv__hint">{t('einvoicing_admin.loading')}</p>
      ) : (
        <>
          <div className="einv__top">
            <StatusSummary status={status} labels={labels} />
            <OnboardForm api={api} managerPin={managerPin} calls={calls} status={status} labels={labels} onOnboarded={data.onboarded} />
          </div>
          <RenewForm api={api} managerPin={managerPin} calls={calls} status={status} onRenewed={data.onboarded} />
          <DocumentList
            documents={data.documents}
            counts={data.documents?.counts ?? status.counts}
            filter={data.view.filter}
            busy={calls.busy}
            labels={labels}
            onFilter={(state) => void data.filter(state)}
            onPage={(page) => void data.page(page)}
            reissue={{ api, managerPin, calls, onDone: () => void data.refresh() }}
          />
        </>
      )}
    </div>
  );
}
