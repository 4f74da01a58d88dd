// The trainer's Practice panel, under Admin → Training while the till is in training (docs/training.md): pick a
// scenario, read its brief to the trainee, Start (the training terminal is scripted for a decline or a lost
// answer when the scenario needs one), and Check: each thing the scenario asked for, ✓ or ✗, read from the
// training journal. Buttons are the till's .btn (48 px), reachable with Tab and pressed with Enter or Space.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../../preload/contract/api';
import type { PracticeResult, PracticeScenarioInfo } from '../../../preload/contract/practice';
import type { BannerCall } from '../../terminal/useBannerCall';
import { practiceLines, scenarioText } from './practiceView';

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
}

export function PracticePanel({ api, managerPin, calls }: Props) {
  const { t, i18n } = useTranslation();
  const [scenarios, setScenarios] = useState<PracticeScenarioInfo[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [result, setResult] = useState<PracticeResult | null>(null);

  useEffect(() => {
    void api.listPracticeScenarios({}).then((r) => {
      if (r.ok) setScenarios(r.value.scenarios);
    });
    // The scenario started before a reload is still the current one: the training journal remembers it.
    void api.checkPractice({}).then((r) => {
      if (!r.ok || !r.value.scenarioId) return;
      setResult(r.value);
      setSelected(r.value.scenarioId);
    });
  }, [api]);

  const start = async () => {
    if (!selected) return;
    const started = await calls.call(() => api.startPractice({ scenarioId: selected, managerPin }));
    if (started) setResult({ scenarioId: started.scenarioId, passed: false, checks: [] });
  };
  const check = async () => {
    const checked = await calls.call(() => api.checkPractice({}));
    if (checked) setResult(checked);
  };

  const current = scenarios.find((s) => s.id === selected);
  const running = result?.scenarioId ? scenarios.find((s) => s.id === result.scenarioId) : undefined;
  return (
    <div className="practice" data-testid="practice-panel">
      <h3>{t('training.practice.title')}</h3>
      <div className="practice__scenarios" role="group" aria-label={t('training.practice.title')}>
        {scenarios.map((s) => (
          <button
            key={s.id}
            type="button"
            className={s.id === selected ? 'btn btn--primary' : 'btn btn--secondary'}
            aria-pressed={s.id === selected}
            data-testid={`practice-scenario-${s.id}`}
            onClick={() => setSelected(s.id)}
          >
            {scenarioText(s, i18n.language).title}
          </button>
        ))}
      </div>
      {current && <p className="practice__brief" data-testid="practice-brief">{scenarioText(current, i18n.language).brief}</p>}
      <div className="practice__actions">
        <button type="button" className="btn btn--primary" data-testid="practice-start" disabled={!selected || calls.busy} onClick={() => void start()}>
          {t('training.practice.start')}
        </button>
        <button type="button" className="btn btn--secondary" data-testid="practice-check" disabled={!running || calls.busy} onClick={() => void check()}>
          {t('training.practice.check')}
        </button>
      </div>
      {running && result && (
        <div className="practice__result" data-testid="practice-result" aria-live="polite">
          <p>
            {t('training.practice.current', { title: scenarioText(running, i18n.language).title })}
            {result.checks.length > 0 && ` — ${result.passed ? t('training.practice.passed') : t('training.practice.notYet')}`}
          </p>
          <ul className="practice__checks">
            {practiceLines(result, i18n.language).map((line) => (
              <li key={line.text} className={line.ok ? 'practice__check practice__check--ok' : 'practice__check'}>
                <span aria-hidden="true">{line.mark}</span> {line.text}
                <span className="visually-hidden">{line.ok ? t('training.practice.done') : t('training.practice.notDone')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
