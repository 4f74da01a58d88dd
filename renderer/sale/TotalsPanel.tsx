import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { cardName, tenderMethod, walletText } from '../payments/cardText';
import { fullyPaidByTenders, lineChangeBlock, paidHalalas, payBlock } from '../payments/salePayment';
import type { LastApproval } from '../payments/usePaymentFlow';
import { Kbd } from '../shell/Kbd';
import { BuyerButton } from '../taxinvoice/BuyerButton';

/** Saudi standard VAT rate, shown when the sale has no standard-rated line to read it from yet. */
export const STANDARD_VAT_PERCENT = 15;

interface Props {
  sale: Sale | null;
  /** A card terminal is configured: the Card tender is offered. */
  cardPayments: boolean;
  /** STC Pay is configured: the STC Pay tender is offered next to Card. */
  stcPayPayments: boolean;
  lastApproval: LastApproval | null;
  /** Said before payment when the printer cannot print now (paper out, cover open, offline). */
  printerWarning: string | null;
  onPayCash(): void;
  onPayCard(): void;
  onPayStcPay(): void;
  onQuantity(): void;
  onVoid(): void;
  /** Absent: the signed-in role may not reverse a payment (renderer/people/mayShow.ts). */
  onReverse?: (intentId: string) => void;
  /** The business buyer of a standard tax invoice (Ctrl+B). */
  onBuyer(): void;
  /** Discounts and prices (renderer/discounts): the highlighted line's, or the sale's. */
  onDiscount(): void;
  /** Park this sale / recall a parked one (renderer/parked). */
  parking?: ReactNode;
}

