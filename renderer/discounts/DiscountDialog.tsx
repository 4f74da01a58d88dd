// A discount on the highlighted line or on the whole sale, or the line's price (Ctrl+D, Ctrl+Shift+D, Ctrl+E, or the
// Discount button under the totals). The cashier picks percent or riyals, types the figure, picks a reason; main
// decides the rest. Past the cashier's limit main answers DISCOUNT_NEEDS_APPROVAL and the dialog asks for a manager's
// PIN right here, then sends the same request with it. Scanner-safe like the buyer's form: the figure's field keeps a
// scan, Enter alone applies nothing (a scanner ends every barcode with Enter), only Ctrl+Enter or a pointer click
// does; the PIN's own Enter sends it (a scan into the PIN field is refused by PinField). Esc goes back.
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi, Result } from '../../preload/contract/api';
import type { AppliedDiscount, DiscountReason } from '../../preload/contract/discounts';
import type { ErrorData, Sale, SaleLine } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { clientError } from '../i18n/messages';
import { confirmKeyAction, isPointerClick } from '../keys/deliberateConfirm';
import { FieldKeypad } from '../keypad/FieldKeypad';
import { PinField } from '../payments/PinForm';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { TextField } from '../shell/TextField';
import { useDialogKeys } from '../shell/useDialogKeys';
import type { DiscountTarget } from '../shell/tillDialogs';
import { priceOf, REASONS, ruleOf, type DiscountKind } from './discountForm';
import './discounts.css';

interface Props {
  api: NuqtaApi;
  sale: Sale;
  target: DiscountTarget;
  /** The highlighted line (null: none, only the sale's discount can be changed). */
  line: SaleLine | null;
  onTarget(target: DiscountTarget): void;
  onReject(error: ErrorData): void;
  onClose(): void;
}

const TITLES: Record<DiscountTarget, string> = { line: 'discounts.titleLine', sale: 'discounts.titleSale', price: 'discounts.titlePrice' };
const TABS: Record<DiscountTarget, string> = { line: 'discounts.tabLine', sale: 'discounts.tabSale', price: 'discounts.tabPrice' };

