// The commissioning wizard: the self-tests in order (identity → printer → drawer → scanner → customer display
// → card terminal → STC Pay / nexo → done), each run by main and shown with its result and a retry. Main
// journals every result and keeps the report; this view only asks and shows.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommissioningReport, CommissioningStepName, CommissioningStepResult } from '../../preload/contract/admin';
import type { NuqtaApi } from '../../preload/contract/api';
import { useScanTarget } from '../scanner/scanTargets';
import type { BannerCall } from '../terminal/useBannerCall';

export const WIZARD_STEPS: CommissioningStepName[] = ['identity', 'printer', 'drawer', 'scanner', 'customerDisplay', 'cardTerminal', 'providers'];

const ARABIC = /[\u0600-\u06ff]/;

interface Props {
  api: NuqtaApi;
  managerPin: string;
  calls: BannerCall;
  report: CommissioningReport | null;
  onReport(report: CommissioningReport): void;
}

export function CommissioningWizard({ api, managerPin, calls, report, onReport }: Props) {
  const { t } = useTranslation();
  const [at, setAt] = useState<CommissioningStepName | 'done'>('identity');
  const [scan, setScan] = useState<{ text: string; arabicLayout: boolean } | null>(null);
  const [scanDraft, setScanDraft] = useState('');
  const [confirmRealCard, setConfirmRealCard] = useState(false);
  const scanRef = useRef<HTMLInputElement>(null);
  // A scanner's burst lands here as what its keys meant; `typed` shows whether the Arabic layout was in the way.
  useScanTarget(scanRef, (text, typed) => {
    setScanDraft(text);
    setScan({ text, arabicLayout: ARABIC.test(typed) });
  });

  const resultOf = (step: CommissioningStepName): CommissioningStepResult | undefined => report?.steps.find((s) => s.step === step);

  const run = async (step: CommissioningStepName | 'done', extra: { shown?: boolean } = {}) => {
    const input = {
      managerPin,
      step,
      ...(step === 'scanner' ? { scan: scan ?? { text: scanDraft, arabicLayout: false } } : {}),
      ...(step === 'cardTerminal' ? { confirmRealCard } : {}),
      ...extra,
    };
    const answer = await calls.call(() => api.commissioningStep(input));
    if (!answer) return;
    onReport(answer.report);
    if (answer.result?.ok) {
      const next = WIZARD_STEPS[WIZARD_STEPS.indexOf(step as CommissioningStepName) + 1];
      setAt(next ?? 'done');
    }
  };

  return (
    <div className="wizard" data-testid="commissioning-wizard">
      <ol className="wizard__steps">
        {WIZARD_STEPS.map((step) => {
          const r = resultOf(step);
          const state = r ? (r.ok ? 'ok' : 'failed') : 'not_run';
          return (
            <li key={step} className={`wizard__step wizard__step--${state}${at === step ? ' wizard__step--current' : ''}`} data-testid={`wizard-step-${step}`} data-state={state} data-at={r?.at ?? ''} data-code={r?.error?.code ?? ''}>
              <button type="button" className="wizard__step-name" onClick={() => setAt(step)}>
                {t(`admin.step_${step}`)}
              </button>
              <span className="wizard__state">{t(`admin.state_${state}`)}</span>
            </li>
          );
        })}
        <li className={`wizard__step${at === 'done' ? ' wizard__step--current' : ''}`} data-testid="wizard-step-done" data-state={report?.printed ? 'ok' : 'not_run'}>
          <button type="button" className="wizard__step-name" onClick={() => setAt('done')}>
            {t('admin.step_done')}
          </button>
        </li>
      </ol>

      <section className="wizard__body" data-testid="wizard-current" data-step={at}>
        <h3 className="wizard__title">{t(`admin.step_${at}`)}</h3>
        <p className="wizard__hint">{t(`admin.hint_${at}`)}</p>

        {at === 'scanner' && (
          <label className="field">
            <span className="field__label">{t('admin.scanHere')}</span>
            <input
              ref={scanRef}
              className="field__input"
              dir="ltr"
              data-testid="wizard-scan-input"
              autoComplete="off"
              value={scanDraft}
              onChange={(e) => {
                setScanDraft(e.target.value);
                setScan(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void run('scanner');
                }
              }}
            />
            {scan && (
              <span className="field__hint" data-testid="wizard-scan-read" data-arabic-layout={scan.arabicLayout ? '1' : '0'}>
                {t('admin.scanRead', { text: scan.text })} {scan.arabicLayout ? t('admin.scanArabicLayout') : ''}
              </span>
            )}
          </label>
        )}
        {at === 'cardTerminal' && (
          <label className="admin-field admin-field--check">
            <input type="checkbox" data-testid="wizard-confirm-real-card" checked={confirmRealCard} onChange={(e) => setConfirmRealCard(e.target.checked)} />
            {t('admin.confirmRealCard')}
          </label>
        )}

        <div className="wizard__actions">
          {at === 'customerDisplay' ? (
            <>
              <button type="button" className="btn btn--primary" data-testid="wizard-display-shown" disabled={calls.busy} onClick={() => void run('customerDisplay', { shown: true })}>
                {t('admin.displayShown')}
              </button>
              <button type="button" className="btn btn--secondary" data-testid="wizard-display-not-shown" disabled={calls.busy} onClick={() => void run('customerDisplay', { shown: false })}>
                {t('admin.displayNotShown')}
              </button>
            </>
          ) : (
            <button type="button" className="btn btn--primary" data-testid="wizard-run" disabled={calls.busy} onClick={() => void run(at)}>
              {at === 'done' ? t('admin.finish') : resultOf(at) ? t('admin.retry') : t('admin.run')}
            </button>
          )}
        </div>

        {at !== 'done' && <StepResult result={resultOf(at)} />}
        {at === 'done' && report && (
          <p className="wizard__summary" data-testid="wizard-summary" data-complete={report.complete ? '1' : '0'} data-printed={report.printed ? '1' : '0'}>
            {report.complete ? t('admin.complete') : t('admin.incomplete')} {report.savedTo && t('admin.savedTo', { file: report.savedTo })}
          </p>
        )}
      </section>
    </div>
  );
}

function StepResult({ result }: { result: CommissioningStepResult | undefined }) {
  const { t, i18n } = useTranslation();
  if (!result) return null;
  const facts = Object.entries(result.facts).filter(([, v]) => v !== null);
  return (
    <div className={`wizard__result wizard__result--${result.ok ? 'ok' : 'failed'}`} data-testid="wizard-result" data-ok={result.ok ? '1' : '0'} data-code={result.error?.code ?? ''}>
      <strong>{result.ok ? t('admin.passed') : t('admin.failed')}</strong>
      {result.error && (
        <p className="wizard__error" role="alert">
          {i18n.language === 'ar' ? result.error.message_ar : result.error.message_en}
        </p>
      )}
      {facts.length > 0 && (
        <dl className="wizard__facts">
          {facts.map(([k, v]) => (
            <div key={k} className="wizard__fact">
              <dt>{t(`admin.fact.${k}`, { defaultValue: k })}</dt>
              <dd dir="ltr">{String(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
