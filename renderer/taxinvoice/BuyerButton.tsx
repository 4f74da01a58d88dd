// The totals column's way to a standard (B2B) tax invoice: "Business tax invoice", or — once the sale names a
// buyer — the buyer's name, so the cashier sees before payment that this sale's invoice is a standard one.
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../preload/contract/schemas';
import { Kbd } from '../shell/Kbd';
import './taxinvoice.css';

export function BuyerButton({ sale, onBuyer }: { sale: Sale | null; onBuyer(): void }) {
  const { t } = useTranslation();
  const buyer = sale?.buyer ?? null;
  return (
    <button
      type="button"
      className={buyer ? 'btn btn--secondary side__buyer side__buyer--set' : 'btn btn--secondary side__buyer'}
      data-testid="buyer-open"
      data-buyer={buyer ? '1' : '0'}
      aria-disabled={sale?.payment ? true : undefined}
      onClick={onBuyer}
    >
      <span className="side__buyer-text">
        {buyer ? (
          <>
            <span>{t('taxInvoice.buttonFor')}</span>
            <bdi className="side__buyer-name" data-testid="buyer-name">
              {buyer.legalName}
            </bdi>
          </>
        ) : (
          t('taxInvoice.button')
        )}
      </span>
      <span className="kbd-combo">
        <Kbd k="ctrl" />
        <Kbd k="b" />
      </span>
    </button>
  );
}
