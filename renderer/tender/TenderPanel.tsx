// Cash tender. Empty + Enter means "exact"; a quick-amount button (or its key, F1-F5 while this dialog is open)
// tenders that amount at once (one tap for "customer handed me a 50"). The change shows large while typing, so
// the cashier counts it out without reading small print. Under-tender, junk and absurd amounts (a barcode in the
// field) are refused here with the same wording main would use, and main checks again anyway.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorData } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { parseAmount } from '../format/money';
import { clientError } from '../i18n/messages';
import { Dialog } from '../shell/Dialog';
import { ScanSafeInput } from '../shell/ScanSafeInput';
import { quickTenderAmounts } from './quickTender';
import { checkTender } from './tendered';
import { Kbd, type KeyCap } from '../shell/Kbd';
import { useDialogKeys } from '../shell/useDialogKeys';
import { FieldKeypad } from '../keypad/FieldKeypad';

/** The quick amounts' keys, in the buttons' order: the till's own F1 (drawer) and F5 (history) sleep while this is open. */
const QUICK_KEYS: readonly { key: string; cap: KeyCap }[] = [
  { key: 'F1', cap: 'f1' },
  { key: 'F2', cap: 'f2' },
  { key: 'F3', cap: 'f3' },
  { key: 'F4', cap: 'f4' },
  { key: 'F5', cap: 'f5' },
];

interface Props {
  totalHalalas: number;
  busy: boolean;
  /** With `voucherNo`: a store credit voucher pays first (at most its balance), the cash typed the rest. */
  onTender(tenderedHalalas: number, voucherNo?: string): void;
  onReject(error: ErrorData): void;
  onClose(): void;
}

export function TenderPanel({ totalHalalas, busy, onTender, onReject, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  // Store credit: the voucher's number, scanned or typed. Its Enter (a scanner sends one) moves to the
  // voucher's pay button and never pays by itself; main knows the balance and says what it took.
  const [voucher, setVoucher] = useState('');
  const creditRef = useRef<HTMLButtonElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  const submit = (): void => {
    if (busy) return; // Never two tenders for one sale.
    const check = checkTender(text, totalHalalas);
    if (check.ok) onTender(check.tenderedHalalas);
    else onReject(clientError(check.code));
  };

  /** The voucher pays first; the amount typed, if any, is the cash for what the voucher leaves. */
  const payWithCredit = (): void => {
    if (busy || voucher.trim() === '') return;
    if (text.trim() === '') return onTender(0, voucher.trim());
    const check = checkTender(text, 0);
    if (check.ok) onTender(check.tenderedHalalas, voucher.trim());
    else onReject(clientError(check.code));
  };

  const typed = text.trim() === '' ? null : parseAmount(text);
  const change = typed !== null && typed >= totalHalalas ? typed - totalHalalas : null;
  const short = typed !== null && typed < totalHalalas ? totalHalalas - typed : null;
  // "Exact" is what Enter does now: with the field empty, or the exact amount typed.
  const exactApplies = text.trim() === '' || typed === totalHalalas;
  const quick = [totalHalalas, ...quickTenderAmounts(totalHalalas)];

  const onKeyDown = useDialogKeys({
    onEnter: submit,
    onClose,
    onKey: (e) => {
      const i = QUICK_KEYS.findIndex((q) => q.key === e.key);
      const amount = i >= 0 ? quick[i] : undefined;
      if (amount === undefined || e.ctrlKey || e.altKey || e.metaKey) return false;
      if (!busy) onTender(amount);
      return true;
    },
  });

  return (
    <Dialog labelledBy="tender-title" className="tender" testId="tender-panel" onKeyDown={onKeyDown}>
      <h2 id="tender-title" className="dialog__title">
        {t('tender.title')}
      </h2>
      <div className="tender__due">
        <span className="tender__due-label">{t('tender.due')}</span>
        <span className="tender__due-amount">{f.money(totalHalalas)}</span>
      </div>
      <label className="field">
        <span className="field__label">{t('tender.tendered')}</span>
        <input
          ref={inputRef}
          className="field__input field__input--big"
          data-testid="tendered-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          placeholder={t('tender.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <div className={short === null ? 'tender__change' : 'tender__change tender__change--short'} aria-live="polite" data-testid="tender-change">
        {change !== null && (
          <>
            <span>{t('tender.changePreview')}</span>
            <span className="tender__change-amount">{f.money(change)}</span>
          </>
        )}
        {short !== null && (
          <>
            <span>{t('tender.shortPreview')}</span>
            <span className="tender__change-amount">{f.money(short)}</span>
          </>
        )}
      </div>
      <FieldKeypad value={text} onValue={setText} onEnter={submit} decimal maxLength={9} testId="tender-keypad" />
      <div className="tender__quick" role="group" aria-label={t('tender.quick')}>
        {quick.map((halalas, i) => (
          <button
            key={halalas}
            type="button"
            className={`btn btn--quick${i === 0 && exactApplies ? ' btn--quick-exact' : ''}`}
            data-testid="quick-tender"
            data-halalas={halalas}
            disabled={busy}
            onClick={() => onTender(halalas)}
          >
            {i === 0 && <span className="btn__caption">{t('tender.exact')}</span>}
            <span>{f.money(halalas)}</span>
            {QUICK_KEYS[i] && <Kbd k={QUICK_KEYS[i].cap} />}
          </button>
        ))}
      </div>
      <div className="tender__credit">
        <label className="field">
          <span className="field__label">{t('tender.storeCredit')}</span>
          {/* Scan-safe: a scanner's burst (the voucher's Code128) stays in this field, read from the physical keys
              whatever the keyboard layout, instead of being taken as an item for the sale; its Enter, like a typed
              one, moves to the pay button. */}
          <ScanSafeInput
            className="field__input"
            data-testid="voucher-input"
            dir="ltr"
            placeholder={t('tender.voucherPlaceholder')}
            value={voucher}
            onValue={setVoucher}
            // After the render that takes the scanned number: the button is enabled only once the field holds one.
            onEnter={() => setTimeout(() => creditRef.current?.focus(), 0)}
          />
        </label>
        <button ref={creditRef} type="button" className="btn btn--secondary tender__credit-pay" data-testid="pay-credit" disabled={busy || voucher.trim() === ''} onClick={payWithCredit}>
          {t('tender.payCredit')}
        </button>
      </div>
      <div className="dialog__actions">
        <button type="button" className="btn btn--pay" data-testid="complete-sale" disabled={busy} onClick={submit}>
          {t('tender.complete')} <Kbd k="enter" />
        </button>
        <button type="button" className="btn btn--secondary" onClick={onClose}>
          {t('tender.cancel')} <Kbd k="esc" />
        </button>
      </div>
    </Dialog>
  );
}
