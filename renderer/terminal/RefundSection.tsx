// Refund of a completed sale's card or STC Pay payment, by receipt number: the terminal panel (F7) types the
// number, the sale history (F5) passes the receipt on screen. Main sends it through whichever took the
// payment (the card terminal, or STC Pay's RefundPayment), up to what is left of it. Manager PIN, never kept.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { CardTender, IntentSummary, Receipt } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { formatAmount } from '../format/money';
import { clientError } from '../i18n/messages';
import { cardName, tenderMethod } from '../payments/cardText';
import { checkPin, checkRefundAmount, normaliseReceiptNo } from '../payments/checks';
import { intentMessage } from '../payments/intentMessages';
import { PinField } from '../payments/PinForm';
import { Kbd } from '../shell/Kbd';
import { TextField } from '../shell/TextField';
import type { BannerControls } from '../shell/useBanner';
import { IntentRow } from './IntentRow';
import { cardTendersOf } from './refund';
import { useBannerCall } from './useBannerCall';
import { takingScan } from '../scanner/scanTargets';

interface Props {
  api: NuqtaApi;
  banner: BannerControls;
  /** The receipt to refund from (sale history); without it the manager types the receipt number. */
  receiptNo?: string;
}

export function RefundSection({ api, banner, receiptNo: fixedReceiptNo }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { busy, call } = useBannerCall(banner);
  const [receiptText, setReceiptText] = useState('');
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [tender, setTender] = useState<CardTender | null>(null);
  const [amountText, setAmountText] = useState('');
  const [pin, setPin] = useState('');
  const [outcome, setOutcome] = useState<IntentSummary | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  const pickTender = useCallback((next: CardTender): void => {
    setTender(next);
    setAmountText(formatAmount(next.amountHalalas, 'latin'));
    setPin('');
    setOutcome(null);
  }, []);

  const lookup = async (text: string): Promise<void> => {
    const receiptNo = normaliseReceiptNo(text);
    if (!receiptNo) return banner.error(clientError('RECEIPT_NO_REQUIRED'));
    setOutcome(null);
    setTender(null);
    const found = await call(() => api.getReceipt({ receiptNo }));
    if (!found) return;
    setReceipt(found);
    const payments = cardTendersOf(found);
    if (payments.length === 0) banner.error(clientError('NO_CARD_TENDERS'));
    const only = payments.length === 1 ? payments[0] : undefined;
    if (only) pickTender(only); // One payment: nothing to choose.
  };

  // From the sale history: the receipt is known, look it up straight away.
  useEffect(() => {
    if (fixedReceiptNo) void lookup(fixedReceiptNo);
    // Once per receipt.
  }, [fixedReceiptNo]);

  // The amount is ready (the whole payment): the keyboard goes to it, then Enter moves on to the PIN.
  useEffect(() => {
    if (tender) {
      amountRef.current?.focus();
      amountRef.current?.select();
    }
  }, [tender]);

  const refund = async (patch: { amount?: string; pin?: string } = {}): Promise<void> => {
    if (!tender || !receipt || busy) return;
    const amount = checkRefundAmount(patch.amount ?? amountText, tender.amountHalalas);
    if (!amount.ok) return banner.error(clientError(amount.code));
    const checked = checkPin(patch.pin ?? pin);
    if (!checked.ok) return banner.error(clientError(checked.code));
    setPin(''); // Never kept, whatever the answer.
    const intent = await call(() =>
      api.refundCard({ receiptNo: receipt.receiptNo, intentId: tender.intentId, amountHalalas: amount.value, managerPin: checked.value }),
    );
    if (!intent) return;
    setOutcome(intent);
    const message = intentMessage(intent);
    if (message.tone === 'error') banner.error(message.data);
    else banner.info(message.data);
    setTender(null);
  };

  const payments = receipt ? cardTendersOf(receipt) : [];
  const ns = tender && tenderMethod(tender) === 'stcpay' ? 'refund.stcpay_' : 'refund.card_';
  return (
    <section className="refund" aria-labelledby="refund-title" data-testid="refund-section">
      <h3 id="refund-title" className="terminal__section-title">
        {t('refund.title')}
      </h3>
      {!fixedReceiptNo && (
        <div className="refund__lookup">
          <TextField
            label={t('refund.receiptNo')}
            data-testid="refund-receipt-input"
            dir="ltr"
            placeholder={t('refund.receiptPlaceholder')}
            maxLength={32}
            value={receiptText}
            onValue={setReceiptText}
            onEnter={(v) => void lookup(v)}
          />
          <button type="button" className="btn btn--secondary" data-testid="refund-lookup" disabled={busy} onClick={() => void lookup(receiptText)}>
            {t('refund.lookup')} <Kbd k="enter" />
          </button>
        </div>
      )}

      {receipt && (
        <div className="refund__receipt">
          <p className="refund__receipt-title">
            {t('refund.receiptTotal', { no: receipt.receiptNo, amount: f.money(receipt.totals.totalHalalas) })}
          </p>
          {payments.length > 0 && <span className="field__label">{t('refund.pick')}</span>}
          <ul className="refund__tenders">
            {payments.map((p) => {
              const on = tender?.intentId === p.intentId;
              return (
                <li key={p.intentId}>
                  <button
                    type="button"
                    className={`btn refund__tender${on ? ' refund__tender--on' : ''}`}
                    aria-pressed={on}
                    data-testid="refund-tender"
                    data-intent-id={p.intentId}
                    data-method={tenderMethod(p)}
                    onClick={() => pickTender(p)}
                  >
                    <bdi dir="ltr">{cardName(p.card)}</bdi>
                    <span>{f.money(p.amountHalalas)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {tender && (
        <div className="refund__form" data-method={tenderMethod(tender)}>
          <TextField
            label={
              <>
                {t(`${ns}amount`)} — {t('refund.upTo', { amount: f.money(tender.amountHalalas) })}
              </>
            }
            inputRef={amountRef}
            data-testid="refund-amount-input"
            inputMode="decimal"
            dir="ltr"
            value={amountText}
            onValue={setAmountText}
            onEnter={(amount) => {
              // The PIN comes next: Enter with none typed yet goes there rather than refusing. A scan into the
              // amount ends like Enter: it never sends the refund, even with the PIN already typed.
              if (pin === '' || takingScan()) pinRef.current?.focus();
              else void refund({ amount });
            }}
          />
          <PinField inputRef={pinRef} value={pin} onValue={setPin} onEnter={(value) => void refund({ pin: value })} disabled={busy} />
          <button type="button" className="btn btn--primary" data-testid="refund-submit" disabled={busy} onClick={() => void refund()}>
            {t(`${ns}submit`)} <Kbd k="enter" />
          </button>
        </div>
      )}

      {outcome && (
        <div className={`refund__outcome intent-state--${outcome.state}`} role="status" data-testid="refund-outcome" data-state={outcome.state}>
          <IntentRow intent={outcome} />
        </div>
      )}
    </section>
  );
}
