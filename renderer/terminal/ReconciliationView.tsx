// The terminal's settlement held against the ledger, as a manager reads it: agreed, or which schemes differ (the
// terminal's count and amount beside the ledger's) and the ledger's transactions of those schemes, to find the one
// the terminal has and the till has not, or the other way round. Shown after a settlement and on the X report.
import { useTranslation } from 'react-i18next';
import type { Reconciliation } from '../../preload/contract/reconciliation';
import { useFormat } from '../format/FormatContext';

export function ReconciliationView({ reconciliation, testId = 'settlement-reconciliation' }: { reconciliation: Reconciliation; testId?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="settlement__reconciliation" data-testid={testId} data-matched={reconciliation.matched ? 'true' : 'false'}>
      <strong>{reconciliation.matched ? t('settlement.matched') : t('settlement.mismatch')}</strong>
      {reconciliation.schemes
        .filter((s) => !s.matched)
        .map((s) => (
          <p key={s.scheme} data-testid="settlement-scheme-mismatch" data-scheme={s.scheme}>
            <bdi dir="ltr">{s.scheme}</bdi>{' '}
            {t('settlement.ledgerSide', {
              terminal: t('settlement.countAmount', { count: f.int(s.terminal.purchaseCount), amount: f.money(s.terminal.purchaseHalalas) }),
              ledger: t('settlement.countAmount', { count: f.int(s.ledger.purchaseCount), amount: f.money(s.ledger.purchaseHalalas) }),
            })}
          </p>
        ))}
      {reconciliation.differences.length > 0 && (
        <ul className="settlement__differences">
          {reconciliation.differences.map((d) => (
            <li key={d.intentId} data-testid="settlement-difference">
              <bdi dir="ltr">{d.documentNo ?? d.intentId}</bdi> · <bdi dir="ltr">RRN {d.rrn}</bdi> · {f.money(d.amountHalalas)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
