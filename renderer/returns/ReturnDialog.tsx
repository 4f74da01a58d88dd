// Return from a receipt (opened from the sale history): the receipt's lines as main offers them, how many of
// each come back, a reason from the fixed list, the manager's PIN, then a deliberate confirm — a click or
// Ctrl+Enter, never a plain Enter, so a scanner's Enter cannot refund anything. Main prices the return and
// answers with the refund receipt; this view computes no amount. The PIN is never kept: cleared before the
// answer comes back.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import { MAX_RETURN_LINES, ReturnReason, type IssuedReturn, type ReturnableLine, type ReturnableReceipt } from '../../preload/contract/returns';
import { useFormat } from '../format/FormatContext';
import { clientError } from '../i18n/messages';
import ar from '../i18n/locales/ar.json';
import en from '../i18n/locales/en.json';
import { isReservedKey } from '../keys/hotkeys';
import { checkPin } from '../payments/checks';
import { PinField } from '../payments/PinForm';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import type { BannerControls } from '../shell/useBanner';
import { useDialogKeys } from '../shell/useDialogKeys';
import { ReturnLines } from './ReturnLines';
import { ReturnResult } from './ReturnResult';
import { confirmOnCtrlEnter, isConfirmKey, noSelection, nothingLeft, returnRequest, selectedLineCount, stepQuantity, type Selection } from './returnSelection';
import './returns.css';
import { useKeepFocus } from '../shell/useKeepFocus';

/** Refusals after which what may still come back is read again (another window may have returned some). */
const REREAD = new Set([
  'RETURN_QUANTITY_OVER',
  'RETURN_NOTHING_LEFT',
  'RETURN_LINE_UNKNOWN',
  'RETURN_OVER_ORIGINAL',
  'RETURN_REFUND_DECLINED',
  'RETURN_REFUND_UNKNOWN',
  'RETURN_REFUND_MISMATCH',
  'RETURN_ISSUE_FAILED',
]);

/** Arabic first, English second, as the refund receipt prints the reason. */
const reasonLabel = (r: ReturnReason): string => `${ar.returns[`reason_${r}`]} / ${en.returns[`reason_${r}`]}`;

interface Props {
  api: NuqtaApi;
  banner: BannerControls;
  receiptNo: string;
  onClose(): void;
}

