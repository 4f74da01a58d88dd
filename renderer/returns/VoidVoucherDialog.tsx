// A manager voids a store credit voucher (lost, stolen, issued in error): a reason from the short list or in
// words, the manager's PIN, and a confirm that takes a tap or Ctrl+Enter — never a plain Enter, which a scanner
// sends (a voucher's QR read into the wrong field must not void anything). Main checks the PIN and journals it.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import { groupedVoucherNumber } from '../../preload/contract/schemas';
import { VoidReason, type StoreCreditVoucher } from '../../preload/contract/credit';
import { useFormat } from '../format/FormatContext';
import { clientError } from '../i18n/messages';
import { isPointerClick } from '../keys/deliberateConfirm';
import { checkPin } from '../payments/checks';
import { PinField } from '../payments/PinForm';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { TextField } from '../shell/TextField';
import type { BannerControls } from '../shell/useBanner';
import { useDialogKeys } from '../shell/useDialogKeys';
import { confirmOnCtrlEnter } from './returnSelection';

interface Props {
  api: NuqtaApi;
  banner: BannerControls;
  voucher: StoreCreditVoucher;
  onVoided(voucher: StoreCreditVoucher): void;
  onClose(): void;
}

export function VoidVoucherDialog({ api, banner, voucher, onVoided, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [reason, setReason] = useState<VoidReason | null>(null);
  const [note, setNote] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [hint, setHint] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  const words = note.trim();
  const ready = reason !== null && (reason !== 'other' || words.length >= 3);

  const confirm = async (): Promise<void> => {
    if (busy || !reason || !ready) return setHint(true);
    const checked = checkPin(pin);
    setPin(''); // Never kept, whatever happens next.
    if (!checked.ok) return banner.error(clientError(checked.code));
    setBusy(true);
    try {
      const answer = await api.voidStoreCredit({ voucherNo: voucher.voucherNo, reason, ...(words ? { note: words } : {}), managerPin: checked.value });
      if (!answer.ok) return banner.error(answer.error);
      banner.clear();
      onVoided(answer.value);
    } finally {
      setBusy(false);
    }
  };

  const dialogKeys = useDialogKeys({ onClose });
  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    dialogKeys(e);
    if (e.key === 'Enter' && !e.isPropagationStopped()) {
      e.preventDefault();
      setHint(true);
    }
    e.stopPropagation();
  };
  const onKeyDownCapture = confirmOnCtrlEnter(() => void confirm());

  return (
    <Dialog labelledBy="void-voucher-title" className="dialog--small void-voucher" testId="void-voucher-dialog" onKeyDown={onKeyDown}>
      <div className="returns__body" onKeyDownCapture={onKeyDownCapture}>
        <h2 id="void-voucher-title" className="dialog__title">
          {t('credit.voidTitle')}
        </h2>
        <p className="dialog__body">
          {t('credit.voidBody', { amount: f.money(voucher.balanceHalalas) })} <bdi dir="ltr">{groupedVoucherNumber(voucher.voucherNo)}</bdi>
        </p>
        <fieldset className="returns__way" data-testid="void-voucher-reason" disabled={busy}>
          <legend className="field__label">{t('credit.voidReason')}</legend>
          {VoidReason.options.map((r, i) => (
            <label key={r} className="returns__way-option">
              <input ref={i === 0 ? firstRef : undefined} type="radio" name="void-voucher-reason" value={r} data-testid={`void-voucher-reason-${r}`} checked={reason === r} onChange={() => setReason(r)} />
              {t(`credit.voidReason_${r}`)}
            </label>
          ))}
        </fieldset>
        {reason === 'other' && <TextField label={t('credit.voidNote')} data-testid="void-voucher-note" maxLength={120} value={note} onValue={setNote} onEnter={() => setHint(true)} />}
        <PinField value={pin} onValue={setPin} onEnter={() => setHint(true)} disabled={busy} />
        <p className="returns__hint" role={hint ? 'alert' : undefined} data-testid="void-voucher-hint">
          {!ready ? t('credit.voidPickReason') : t('returns.confirmHint')}
        </p>
        <div className="dialog__actions">
          <button
            ref={confirmRef}
            type="button"
            className="btn btn--danger"
            data-testid="void-voucher-confirm"
            disabled={busy || !ready}
            // A click counts from a pointer only: Enter or Space on the focused button is the keyboard path closed above.
            onClick={(e) => (isPointerClick(e) ? void confirm() : setHint(true))}
          >
            {t('credit.voidConfirm')} <Kbd k="ctrl" />
            <Kbd k="enter" />
          </button>
          <button type="button" className="btn btn--secondary" data-testid="void-voucher-cancel" onClick={onClose}>
            {t('returns.close')} <Kbd k="esc" />
          </button>
        </div>
      </div>
    </Dialog>
  );
}