export const TotalsPanel = memo(function TotalsPanel(props: Props) {
  const { sale, cardPayments, stcPayPayments, lastApproval, printerWarning, onPayCash, onPayCard, onPayStcPay, onQuantity, onVoid, onReverse, onBuyer, onDiscount, parking } =
    props;
  const { t } = useTranslation();
  const f = useFormat();
  const totals = sale?.totals;
  const rate = totals?.breakdown.find((b) => b.category === 'S')?.ratePercent ?? STANDARD_VAT_PERCENT;
  const pieces = sale?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0;
  const tenders = sale?.tenders ?? [];
  // aria-disabled rather than disabled: the buttons stay clickable and explain why nothing happens
  // (the same message the keys give: an empty sale, a payment not settled yet).
  const empty = (sale?.lines.length ?? 0) === 0;
  const payBlocked = payBlock(sale) !== null;
  const linesBlocked = lineChangeBlock(sale) !== null;
  const paidByTenders = fullyPaidByTenders(sale);
  const canReverse = sale?.status === 'open' && !sale.payment;

  return (
    <aside className="side">
      <dl className={tenders.length > 0 ? 'totals totals--split' : 'totals'}>
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
        {tenders.length > 0 && sale && (
          <>
            <div className="totals__row totals__row--paid">
              <dt>{t('totals.paid')}</dt>
              <dd data-testid="paid">{f.money(paidHalalas(sale))}</dd>
            </div>
            <div className="totals__row totals__row--due">
              <dt>{t('totals.due')}</dt>
              <dd data-testid="due">{f.money(sale.dueHalalas)}</dd>
            </div>
          </>
        )}
        <div className="totals__count">
          <dt className="visually-hidden">{t('sale.itemCountLabel')}</dt>
          <dd>
            {t('sale.itemCount', { n: f.int(pieces) })}
            {/* The sale's discount shares the small line under the total: a row of its own would push Void off a 768-pixel screen. */}
            {sale?.discount && (
              <span className="totals__discount" data-testid="sale-discount">
                {' · '}
                {t('discounts.saleDiscount', { what: `${sale.discount.rule.kind === 'percent' ? `${f.int(sale.discount.rule.percent)}% ` : ''}-${f.money(sale.discount.halalas)}` })}
              </span>
            )}
          </dd>
        </div>
      </dl>

      {tenders.length > 0 && (
        <section className="tenders" aria-label={t('card.tendersLabel')}>
          <ul className="tenders__list">
            {tenders.map((tender) => {
              const wallet = walletText(tender.card, t);
              // The payment just approved on this screen says so, with its approval code, until the sale moves on.
              const justApproved = lastApproval?.intentId === tender.intentId;
              // STC Pay has no reversal: its payment stays on the sale and is refunded after the sale.
              const stcPay = tenderMethod(tender) === 'stcpay';
              return (
                <li
                  key={tender.intentId}
                  className={`tender-item${justApproved ? ' tender-item--new' : ''}`}
                  data-testid="sale-tender"
                  data-intent-id={tender.intentId}
                  data-amount={tender.amountHalalas}
                  data-method={tenderMethod(tender)}
                >
                  <span
                    className="tender-item__card"
                    role={justApproved ? 'status' : undefined}
                    data-testid={justApproved ? 'card-outcome' : undefined}
                    data-outcome={justApproved ? 'approved' : undefined}
                  >
                    {justApproved && <span className="tender-item__ok">{t('card.approved')}</span>}
                    <bdi className="tender-item__name" dir="ltr">
                      {cardName(tender.card)}
                    </bdi>
                    {wallet && <span className="tender-item__wallet">{wallet}</span>}
                    {justApproved && !stcPay && (
                      <span className="tender-item__auth">
                        {t('receipt.approvalCode')} <bdi dir="ltr">{tender.card.authCode}</bdi>
                      </span>
                    )}
                    {justApproved && stcPay && (
                      <span className="tender-item__auth">
                        {t('stcpay.reference')} <bdi dir="ltr">{tender.card.rrn}</bdi>
                      </span>
                    )}
                  </span>
                  <span className="tender-item__amount">{f.money(tender.amountHalalas)}</span>
                  {canReverse && stcPay && (
                    <span className="tender-item__note" data-testid="tender-no-reversal" title={t('stcpay.noReversalHint')}>
                      {t('stcpay.noReversal')}
                    </span>
                  )}
                  {canReverse && !stcPay && onReverse && (
                    <button
                      type="button"
                      className="btn btn--icon btn--danger-ghost"
                      data-testid="reverse-tender"
                      onClick={() => onReverse(tender.intentId)}
                    >
                      {t('card.reverse')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <div className="side__actions">
        {printerWarning && !empty && (
          <p className="side__printer-warning" role="status" data-testid="printer-warning">
            {printerWarning}
          </p>
        )}
        <div className={`side__pay side__pay--${1 + (cardPayments ? 1 : 0) + (stcPayPayments ? 1 : 0)}`}>
          <button type="button" className="btn btn--pay" data-testid="pay-cash" aria-disabled={payBlocked} onClick={onPayCash}>
            <span>{paidByTenders ? t('actions.completeSale') : t('actions.payCash')}</span>
            <Kbd k="f12" />
          </button>
          {cardPayments && (
            <button
              type="button"
              className="btn btn--pay btn--card"
              data-testid="pay-card"
              aria-disabled={payBlocked || paidByTenders}
              onClick={onPayCard}
            >
              <span>{t('actions.payCard')}</span>
              <Kbd k="f11" />
            </button>
          )}
          {stcPayPayments && (
            <button
              type="button"
              className="btn btn--pay btn--stcpay"
              data-testid="pay-stcpay"
              aria-disabled={payBlocked || paidByTenders}
              onClick={onPayStcPay}
            >
              <span>{t('actions.payStcPay')}</span>
              <span className="kbd-combo">
                <Kbd k="shift" />
                <Kbd k="f11" />
              </span>
            </button>
          )}
        </div>
        <BuyerButton sale={sale} onBuyer={onBuyer} />
        {parking}
        <div className="side__row side__row--three">
          <button type="button" className="btn btn--secondary" aria-disabled={empty || linesBlocked} onClick={onQuantity}>
            <span>{t('actions.quantity')}</span>
            <Kbd k="f4" />
          </button>
          <button type="button" className="btn btn--secondary" data-testid="discount-open" aria-disabled={empty || linesBlocked} onClick={onDiscount}>
            <span>{t('discounts.button')}</span>
            <kbd dir="ltr">{t('discounts.key')}</kbd>
          </button>
          <button type="button" className="btn btn--danger" data-testid="void-sale" aria-disabled={empty || linesBlocked} onClick={onVoid}>
            <span>{t('actions.void')}</span>
            <Kbd k="f8" />
          </button>
        </div>
      </div>
    </aside>
  );
});
