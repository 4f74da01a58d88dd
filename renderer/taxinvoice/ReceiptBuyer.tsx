// The business buyer on the receipt preview, as the paper has it (main/printing/layout/receipt.ts): name, VAT number
// or other ID, national address, and — until ZATCA clears it — that it is not an invoice yet. After a simplified
// invoice was issued instead, the receipt names no buyer and this shows nothing.
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../preload/contract/schemas';
import './taxinvoice.css';

/** A standard tax invoice: the receipt names a buyer and was not replaced by a simplified one. */
export function isStandardReceipt(receipt: Receipt): boolean {
  return receipt.buyer !== undefined && receipt.clearance !== 'replaced';
}

export function ReceiptBuyer({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  const { buyer } = receipt;
  if (!buyer || !isStandardReceipt(receipt)) return null;
  const a = buyer.address;
  const settled = receipt.clearance === 'cleared' || receipt.clearance === 'reported';
  return (
    <dl className="receipt__buyer receipt__meta" data-testid="receipt-buyer">
      <div>
        <dt>{t('taxInvoice.receiptBuyer')}</dt>
        <dd>
          <bdi>{buyer.legalName}</bdi>
        </dd>
      </div>
      {buyer.vatNumber ? (
        <div>
          <dt>{t('taxInvoice.receiptBuyerVat')}</dt>
          <dd dir="ltr">{buyer.vatNumber}</dd>
        </div>
      ) : (
        buyer.otherId && (
          <div>
            <dt>{t(`taxInvoice.scheme_${buyer.otherId.scheme}`)}</dt>
            <dd dir="ltr">{buyer.otherId.value}</dd>
          </div>
        )
      )}
      <div>
        <dt>{t('taxInvoice.receiptAddress')}</dt>
        <dd>
          <bdi>{`${a.buildingNumber} ${a.street}، ${a.district}، ${a.city} ${a.postalCode}`}</bdi>
        </dd>
      </div>
      {!settled && (
        <div className="receipt__not-cleared" data-testid="receipt-not-cleared">
          <dt>{t('taxInvoice.receiptNotCleared')}</dt>
        </div>
      )}
    </dl>
  );
}
