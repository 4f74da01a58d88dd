// The health page: every check with its state, what it means and what to do, the figures behind it, and
// "check again" (asks the terminal, the printer and the providers). Problems first.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../preload/contract/api';
import type { HealthReport } from '../../preload/contract/health';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import type { BannerControls } from '../shell/useBanner';
import { useDialogKeys } from '../shell/useDialogKeys';
import { orderChecks } from './healthView';

interface Props {
  report: HealthReport | null;
  check(): Promise<Result<HealthReport>>;
  banner: BannerControls;
  onClose(): void;
}

export function HealthPanel({ report, check, banner, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const dialogRef = useRef<HTMLDivElement>(null);
  const [checking, setChecking] = useState(false);
  const ar = i18n.language === 'ar';

  const checkAgain = async (): Promise<void> => {
    setChecking(true);
    try {
      const r = await check();
      if (!r.ok) banner.error(r.error);
    } finally {
      setChecking(false);
    }
  };

  useEffect(() => {
    dialogRef.current?.focus();
    void checkAgain();
    // Once, on opening.
  }, []);

  const onKeyDown = useDialogKeys({ onEnter: () => void checkAgain(), enterFrom: 'dialog', onClose });

  return (
    <Dialog labelledBy="health-title" className="panel health" testId="health-panel" onKeyDown={onKeyDown} dialogRef={dialogRef}>
      <div className="panel__head">
        <h2 id="health-title" className="dialog__title">
          {t('health.title')}
        </h2>
        <div className="panel__spacer" />
        <button type="button" className="btn btn--secondary btn--icon" data-testid="health-check" disabled={checking} onClick={() => void checkAgain()}>
          {checking ? t('health.checking') : t('health.check')}
        </button>
        <button type="button" className="btn btn--secondary btn--icon" data-testid="health-close" onClick={onClose}>
          {t('health.close')} <Kbd k="esc" />
        </button>
      </div>
      <ul className="health__list" tabIndex={0} aria-labelledby="health-title">
        {orderChecks(report).map((c) => (
          <li key={c.id} className={`health__check health--${c.state}`} data-testid={`health-${c.id}`} data-state={c.state}>
            <span className="health__dot" aria-hidden="true" />
            <div className="health__body">
              <div className="health__name">
                {t(`health.check_${c.id}`)} · <span className="health__state">{t(`health.state_${c.state}`)}</span>
              </div>
              <div className="health__summary">{ar ? c.summary.ar : c.summary.en}</div>
              {c.action && <div className="health__action">{ar ? c.action.ar : c.action.en}</div>}
              {Object.keys(c.facts).length > 0 && (
                <bdi className="health__facts panel__muted" dir="ltr">
                  {Object.entries(c.facts)
                    .filter(([, v]) => v !== null)
                    .map(([k, v]) => `${k}: ${String(v)}`)
                    .join(' · ')}
                </bdi>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
