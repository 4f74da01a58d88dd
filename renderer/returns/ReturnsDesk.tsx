// The manager's returns desk, in the terminal panel (F7). Money goes back to a customer only through a return —
// lines of a receipt, priced by main, with its credit note — never as an amount typed by hand: a receipt of this
// till is opened here by its number (as in the sale history) for the return dialog. A customer without the
// receipt: the item's barcode (scanned or typed) finds this till's sales of it, and the return is made from one
// (its credit note must name the invoice it corrects; with none, main refuses and says why). The desk also lists
// what waits for a person (WaitingReturns), and store credit vouchers looked up and voided (VoucherLookup).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { ReturnsWaiting, SaleOfItem } from '../../preload/contract/returns';
import { toLatinDigits } from '../format/digits';
import { useFormat } from '../format/FormatContext';
import { clientError } from '../i18n/messages';
import { normaliseReceiptNo } from '../payments/checks';
import { useShown } from '../people/mayShow';
import { Kbd } from '../shell/Kbd';
import { TextField } from '../shell/TextField';
import type { BannerControls } from '../shell/useBanner';
import { useBannerCall } from '../terminal/useBannerCall';
import { ReturnDialog } from './ReturnDialog';
import { VoucherLookup } from './VoucherLookup';
import { WaitingReturns } from './WaitingReturns';
import './returns.css';

interface Props {
  api: NuqtaApi;
  banner: BannerControls;
  /** Anything whose change means the list may have changed (the terminal's status: a refund settled). */
  watch?: unknown;
}

export function ReturnsDesk({ api, banner, watch }: Props) {
  const { t } = useTranslation();
  const { busy, call } = useBannerCall(banner);
  const [receiptText, setReceiptText] = useState('');
  const [returnFor, setReturnFor] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<ReturnsWaiting | null>(null);
  const f = useFormat();
  const [itemText, setItemText] = useState('');
  const [sales, setSales] = useState<SaleOfItem[] | null>(null);
  // Both lookups lead to the return dialog: a role that may not return (a trainee) sees only what waits.
  const shown = useShown('returnsDesk');

  const findSales = async (text: string): Promise<void> => {
    const barcode = toLatinDigits(text.trim());
    setSales(null);
    if (!barcode) return; // nothing typed or scanned yet
    const found = await call(() => api.findSalesOfItem({ barcode }));
    if (found) setSales(found);
  };

  const reload = useCallback(async (): Promise<void> => {
    const answer = await api.listWaitingReturns({});
    if (answer.ok) setWaiting(answer.value);
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload, watch]);

  const open = async (text: string): Promise<void> => {
    const receiptNo = normaliseReceiptNo(text);
    if (!receiptNo) return banner.error(clientError('RECEIPT_NO_REQUIRED'));
    // Asked first, so a receipt this till never issued is refused here, with main's words, not in an empty dialog.
    const offer = await call(() => api.getReturnable({ receiptNo }));
    if (offer) setReturnFor(offer.receiptNo);
  };

  return (
    <section className="returns-desk" aria-labelledby="returns-desk-title" data-testid="returns-desk">
      <h3 id="returns-desk-title" className="terminal__section-title">
        {t('returns.deskTitle')}
      </h3>
      {shown.return && (
        <>
          <p className="returns-desk__note">{t('returns.deskBody')}</p>
          <div className="returns-desk__lookup">
            <TextField
              label={t('returns.receiptNo')}
              data-testid="returns-receipt-input"
              dir="ltr"
              placeholder={t('returns.receiptPlaceholder')}
              maxLength={32}
              value={receiptText}
              onValue={setReceiptText}
              onEnter={(v) => void open(v)}
            />
            <button type="button" className="btn btn--secondary" data-testid="returns-open" disabled={busy} onClick={() => void open(receiptText)}>
              {t('returns.open')} <Kbd k="enter" />
            </button>
          </div>
          <div className="returns-desk__lookup">
            <TextField
              label={t('returns.noReceipt')}
              hint={t('returns.noReceiptHint')}
              data-testid="returns-item-input"
              dir="ltr"
              maxLength={64}
              value={itemText}
              onValue={setItemText}
              onEnter={(v) => void findSales(v)}
            />
            <button type="button" className="btn btn--secondary" data-testid="returns-find-sales" disabled={busy} onClick={() => void findSales(itemText)}>
              {t('returns.findSales')} <Kbd k="enter" />
            </button>
          </div>
          {sales && (
            <ul className="returns-desk__sales" aria-label={t('returns.salesOfItem')}>
              {sales.map((s) => (
                <li key={`${s.receiptNo} ${s.nameEn}`} className="returns-desk__sale" data-testid="sale-of-item" data-receipt-no={s.receiptNo}>
                  <span>
                    <bdi dir="ltr">{s.receiptNo}</bdi> · <bdi dir="ltr">{f.dateTime(s.issuedAt)}</bdi>
                  </span>
                  <span>
                    {f.locale === 'ar' ? s.nameAr : s.nameEn} — {t('returns.saleLeft', { left: f.int(s.returnableQuantity), sold: f.int(s.soldQuantity), price: f.money(s.unitPriceHalalas) })}
                  </span>
                  <button type="button" className="btn btn--secondary" data-testid="sale-of-item-return" onClick={() => setReturnFor(s.receiptNo)}>
                    {t('returns.open')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {shown.lookupCredit && <VoucherLookup api={api} banner={banner} />}
      {waiting && <WaitingReturns api={api} banner={banner} waiting={waiting} reload={reload} />}
      {returnFor && (
        <ReturnDialog
          key={returnFor}
          api={api}
          banner={banner}
          receiptNo={returnFor}
          onClose={() => {
            setReturnFor(null);
            setReceiptText('');
            setSales(null);
            setItemText('');
            void reload(); // a card return may now wait here
          }}
        />
      )}
    </section>
  );
}