export function ReturnDialog({ api, banner, receiptNo, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const dialogRef = useRef<HTMLDivElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [offer, setOffer] = useState<ReturnableReceipt | null>(null);
  const [selection, setSelection] = useState<Selection>(noSelection);
  const [reason, setReason] = useState<ReturnReason | null>(null);
  // Back the way the receipt was paid, or all of it on a store credit voucher (the customer's choice).
  const [refundTo, setRefundTo] = useState<'original' | 'credit'>('original');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<IssuedReturn | null>(null);
  /** Bumped to put the keyboard back in the PIN field (after a refusal, once the field is enabled again). */
  const [pinFocus, setPinFocus] = useState(0);

  const load = async (): Promise<void> => {
    const answer = await api.getReturnable({ receiptNo });
    if (answer.ok) setOffer(answer.value);
    else banner.error(answer.error);
  };

  useEffect(() => {
    dialogRef.current?.focus();
    void load();
    // Once per receipt (the dialog is keyed by it).
  }, []);

  useKeepFocus(dialogRef);

  // The keyboard moves in the same commit as what asks for it, so a key pressed next lands here (shell/useKeepFocus.ts).
  useLayoutEffect(() => {
    if (pinFocus > 0) pinRef.current?.focus();
  }, [pinFocus]);

  // The outcome on screen: Enter or Esc closes.
  useLayoutEffect(() => {
    if (issued) dialogRef.current?.focus();
  }, [issued]);

  const request = offer ? returnRequest(offer, selection, reason) : null;
  const block = request && !request.ok ? request.block : null;

  const confirm = async (): Promise<void> => {
    if (!request?.ok || busy || issued) return;
    // An empty PIN asks main to refund on the signed-in role's own limit; past it REFUND_NEEDS_APPROVAL sends the
    // keyboard to the PIN.
    const checked = pin.trim() === '' ? null : checkPin(pin);
    setPin(''); // Never kept, whatever happens next.
    if (checked && !checked.ok) {
      banner.error(clientError(checked.code));
      setPinFocus((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const answer = await api.returnSale({ ...request.value, ...(refundTo === 'credit' ? { refundTo } : {}), ...(checked ? { managerPin: checked.value } : {}) });
      if (!answer.ok) {
        banner.error(answer.error); // Main's words, both languages, as they are (a declined or undecided card refund included).
        setPinFocus((n) => n + 1);
        if (REREAD.has(answer.error.code)) void load();
        return;
      }
      banner.clear();
      setIssued(answer.value);
    } finally {
      setBusy(false);
    }
  };

  const step = (line: ReturnableLine, delta: 1 | -1): void => setSelection((s) => stepQuantity(s, line, delta));

  const dialogKeys = useDialogKeys({ onEnter: issued ? onClose : undefined, enterFrom: 'dialog', onClose });
  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (isConfirmKey(e)) {
      e.preventDefault();
      e.stopPropagation();
      void confirm();
      return;
    }
    dialogKeys(e);
    if (e.isPropagationStopped()) return;
    if (e.key === 'F9' || e.key === 'F10') return; // Language and digits, even here.
    // Over the sale history: its keys (arrows, Ctrl+P, Ctrl+R, F5, F6) wait until this dialog closes.
    if (isReservedKey(e)) e.preventDefault();
    e.stopPropagation();
  };
  const onKeyDownCapture = confirmOnCtrlEnter(() => void confirm());

  const count = offer ? selectedLineCount(offer, selection) : 0;
  const formOpen = offer !== null && !issued && !nothingLeft(offer);

  return (
    <Dialog labelledBy="returns-title" className="returns" testId="return-dialog" busy={!offer} onKeyDown={onKeyDown} dialogRef={dialogRef}>
      <div className="returns__body" onKeyDownCapture={onKeyDownCapture}>
        <h2 id="returns-title" className="dialog__title">
          {t('returns.title', { no: receiptNo })}
        </h2>
        {!offer && <p className="dialog__body">{t('returns.loading')}</p>}
        {offer && !issued && (
          <>
            <p className="dialog__body">{t('returns.body')}</p>
            {offer.refundedHalalas > 0 && (
              <p className="returns__earlier" data-testid="return-earlier">
                {t('returns.earlier', { amount: f.money(offer.refundedHalalas) })}{' '}
                {offer.returns.map((r) => (
                  <bdi key={r.returnNo} dir="ltr" className="returns__earlier-no">
                    {r.returnNo}
                  </bdi>
                ))}
              </p>
            )}
            <div className="returns__scroll">
              <ReturnLines lines={offer.lines} selection={selection} disabled={busy} onStep={step} />
            </div>
          </>
        )}
        {offer && !issued && nothingLeft(offer) && (
          <p className="returns__nothing" role="status" data-testid="return-nothing-left">
            {t('returns.nothingLeft')}
          </p>
        )}
        {formOpen && (
          <div className="returns__form">
            <label className="field">
              <span className="field__label">{t('returns.reason')}</span>
              <select
                className="field__input returns__reason"
                data-testid="return-reason"
                value={reason ?? ''}
                disabled={busy}
                onChange={(e) => setReason(ReturnReason.options.find((r) => r === e.target.value) ?? null)}
              >
                <option value="">{t('returns.reasonPick')}</option>
                {ReturnReason.options.map((r) => (
                  <option key={r} value={r}>
                    {reasonLabel(r)}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="returns__way" data-testid="return-way" disabled={busy}>
              <legend className="field__label">{t('returns.refundWay')}</legend>
              {(['original', 'credit'] as const).map((way) => (
                <label key={way} className="returns__way-option">
                  <input type="radio" name="return-way" value={way} data-testid={`return-way-${way}`} checked={refundTo === way} onChange={() => setRefundTo(way)} />
                  {t(`returns.refundWay_${way}`)}
                </label>
              ))}
            </fieldset>
            <PinField
              inputRef={pinRef}
              value={pin}
              onValue={setPin}
              // Enter (or a scan's end) in the PIN moves on to the button; it never confirms by itself.
              onEnter={() => confirmRef.current?.focus()}
              disabled={busy}
            />
          </div>
        )}
        {issued && <ReturnResult issued={issued} />}
        {formOpen && (
          <p className={`returns__hint${block ? ' returns__hint--block' : ''}`} data-testid="return-hint" data-block={block ?? undefined}>
            {block === 'too_many'
              ? t('returns.block_too_many', { max: f.int(MAX_RETURN_LINES) })
              : block === 'none_selected'
                ? t('returns.block_none_selected')
                : block === 'no_reason'
                  ? t('returns.block_no_reason')
                  : t('returns.confirmHint')}{' '}
            {count > 0 && <span data-testid="return-count">{t('returns.selected', { count: f.int(count) })}</span>}
          </p>
        )}
        <div className="dialog__actions">
          {formOpen && (
            <button
              ref={confirmRef}
              type="button"
              className="btn btn--primary"
              data-testid="return-confirm"
              disabled={busy || block !== null}
              onClick={() => void confirm()}
              onKeyDown={(e) => {
                // A plain Enter on the focused button would click it: that is the scanner's key, not a decision.
                if (e.key === 'Enter' && !isConfirmKey(e)) e.preventDefault();
              }}
            >
              {busy ? t('returns.confirming') : t('returns.confirm')} <Kbd k="ctrl" />
              <Kbd k="enter" />
            </button>
          )}
          <button type="button" className="btn btn--secondary" data-testid="return-close" onClick={onClose}>
            {issued ? t('returns.done') : t('returns.close')} <Kbd k={issued ? 'enter' : 'esc'} />
          </button>
        </div>
      </div>
    </Dialog>
  );
}
