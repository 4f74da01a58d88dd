// The customer-facing screen (`#view=customer`): the shop, the items as they are scanned, the total with its
// VAT, what to do while the card terminal is working, and a thank-you when the sale is done. Read-only: no
// inputs, no keys, no focus. It follows the till's language and digit choice.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Sale } from '../../preload/contract/schemas';
import type { Carrier } from '../api/carrier';
import { FormatProvider, useFormat } from '../format/FormatContext';
import { formatKg } from '../format/weight';
import { i18n } from '../i18n';
import { paidHalalas } from '../payments/salePayment';
import { STANDARD_VAT_PERCENT } from '../sale/TotalsPanel';
import type { CustomerPayment, Thanks } from './displayRules';
import { useCustomerSession } from './useCustomerSession';
import { TrainingWatermark } from '../training/TrainingWatermark';

const otherLocale = (locale: Locale): Locale => (locale === 'ar' ? 'en' : 'ar');

export function CustomerDisplay({ carrier }: { carrier: Carrier }) {
  const session = useCustomerSession(carrier);
  const { prefs, ready } = session;

  useEffect(() => {
    document.documentElement.dataset.view = 'customer';
  }, []);
  useEffect(() => {
    if (ready) document.documentElement.dataset.ready = '1';
  }, [ready]);
  useEffect(() => {
    document.title = i18n.t('customer.title');
  }, [prefs.locale]);

  return (
    <FormatProvider locale={prefs.locale} digits={prefs.digits}>
      <CustomerScreen {...session} />
    </FormatProvider>
  );
}

type ScreenProps = ReturnType<typeof useCustomerSession>;

function CustomerScreen({ till, sale, payment, thanks, connected }: ScreenProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const other = i18n.getFixedT(otherLocale(f.locale));
  const shopMain = till ? (f.locale === 'ar' ? till.shopNameAr : till.shopNameEn) : '';
  const shopOther = till ? (f.locale === 'ar' ? till.shopNameEn : till.shopNameAr) : '';
  const hasLines = (sale?.lines.length ?? 0) > 0;
  const phase = thanks ? 'thanks' : hasLines ? 'sale' : 'idle';

  return (
    <div className="cd" data-testid="customer-display" data-phase={phase} data-payment={payment}>
      {till?.training && <TrainingWatermark />}
      <header className="cd__head">
        <span className="cd__logo" aria-hidden="true" />
        <div className="cd__shop">
          <span className="cd__shop-main">{shopMain}</span>
          {shopOther && (
            <span className="cd__shop-other" lang={otherLocale(f.locale)} dir={f.locale === 'ar' ? 'ltr' : 'rtl'}>
              {shopOther}
            </span>
          )}
        </div>
        {!connected && <span className="cd__offline">{t('customer.offline')}</span>}
      </header>

      {phase === 'thanks' && thanks && <ThanksView thanks={thanks} other={other} />}
      {phase === 'idle' && (
        <main className="cd__idle">
          <div className="cd__welcome">{t('customer.welcome')}</div>
          <div className="cd__welcome-other" lang={otherLocale(f.locale)}>
            {other('customer.welcome')}
          </div>
        </main>
      )}
      {phase === 'sale' && sale && <SaleView sale={sale} payment={payment} other={other} />}
    </div>
  );
}

type FixedT = ReturnType<typeof i18n.getFixedT>;

