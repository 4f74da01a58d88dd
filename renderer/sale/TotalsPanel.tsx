import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { Kbd } from '../shell/Kbd';

/** Saudi standard VAT rate, shown when the sale has no standard-rated line to read it from yet. */
export const STANDARD_VAT_PERCENT = 15;

interface Props {
  sale: Sale | null;
  onPayCash(): void;
  onQuantity(): void;
  onVoid(): void;
}

export const TotalsPanel = memo(function TotalsPanel({ sale, onPayCash, onQuantity, onVoid }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const totals = sale?.totals;
  const rate = totals?.breakdown.find((b) => b.category === 'S')?.ratePercent ?? STANDARD_VAT_PERCENT;
  const pieces = sale?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0;
  // aria-disabled rather than disabled: the buttons stay clickable and explain why nothing happens
  // (the same message F12 / F8 give on an empty sale).
  const empty = (sale?.lines.length ?? 0) === 0;

  return (
    <aside className="side">
      <dl className="totals">
        <div className="totals__row">
          <dt>{t('totals.subtotal')}</dt>
          <dd data-testid="subtotal">{f.money(totals?.subtotalHalalas ?? 0)}</dd>
        </div>
        <div className="totals__row">
          <dt>{t('totals.vat', { rate: Number.isInteger(rate) ? f.int(rate) : String(rate) })}</dt>
          <dd data-testid="vat">{f.money(totals?.vatHalalas ?? 0)}</dd>
        </div>
        <div className="totals__row totals__row--grand">
          <dt>{t('totals.total')}</dt>
          <dd data-testid="total">{f.money(totals?.totalHalalas ?? 0)}</dd>
        </div>
        <div className="totals__count">{t('sale.itemCount', { n: f.int(pieces) })}</div>
      </dl>
      <div className="side__actions">
        <button type="button" className="btn btn--pay" data-testid="pay-cash" aria-disabled={empty} onClick={onPayCash}>
          <span>{t('actions.payCash')}</span>
          <Kbd k="f12" />
        </button>
        <div className="side__row">
          <button type="button" className="btn btn--secondary" aria-disabled={empty} onClick={onQuantity}>
            <span>{t('actions.quantity')}</span>
            <Kbd k="f4" />
          </button>
          <button type="button" className="btn btn--danger" data-testid="void-sale" aria-disabled={empty} onClick={onVoid}>
            <span>{t('actions.void')}</span>
            <Kbd k="f8" />
          </button>
        </div>
      </div>
    </aside>
  );
});
