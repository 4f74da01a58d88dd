// The admin area's Training tab (docs/training.md): the manager's PIN (already given to open the panel) switches
// the till into training — its own ledger, TR- numbers, simulators only — or back to the live till. Main restarts
// its services on the other ledger once it has answered, so the page reloads to start from what main now holds.
// In training the tab also holds the trainer's Practice panel (./PracticePanel.tsx).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { BannerCall } from '../../terminal/useBannerCall';
import { PracticePanel } from './PracticePanel';

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
  /** After a switch: the whole view starts again (tests pass their own). */
  reload?: () => void;
}

export function TrainingSection({ api, managerPin, calls, reload = () => window.location.reload() }: Props) {
  const { t } = useTranslation();
  const [training, setTraining] = useState<boolean | null>(null);

  useEffect(() => {
    void api.getTill({}).then((r) => {
      if (r.ok) setTraining(r.value.training);
    });
  }, [api]);

  const toggle = async () => {
    if (training === null) return;
    const answer = await calls.call(() => api.setTraining({ on: !training, managerPin }));
    if (answer) reload();
  };

  if (training === null) return null;
  return (
    <section className="admin__section" data-testid="training-section">
      <p>{training ? t('training.activeBody') : t('training.body')}</p>
      <button type="button" className={training ? 'btn btn--primary' : 'btn btn--secondary'} data-testid="training-toggle" disabled={calls.busy} onClick={() => void toggle()}>
        {training ? t('training.leave') : t('training.start')}
      </button>
      {training && <PracticePanel api={api} managerPin={managerPin} calls={calls} />}
    </section>
  );
}
