// On-screen copy of the receipt, laid out like the printed slip. Identifiers (receipt number, VAT number,
// barcodes) are shown verbatim in Latin digits so they match paper and back-office systems.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { groupedVoucherNumber, type CardTender, type Receipt } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { formatKg } from '../format/weight';
import { cardName, isStcPay, walletText } from '../payments/cardText';
import { isStandardReceipt, ReceiptBuyer } from '../taxinvoice/ReceiptBuyer';

export function ReceiptPreview({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rate = (r: number): string => t('receipt.ratePercent', { rate: Number.isInteger(r) ? f.int(r) : String(r) });

  return (
    <article className="receipt" data-testid="receipt-preview" aria-label={t('receipt.label')}>
      <header className="receipt__head">
        <div className="receipt__shop" lang="ar" dir="rtl">
          {receipt.shopNameAr}
        </div>
        <div className="receipt__shop" lang="en" dir="ltr">
          {receipt.shopNameEn}
        </div>
        <div className="receipt__kind" data-testid="receipt-kind">
          {isStandardReceipt(receipt) ? t('taxInvoice.receiptKind') : t('receipt.kind')}
        </div>
      </header>
      <dl className="receipt__meta">
        <div>
          <dt>{t('receipt.vatNumber')}</dt>
          <dd dir="ltr">{receipt.vatNumber}</dd>
        </div>
        <div>
          <dt>{t('receipt.receiptNo')}</dt>
          <dd dir="ltr" data-testid="receipt-no">
            {receipt.receiptNo}
          </dd>
        </div>
        <div>
          <dt>{t('receipt.date')}</dt>
          <dd dir="ltr">{f.dateTime(receipt.issuedAt)}</dd>
        </div>
        {receipt.cashier && (
          <div>
            <dt>{t('people.cashier')}</dt>
            <dd data-testid="receipt-cashier">{f.locale === 'ar' ? receipt.cashier.nameAr : receipt.cashier.nameEn}</dd>
          </div>
        )}
      </dl>
      <ReceiptBuyer receipt={receipt} />
      <ul className="receipt__lines">
        {receipt.lines.map((line) => (
          <li key={line.lineId} className="receipt__line">
            <span className="receipt__line-name">{f.locale === 'ar' ? line.nameAr : line.nameEn}</span>
            <span className="receipt__line-qty">
              {line.soldBy === 'kg' ? t('weighed.qtyTimesPrice', { kg: formatKg(line.quantity, f.digits), price: f.amount(line.unitPriceHalalas) }) : t('receipt.qtyTimesPrice', { qty: f.int(line.quantity), price: f.amount(line.unitPriceHalalas) })}
            </span>
            <span className="receipt__line-total">{f.amount(line.lineTotalHalalas)}</span>
          </li>
        ))}
      </ul>
      <table className="receipt__vat">
        <thead>
          <tr>
            <th>{t('receipt.category')}</th>
            <th>{t('receipt.rate')}</th>
            <th>{t('receipt.taxable')}</th>
            <th>{t('receipt.vatAmount')}</th>
          </tr>
        </thead>
        <tbody>
          {receipt.totals.breakdown.map((b) => (
            <tr key={b.category}>
              <td>{t(`receipt.vatCategory_${b.category}`)}</td>
              <td>{rate(b.ratePercent)}</td>
              <td>{f.amount(b.taxableHalalas)}</td>
              <td>{f.amount(b.vatHalalas)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="receipt__totals">
        <div>
          <dt>{t('receipt.subtotal')}</dt>
          <dd>{f.money(receipt.totals.subtotalHalalas)}</dd>
        </div>
        <div>
          <dt>{t('receipt.vat')}</dt>
          <dd>{f.money(receipt.totals.vatHalalas)}</dd>
        </div>
        <div className="receipt__grand">
          <dt>{t('receipt.total')}</dt>
          <dd>{f.money(receipt.totals.totalHalalas)}</dd>
        </div>
        {receipt.tenders.map((tender, i) =>
          tender.kind === 'cash' ? (
            <Fragment key={i}>
              <div>
                <dt>{t('receipt.cash')}</dt>
                <dd>{f.money(tender.tenderedHalalas)}</dd>
              </div>
              <div>
                <dt>{t('receipt.change')}</dt>
                <dd>{f.money(tender.changeHalalas)}</dd>
              </div>
            </Fragment>
          ) : tender.kind === 'credit' ? (
            <Fragment key={i}>
              <div data-testid="receipt-credit">
                <dt>{t('receipt.storeCredit')}</dt>
                <dd>{f.money(tender.amountHalalas)}</dd>
              </div>
              <div>
                <dt>{t('receipt.voucherNo')}</dt>
                <dd>
                  <bdi>{groupedVoucherNumber(tender.voucherNo)}</bdi>
                </dd>
              </div>
              <div>
                <dt>{t('receipt.creditBalance')}</dt>
                <dd>{f.money(tender.balanceHalalas)}</dd>
              </div>
            </Fragment>
          ) : isStcPay(tender.card) ? (
            <StcPayTenderLines key={tender.intentId} tender={tender} />
          ) : (
            <CardTenderLines key={tender.intentId} tender={tender} />
          ),
        )}
      </dl>
      <footer className="receipt__thanks">{t('receipt.thanks')}</footer>
    </article>
  );
}

/** A card payment as the terminal's slip shows it: scheme, masked number, approval code, RRN, TID / MID. */
function CardTenderLines({ tender }: { tender: CardTender }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { card } = tender;
  const wallet = walletText(card, t);
  return (
    <>
      <div className="receipt__card" data-testid="receipt-card-tender" data-intent-id={tender.intentId}>
        <dt>
          {t('receipt.card')} <bdi dir="ltr">{cardName(card)}</bdi>
        </dt>
        <dd>{f.money(tender.amountHalalas)}</dd>
      </div>
      {wallet && (
        <div className="receipt__card-line">
          <dt>{wallet}</dt>
        </div>
      )}
      <div className="receipt__card-line">
        <dt>{t('receipt.approvalCode')}</dt>
        <dd dir="ltr">{card.authCode}</dd>
      </div>
      <div className="receipt__card-line">
        <dt>{t('receipt.rrn')}</dt>
        <dd dir="ltr">{card.rrn}</dd>
      </div>
      <div className="receipt__card-line">
        <dt>
          {t('receipt.tid')} / {t('receipt.mid')}
        </dt>
        <dd dir="ltr">
          {card.tid} / {card.mid}
        </dd>
      </div>
      {card.resolvedByManager && (
        <div className="receipt__card-line">
          <dt>{t('card.resolvedByManager')}</dt>
        </div>
      )}
      <div className="receipt__card-approved">
        <dt>{t('receipt.cardApproved')}</dt>
      </div>
    </>
  );
}

/** An STC Pay payment: the wallet's masked mobile number and STC Pay's reference; no card, terminal or slip. */
function StcPayTenderLines({ tender }: { tender: CardTender }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { card } = tender;
  return (
    <>
      <div className="receipt__card" data-testid="receipt-card-tender" data-intent-id={tender.intentId} data-method="stcpay">
        <dt>
          <bdi dir="ltr">{cardName(card)}</bdi>
        </dt>
        <dd>{f.money(tender.amountHalalas)}</dd>
      </div>
      <div className="receipt__card-line">
        <dt>{t('stcpay.reference')}</dt>
        <dd dir="ltr">{card.rrn}</dd>
      </div>
      {card.resolvedByManager && (
        <div className="receipt__card-line">
          <dt>{t('stcpay.resolvedByManager')}</dt>
        </div>
      )}
      <div className="receipt__card-approved">
        <dt>{t('receipt.cardApproved')}</dt>
      </div>
    </>
  );
}