function SaleView({ sale, payment, other }: { sale: Sale; payment: CustomerPayment; other: FixedT }) {
  const { t } = useTranslation();
  const f = useFormat();
  const endRef = useRef<HTMLLIElement>(null);
  const rate = sale.totals.breakdown.find((b) => b.category === 'S')?.ratePercent ?? STANDARD_VAT_PERCENT;
  const rateText = Number.isInteger(rate) ? f.int(rate) : String(rate);
  const paid = paidHalalas(sale);

  // The newest line (the last one scanned) is always in view.
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [sale.lines.length, sale.revision]);

  return (
    <main className="cd__sale">
      <ul className="cd__lines" aria-label={t('customer.items')}>
        {sale.lines.map((line, i) => (
          <li
            key={line.lineId}
            ref={i === sale.lines.length - 1 ? endRef : undefined}
            className="cd-line"
            data-testid="customer-line"
            data-barcode={line.barcode}
          >
            <div className="cd-line__names">
              <span className="cd-line__ar" lang="ar" dir="rtl">
                {line.nameAr}
              </span>
              <span className="cd-line__en" lang="en" dir="ltr">
                {line.nameEn}
              </span>
            </div>
            <span className="cd-line__qty">
              {line.soldBy === 'kg' ? t('weighed.qtyTimesPrice', { kg: formatKg(line.quantity, f.digits), price: f.amount(line.unitPriceHalalas) }) : t('customer.qtyTimesPrice', { qty: f.int(line.quantity), price: f.amount(line.unitPriceHalalas) })}
            </span>
            <span className="cd-line__total">{f.amount(line.lineTotalHalalas)}</span>
          </li>
        ))}
      </ul>
      <aside className="cd__side">
        <dl className="cd__totals">
          <div className="cd__row">
            <dt>{t('customer.subtotal')}</dt>
            <dd>{f.money(sale.totals.subtotalHalalas)}</dd>
          </div>
          <div className="cd__row" data-testid="customer-vat">
            <dt>{t('customer.vat', { rate: rateText })}</dt>
            <dd>{f.money(sale.totals.vatHalalas)}</dd>
          </div>
          <div className="cd__grand">
            <dt>{t('customer.total')}</dt>
            <dd data-testid="customer-total">{f.money(sale.totals.totalHalalas)}</dd>
          </div>
          {paid > 0 && (
            <>
              <div className="cd__row">
                <dt>{t('customer.paid')}</dt>
                <dd>{f.money(paid)}</dd>
              </div>
              <div className="cd__row cd__row--due">
                <dt>{t('customer.due')}</dt>
                <dd data-testid="customer-due">{f.money(sale.dueHalalas)}</dd>
              </div>
            </>
          )}
        </dl>
        {payment === 'card' && (
          <div className="cd__prompt" role="status" data-testid="customer-card-prompt">
            <span className="cd__prompt-icon" aria-hidden="true" />
            <span className="cd__prompt-main">{t('customer.cardPrompt')}</span>
            <span className="cd__prompt-other" lang={f.locale === 'ar' ? 'en' : 'ar'}>
              {other('customer.cardPrompt')}
            </span>
            {sale.payment && (
              <span className="cd__prompt-amount">{t('customer.cardAmount', { amount: f.money(sale.payment.amountHalalas) })}</span>
            )}
          </div>
        )}
        {payment === 'stcpay' && (
          <div className="cd__prompt cd__prompt--stcpay" role="status" data-testid="customer-stcpay-prompt">
            <span className="cd__prompt-main">{t('customer.stcPayPrompt')}</span>
            <span className="cd__prompt-other" lang={f.locale === 'ar' ? 'en' : 'ar'}>
              {other('customer.stcPayPrompt')}
            </span>
            {sale.payment && (
              <span className="cd__prompt-amount">{t('customer.stcPayAmount', { amount: f.money(sale.payment.amountHalalas) })}</span>
            )}
          </div>
        )}
        {payment === 'wait' && (
          <div className="cd__prompt cd__prompt--wait" role="status" data-testid="customer-wait">
            <span className="cd__prompt-main">{t('customer.wait')}</span>
            <span className="cd__prompt-other" lang={f.locale === 'ar' ? 'en' : 'ar'}>
              {other('customer.wait')}
            </span>
          </div>
        )}
      </aside>
    </main>
  );
}

function ThanksView({ thanks, other }: { thanks: Thanks; other: FixedT }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <main className="cd__thanks" role="status" data-testid="customer-thanks" data-receipt-no={thanks.receiptNo ?? ''}>
      <div className="cd__thanks-main">{t('customer.thanks')}</div>
      <div className="cd__thanks-other" lang={f.locale === 'ar' ? 'en' : 'ar'}>
        {other('customer.thanks')}
      </div>
      <div className="cd__thanks-paid">{t('customer.thanksPaid', { amount: f.money(thanks.totalHalalas) })}</div>
      {thanks.changeHalalas !== null && (
        <div className="cd__thanks-change" data-testid="customer-change">
          {t('customer.thanksChange', { amount: f.money(thanks.changeHalalas) })}
        </div>
      )}
    </main>
  );
}