export function DiscountDialog({ api, sale, target, line, onTarget, onReject, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const current: AppliedDiscount | undefined = target === 'sale' ? sale.discount : target === 'line' ? line?.discount : undefined;
  const [kind, setKind] = useState<DiscountKind>(current?.rule.kind ?? 'percent');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState<DiscountReason | null>(target === 'price' ? (line?.priceOverride?.reason ?? null) : (current?.reason ?? null));
  const [approval, setApproval] = useState(false);
  const [pin, setPin] = useState('');
  const [pinAttempt, setPinAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [hint, setHint] = useState(false);
  const valueRef = useRef<HTMLInputElement>(null);

  // The keyboard moves in the same commit as what asks for it, so a key pressed next lands here (shell/useKeepFocus.ts).
  useLayoutEffect(() => {
    valueRef.current?.focus();
  }, [target]);

  const send = async (call: () => Promise<Result<Sale>>): Promise<void> => {
    setBusy(true);
    try {
      const answer = await call();
      if (answer.ok) {
        onClose();
        return;
      }
      onReject(answer.error);
      if (answer.error.code === 'DISCOUNT_NEEDS_APPROVAL') setApproval(true);
      if (answer.error.code.startsWith('MANAGER_PIN')) setPinAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const apply = (managerPin?: string): void => {
    if (busy) return;
    setPin(''); // The PIN is gone from the screen before the answer comes back.
    const withPin = managerPin ? { managerPin } : {};
    if (!reason) return onReject(clientError('DISCOUNT_REASON_REQUIRED'));
    if (target === 'price') {
      const price = priceOf(value);
      if (price === null || !line) return onReject(clientError('PRICE_INVALID'));
      void send(() => api.overridePrice({ lineId: line.lineId, unitPriceHalalas: price, reason, ...withPin }));
      return;
    }
    const rule = ruleOf(kind, value);
    if (!rule) return onReject(clientError('DISCOUNT_VALUE_INVALID'));
    const discount = { rule, reason };
    if (target === 'sale') void send(() => api.setSaleDiscount({ discount, ...withPin }));
    else if (line) void send(() => api.setLineDiscount({ lineId: line.lineId, discount, ...withPin }));
  };

  const remove = (): void => {
    if (busy) return;
    if (target === 'sale') void send(() => api.setSaleDiscount({ discount: null }));
    else if (target === 'line' && line) void send(() => api.setLineDiscount({ lineId: line.lineId, discount: null }));
    else if (target === 'price' && line?.priceOverride) {
      const back = line.priceOverride;
      void send(() => api.overridePrice({ lineId: line.lineId, unitPriceHalalas: back.listPriceHalalas, reason: back.reason }));
    }
  };

  const onKeyDown = useDialogKeys({
    onClose,
    onKey: (e) => {
      const action = confirmKeyAction(e, null);
      if (action === 'confirm') apply();
      else if (action === 'hint') setHint(true);
      return action !== null;
    },
  });

  const subject =
    target === 'sale'
      ? t('discounts.saleSubject', { amount: f.money(sale.lines.reduce((sum, l) => sum + l.lineTotalHalalas, 0)) })
      : line
        ? t('discounts.lineSubject', { name: f.locale === 'ar' ? line.nameAr : line.nameEn, amount: f.money(line.lineTotalHalalas + (line.discount?.halalas ?? 0)) })
        : '';
  const canRemove = target === 'price' ? line?.priceOverride !== undefined : current !== undefined;
  const valueLabel = target === 'price' ? t('discounts.valuePrice') : kind === 'percent' ? t('discounts.valuePercent') : t('discounts.valueAmount');

  return (
    <Dialog labelledBy="discount-title" className="dialog--discount" testId="discount-dialog" onKeyDown={onKeyDown}>
      <h2 id="discount-title" className="dialog__title">
        {t(TITLES[target])}
      </h2>
      <div className="discount__tabs" role="group" aria-label={t('discounts.tabsLabel')}>
        {(['line', 'sale', 'price'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            className="btn btn--secondary discount__tab"
            data-testid={`discount-tab-${tab}`}
            aria-pressed={tab === target}
            aria-disabled={tab !== 'sale' && !line}
            onClick={() => (tab !== 'sale' && !line ? onReject(clientError('NO_LINE_SELECTED')) : onTarget(tab))}
          >
            {t(TABS[tab])}
          </button>
        ))}
      </div>
      <p className="dialog__body" data-testid="discount-subject">
        {subject}
      </p>
      {target === 'price' && line?.priceOverride && (
        <p className="dialog__body">{t('discounts.listPrice', { amount: f.money(line.priceOverride.listPriceHalalas) })}</p>
      )}
      {current && (
        <p className="dialog__body" data-testid="discount-current">
          {t('discounts.current', { what: `${current.rule.kind === 'percent' ? `${f.int(current.rule.percent)}% ` : ''}-${f.money(current.halalas)}` })}
        </p>
      )}
      {target !== 'price' && (
        <div className="discount__kind" role="group" aria-label={t('discounts.kindLabel')}>
          {(['percent', 'amount'] as const).map((k) => (
            <button key={k} type="button" className="btn btn--secondary" data-testid={`discount-kind-${k}`} aria-pressed={kind === k} onClick={() => setKind(k)}>
              {t(`discounts.${k}`)}
            </button>
          ))}
        </div>
      )}
      <TextField inputRef={valueRef} label={valueLabel} data-testid="discount-value" inputMode="decimal" dir="ltr" maxLength={12} value={value} onValue={setValue} />
      <FieldKeypad value={value} onValue={setValue} maxLength={12} decimal testId="discount-keypad" />
      <fieldset className="discount__reasons">
        <legend className="field__label">{t('discounts.reasonLabel')}</legend>
        {REASONS.map((r) => (
          <button key={r} type="button" className="btn btn--secondary discount__reason" data-testid={`discount-reason-${r}`} aria-pressed={reason === r} onClick={() => setReason(r)}>
            {t(`discounts.reason_${r}`)}
          </button>
        ))}
      </fieldset>
      {approval && (
        // The PIN field's own Enter sends the request with the PIN (a scan there is refused by PinField).
        <div className="discount__approval" data-testid="discount-approval">
          <p className="dialog__body" role="alert">
            {t('discounts.approval')}
          </p>
          <PinField key={pinAttempt} value={pin} onValue={setPin} onEnter={(v) => apply(v)} autoFocus disabled={busy} />
        </div>
      )}
      <p className="dialog__body dialog__hint" role={hint ? 'alert' : undefined} data-testid="discount-keys-hint">
        {t('discounts.keysHint')}
      </p>
      <div className="dialog__actions">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="discount-apply"
          disabled={busy}
          onClick={(e) => (isPointerClick(e) ? apply(approval && pin !== '' ? pin : undefined) : setHint(true))}
        >
          {t('discounts.apply')} <Kbd k="ctrl" />
          <Kbd k="enter" />
        </button>
        {canRemove && (
          <button type="button" className="btn btn--secondary" data-testid="discount-remove" disabled={busy} onClick={remove}>
            {target === 'price' ? t('discounts.restorePrice') : t('discounts.remove')}
          </button>
        )}
        <button type="button" className="btn btn--secondary" data-testid="discount-cancel" onClick={onClose}>
          {t('discounts.cancel')} <Kbd k="esc" />
        </button>
      </div>
    </Dialog>
  );
}
