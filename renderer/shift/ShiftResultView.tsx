// What the count found, shown only after it was submitted: expected, counted and the difference (over, short or
// even), and where the expected cash comes from. A difference above the threshold asks the manager for a reason
// and the PIN (the PIN is never kept: cleared before main answers).
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CloseShiftAnswer } from '../../preload/contract/shifts';
import { useFormat } from '../format/FormatContext';
import { clientError } from '../i18n/messages';
import { checkPin } from '../payments/checks';
import { PinField } from '../payments/PinForm';
import { useShown } from '../people/mayShow';
import { Kbd } from '../shell/Kbd';
import { TextField } from '../shell/TextField';
import type { BannerControls } from '../shell/useBanner';
import { checkReason, REASON_MAX, shiftError } from './shiftChecks';

interface Props {
  answer: CloseShiftAnswer;
  thresholdHalalas: number;
  busy: boolean;
  banner: BannerControls;
  /** The manager's approval: resolves true when the shift closed. */
  onApprove(managerPin: string, reason: string): Promise<boolean>;
  onDone(): void;
}

export function ShiftResultView({ answer, thresholdHalalas, busy, banner, onApprove, onDone }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { result } = answer;
  const waiting = answer.outcome === 'needs-manager';
  // A role that may not ask for the approval sees why the shift waits, without the approver's form.
  const { approve: mayApprove } = useShown('shift');
  const [reason, setReason] = useState('');
  const [pin, setPin] = useState('');
  const [attempt, setAttempt] = useState(0);
  const reasonRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);
  // The keyboard moves in the same commit as what asks for it, so a key pressed next lands here (shell/useKeepFocus.ts).
  useLayoutEffect(() => {
    if (waiting) reasonRef.current?.focus();
  }, [waiting]);

  const approve = async (typedPin = pin): Promise<void> => {
    if (busy) return;
    const r = checkReason(reason);
    if (!r.ok) {
      banner.error(shiftError(r.code));
      reasonRef.current?.focus();
      return;
    }
    const p = checkPin(typedPin);
    setPin(''); // Gone from the screen before the answer comes back.
    setAttempt((n) => n + 1);
    if (!p.ok) return banner.error(clientError(p.code));
    await onApprove(p.value, r.value);
  };

  const direction = result.differenceHalalas > 0 ? 'over' : result.differenceHalalas < 0 ? 'short' : 'even';
  const directionText = direction === 'over' ? t('shift.over') : direction === 'short' ? t('shift.short') : t('shift.even');
  const breakdown: Array<[string, number, string]> = [
    [t('shift.breakdownFloat'), result.cash.floatHalalas, '+'],
    [t('shift.breakdownSales'), result.cash.salesHalalas, '+'],
    [t('shift.breakdownRefunds'), result.cash.refundsHalalas, '−'],
    [t('shift.breakdownPaidIn'), result.cash.paidInHalalas, '+'],
    [t('shift.breakdownPaidOut'), result.cash.paidOutHalalas, '−'],
    [t('shift.breakdownDrops'), result.cash.safeDropsHalalas, '−'],
  ];
  return (
    <div className="shift-result" data-testid="shift-result" data-outcome={answer.outcome} data-direction={direction}>
      <dl className="shift-result__figures">
        <div className="shift-result__figure">
          <dt>{t('shift.expected')}</dt>
          <dd data-testid="shift-expected">{f.money(result.expectedHalalas)}</dd>
        </div>
        <div className="shift-result__figure">
          <dt>{t('shift.counted')}</dt>
          <dd data-testid="shift-counted">{f.money(result.countedHalalas)}</dd>
        </div>
        <div className={`shift-result__figure shift-result__figure--${direction}`}>
          <dt>
            {t('shift.difference')} · <span data-testid="shift-direction">{directionText}</span>
          </dt>
          <dd data-testid="shift-difference">{f.money(Math.abs(result.differenceHalalas))}</dd>
        </div>
      </dl>
      <table className="shift-result__breakdown" aria-label={t('shift.breakdownTitle')}>
        <caption>{t('shift.breakdownTitle')}</caption>
        <tbody>
          {breakdown.map(([label, halalas, sign]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                {sign} {f.money(halalas)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.managerReason && (
        <p className="shift-result__approved" data-testid="shift-approved">
          {t('shift.approvedReason', { reason: result.managerReason })}
        </p>
      )}
      {waiting && !mayApprove && (
        <p className="shift-result__needs" role="alert">
          {t('shift.needsManager', { threshold: f.money(thresholdHalalas) })}
        </p>
      )}
      {waiting && mayApprove ? (
        <div
          className="shift-result__approval"
          data-testid="shift-approval"
          onKeyDown={(e) => {
            // Ctrl+Enter anywhere in the approval sends it (Enter alone is a scanner's key).
            if (e.key !== 'Enter' || !e.ctrlKey) return;
            e.preventDefault();
            e.stopPropagation();
            void approve();
          }}
        >
          <p className="shift-result__needs" role="alert">
            {t('shift.needsManager', { threshold: f.money(thresholdHalalas) })}
          </p>
          <TextField
            label={t('shift.managerReason')}
            inputRef={reasonRef}
            data-testid="shift-manager-reason"
            maxLength={REASON_MAX}
            placeholder={t('shift.managerReasonPlaceholder')}
            readOnly={busy}
            value={reason}
            onValue={setReason}
            onEnter={() => pinRef.current?.focus()}
          />
          <PinField key={attempt} inputRef={pinRef} value={pin} onValue={setPin} onEnter={(v) => void approve(v)} autoFocus={attempt > 0} disabled={busy} />
          <div className="dialog__actions">
            <button type="button" className="btn btn--primary" data-testid="shift-approve" disabled={busy} onClick={() => void approve()}>
              {busy ? t('shift.approving') : t('shift.approve')} <Kbd k="ctrl" /> <Kbd k="enter" />
            </button>
          </div>
        </div>
      ) : (
        <div className="dialog__actions">
          <button type="button" className="btn btn--primary" data-testid="shift-done" onClick={onDone}>
            {t('shift.done')} <Kbd k="enter" />
          </button>
        </div>
      )}
    </div>
  );
}
