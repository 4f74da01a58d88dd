// The terminal's end-of-day settlement as it answered: in balance or not, and the totals per scheme.
import { useTranslation } from 'react-i18next';
import type { SettlementSummary } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { ReconciliationView } from './ReconciliationView';

export function SettlementResult({ settlement }: { settlement: SettlementSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div
      className={`settlement ${settlement.inBalance ? 'settlement--ok' : 'settlement--off'}`}
      data-testid="settlement-result"
      data-in-balance={settlement.inBalance ? 'true' : 'false'}
    >
      <div className="settlement__head">
        <strong>{settlement.inBalance ? t('settlement.inBalance') : t('settlement.outOfBalance')}</strong>
        <span dir="ltr">{f.dateTime(settlement.at)}</span>
        <span>{t('settlement.responseCode', { code: settlement.responseCode })}</span>
      </div>
      {settlement.schemes.length === 0 ? (
        <p className="terminal__none">{t('settlement.none')}</p>
      ) : (
        <table className="settlement__table">
          <thead>
            <tr>
              <th>{t('settlement.scheme')}</th>
              <th>{t('settlement.purchases')}</th>
              <th>{t('settlement.refunds')}</th>
            </tr>
          </thead>
          <tbody>
            {settlement.schemes.map((s) => (
              <tr key={s.scheme} data-scheme={s.scheme}>
                <td dir="ltr">{s.scheme}</td>
                <td>{t('settlement.countAmount', { count: f.int(s.purchaseCount), amount: f.money(s.purchaseHalalas) })}</td>
                <td>{t('settlement.countAmount', { count: f.int(s.refundCount), amount: f.money(s.refundHalalas) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {settlement.reconciliation && <ReconciliationView reconciliation={settlement.reconciliation} />}
    </div>
  );
}
