// Status lights for the payment providers main checks in the background (STC Pay, a cloud card terminal):
// green online, red offline (main's reason in the tooltip), amber busy, grey not checked yet. Live from
// terminalStatusChanged; see terminal/providerStatus.ts for which providers get one.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format/FormatContext';
import type { ProviderIndicator } from '../terminal/providerStatus';

export const ProviderStatus = memo(function ProviderStatus({ indicators }: { indicators: ProviderIndicator[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (indicators.length === 0) return null;
  return (
    <div className="providers" role="group" aria-label={t('toolbar.providersLabel')}>
      {indicators.map((p) => {
        const name = t(`provider.${p.id}`);
        const state = t(`provider.state_${p.health}`);
        const checked = p.checkedAt ? t('provider.checkedAt', { time: f.dateTime(p.checkedAt) }) : t('provider.neverChecked');
        const tooltip = [`${name}: ${state}`, p.detail, checked].filter((line): line is string => Boolean(line)).join('\n');
        return (
          <span
            key={p.id}
            className={`provider health--${p.health}`}
            role="status"
            data-testid={`provider-status-${p.id}`}
            data-health={p.health}
            title={tooltip}
            aria-label={tooltip}
          >
            <span className="health__dot" aria-hidden="true" />
            <span className="provider__name">{name}</span>
            {/* Online is the normal case: the light says it. Anything else is spelled out. */}
            {p.health !== 'connected' && <span className="provider__state">{state}</span>}
          </span>
        );
      })}
    </div>
  );
});
