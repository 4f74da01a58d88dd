// "No sale": the cash drawer opened outside a sale (change for a customer, the opening float, a cash pickup).
// A supervisor or above opens it alone (PIN left empty); a cashier needs an approver's PIN. Main decides, checks
// the PIN and journals the opening with the reason; the screen says what happened.
// The PIN is never kept: cleared from the field before the answer comes back.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { DrawerOutcome } from '../../preload/contract/schemas';
import { clientError } from '../i18n/messages';
import { checkPin } from '../payments/checks';
import { PinField } from '../payments/PinForm';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import { TextField } from '../shell/TextField';
import type { BannerControls } from '../shell/useBanner';
import { useDialogKeys } from '../shell/useDialogKeys';
import { checkDrawerReason, DRAWER_REASON_MAX } from './drawerChecks';

const QUICK_REASONS = ['change', 'float', 'pickup', 'correction'] as const;

interface Props {
  api: NuqtaApi;
  banner: BannerControls;
  onClose(): void;
}

export function DrawerDialog({ api, banner, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [pin, setPin] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<DrawerOutcome | null>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const [pinFocus, setPinFocus] = useState(false);

  useEffect(() => reasonRef.current?.focus(), []);
  // Once the outcome is on screen, Enter or Esc closes: the dialog itself takes the keyboard.
  useLayoutEffect(() => {
    if (outcome) dialogRef.current?.focus();
  }, [outcome]);

  const submit = async (patch: { reason?: string; pin?: string } = {}): Promise<void> => {
    if (busy) return;
    const r = checkDrawerReason(patch.reason ?? reason);
    if (!r.ok) {
      banner.error(clientError(r.code));
      reasonRef.current?.focus();
      return;
    }
    // An empty PIN asks main to open it on the signed-in role's own limit; DRAWER_NEEDS_APPROVAL sends the
    // keyboard to the PIN.
    const typed = patch.pin ?? pin;
    const p = typed.trim() === '' ? null : checkPin(typed);
    if (p && !p.ok) {
      banner.error(clientError(p.code));
      setPinFocus(true);
      setAttempt((n) => n + 1);
      return;
    }
    setPin(''); // Gone from the screen before the answer comes back.
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await api.openDrawer({ ...(p ? { managerPin: p.value } : {}), reason: r.value });
      if (!answer.ok) {
        banner.error(answer.error);
        setPinFocus(true);
        setAttempt((n) => n + 1);
        return;
      }
      setOutcome(answer.value.drawer);
      if (answer.value.drawer === 'opened') banner.clear();
      // Why it did not open (paper out, printer offline…), in the printer's own words.
      else if (answer.value.error) banner.error(answer.value.error);
    } finally {
      setBusy(false);
    }
  };

  // Once the outcome is on screen, Enter on the dialog closes it; before, Enter belongs to the reason and PIN.
  const onKeyDown = useDialogKeys({ onEnter: outcome ? onClose : undefined, enterFrom: 'dialog', onClose, closeKeys: ['F1'] });

  return (
    <Dialog labelledBy="drawer-title" className="dialog--drawer" testId="drawer-dialog" onKeyDown={onKeyDown} dialogRef={dialogRef}>
      <h2 id="drawer-title" className="dialog__title">
        {t('drawer.title')}
      </h2>
      <p className="dialog__body">{t('drawer.body')}</p>
      <TextField
        label={t('drawer.reason')}
        inputRef={reasonRef}
        data-testid="drawer-reason"
        maxLength={DRAWER_REASON_MAX}
        placeholder={t('drawer.reasonPlaceholder')}
        disabled={busy || outcome !== null}
        value={reason}
        onValue={setReason}
        onEnter={(v) => {
          if (!checkDrawerReason(v).ok) return void submit({ reason: v });
          setPinFocus(true); // On to the PIN.
          setAttempt((n) => n + 1);
        }}
      />
      <div className="drawer__quick" role="group" aria-label={t('drawer.quickLabel')}>
        {QUICK_REASONS.map((q) => (
          <button
            key={q}
            type="button"
            className="btn btn--secondary btn--icon"
            data-testid="drawer-quick-reason"
            data-reason={q}
            disabled={busy || outcome !== null}
            onClick={() => {
              setReason(t(`drawer.quick_${q}`));
              setPinFocus(true);
              setAttempt((n) => n + 1);
            }}
          >
            {t(`drawer.quick_${q}`)}
          </button>
        ))}
      </div>
      <PinField key={attempt} value={pin} onValue={setPin} onEnter={(v) => void submit({ pin: v })} autoFocus={pinFocus} disabled={busy || outcome !== null} />
      {outcome && (
        <div className={`drawer__outcome drawer__outcome--${outcome}`} role="status" data-testid="drawer-outcome" data-outcome={outcome}>
          {t(`drawer.outcome_${outcome}`)}
        </div>
      )}
      {outcome ? (
        <div className="dialog__actions">
          <button type="button" className="btn btn--primary" data-testid="drawer-close" onClick={onClose}>
            {t('drawer.done')} <Kbd k="enter" />
          </button>
        </div>
      ) : (
        <div className="dialog__actions">
          <button type="button" className="btn btn--primary" data-testid="drawer-submit" disabled={busy} onClick={() => void submit()}>
            {busy ? t('drawer.opening') : t('drawer.submit')} <Kbd k="enter" />
          </button>
          <button type="button" className="btn btn--secondary" data-testid="drawer-close" onClick={onClose}>
            {t('drawer.close')} <Kbd k="esc" />
          </button>
        </div>
      )}
    </Dialog>
  );
}
