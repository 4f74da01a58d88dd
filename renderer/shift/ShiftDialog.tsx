// The shift screen: open a shift with its float counted by denomination; paid-in, paid-out and safe drops; close
// it with the blind count. Nothing of the expected cash is on this screen until main answers the count (main
// never sends it before). A counted shift waiting for the manager opens straight on its result. Esc steps back
// (or closes); Ctrl+Enter submits the step's count or form.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { CashCount, CashMovementKind, CloseShiftAnswer, DenominationKey, ShiftStatus } from '../../preload/contract/shifts';
import type { ErrorData } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { ParkedShiftNote } from '../parked/ParkedShiftNote';
import { useShown } from '../people/mayShow';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import type { BannerControls } from '../shell/useBanner';
import { useDialogKeys } from '../shell/useDialogKeys';
import { DenominationCounter } from './DenominationCounter';
import { MovementForm, useMovementLabel } from './MovementForm';
import { checkCount, shiftError, type PiecesText } from './shiftChecks';
import { ShiftResultView } from './ShiftResultView';
import './shift.css';

type Step =
  | { kind: 'loading' }
  | { kind: 'open' }
  | { kind: 'overview' }
  | { kind: 'movement'; movement: CashMovementKind }
  | { kind: 'count' }
  | { kind: 'result'; answer: CloseShiftAnswer };

interface Props {
  api: NuqtaApi;
  banner: BannerControls;
  onClose(): void;
}

/** Where a shift's screen starts: its result while it waits for the manager, else what it is. */
function stepOf(status: ShiftStatus): Step {
  const { shift } = status;
  if (!shift) return { kind: 'open' };
  if (shift.state === 'counted' && shift.result) return { kind: 'result', answer: { outcome: 'needs-manager', shiftNo: shift.shiftNo, result: shift.result } };
  return { kind: 'overview' };
}

export function ShiftDialog({ api, banner, onClose }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const movementLabel = useMovementLabel();
  const [status, setStatus] = useState<ShiftStatus | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const [fields, setFields] = useState<PiecesText>({});
  const [invalid, setInvalid] = useState<DenominationKey | null>(null);
  const [busy, setBusy] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  // The top bar shows no way in to a role that may not run the shift; a screen reached all the same (a role
  // changed while it was open) offers only what the role may call. Main refuses the rest anyway.
  const shown = useShown('shift');

  useEffect(() => {
    let live = true;
    void api.getShift({}).then((answer) => {
      if (!live) return;
      if (!answer.ok) return banner.error(answer.error);
      setStatus(answer.value);
      setStep(stepOf(answer.value));
    });
    return () => {
      live = false;
    };
  }, [api, banner]);

  // Each step starts with the keyboard where its work is: the first count field, or the dialog itself.
  useLayoutEffect(() => {
    if (step.kind === 'open' || step.kind === 'count') dialogRef.current?.querySelector<HTMLInputElement>('[data-testid="shift-pieces"]')?.focus();
    else if (step.kind === 'overview' || (step.kind === 'result' && step.answer.outcome === 'closed')) dialogRef.current?.focus();
  }, [step]);

  /** Runs a call; its refusal goes to the banner and answers null. */
  const run = async <T,>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: ErrorData }>): Promise<T | null> => {
    setBusy(true);
    try {
      const answer = await call();
      if (!answer.ok) {
        banner.error(answer.error);
        return null;
      }
      banner.clear();
      return answer.value;
    } finally {
      setBusy(false);
    }
  };

  const counted = (): CashCount | null => {
    const check = checkCount(fields);
    if (check.ok) return check.value;
    setInvalid(check.key);
    banner.error(shiftError(check.code));
    return null;
  };
  const changeFields = (next: PiecesText): void => {
    setFields(next);
    setInvalid(null);
  };

  const openShift = async (): Promise<void> => {
    const float = counted();
    if (!float || busy) return;
    const next = await run(() => api.openShift({ float }));
    if (!next) return;
    setStatus(next);
    setFields({});
    setStep({ kind: 'overview' });
  };
  const submitCount = async (): Promise<void> => {
    const count = counted();
    if (!count || busy) return;
    const answer = await run(() => api.closeShift({ count }));
    if (!answer) return;
    setFields({});
    setStep({ kind: 'result', answer });
  };
  const record = async (kind: CashMovementKind, amountHalalas: number, reason: string): Promise<boolean> => {
    const next = await run(() => api.cashMovement({ kind, amountHalalas, reason }));
    if (!next) return false;
    setStatus(next);
    setStep({ kind: 'overview' });
    return true;
  };
  const approve = async (managerPin: string, reason: string): Promise<boolean> => {
    const answer = await run(() => api.approveShiftClose({ managerPin, reason }));
    if (!answer) return false;
    setStep({ kind: 'result', answer });
    return true;
  };

  const shift = status?.shift ?? null;
  const back = step.kind === 'movement' || (step.kind === 'count' && shift !== null);
  const onKeyDown = useDialogKeys({
    onEnter: step.kind === 'result' && step.answer.outcome === 'closed' ? onClose : undefined,
    enterFrom: 'dialog',
    onClose,
    nested: { open: back, close: () => setStep({ kind: 'overview' }) },
    onKey: (e: KeyboardEvent<HTMLElement>) => {
      if (e.key !== 'Enter' || !e.ctrlKey) return false;
      if (step.kind === 'open' && shown.open) void openShift();
      else if (step.kind === 'count' && shown.count) void submitCount();
      else return false;
      return true;
    },
  });

  const title =
    step.kind === 'open'
      ? t('shift.openTitle')
      : step.kind === 'count'
        ? t('shift.countTitle')
        : step.kind === 'result'
          ? step.answer.outcome === 'closed'
            ? t('shift.resultClosed', { no: step.answer.shiftNo })
            : t('shift.resultWaiting', { no: step.answer.shiftNo })
          : shift
            ? t('shift.shiftNo', { no: shift.shiftNo })
            : t('shift.title');

  return (
    <Dialog labelledBy="shift-title" className="dialog--shift" testId="shift-dialog" busy={step.kind === 'loading'} onKeyDown={onKeyDown} dialogRef={dialogRef}>
      <h2 id="shift-title" className="dialog__title" data-testid="shift-title" data-step={step.kind}>
        {title}
      </h2>

      {step.kind === 'open' && (
        <>
          <p className="dialog__body">{t('shift.openBody')}</p>
          {status?.mode === 'demo' && <p className="shift__note">{t('shift.demoNote')}</p>}
          <DenominationCounter label={t('shift.float')} fields={fields} onFields={changeFields} invalid={invalid} disabled={busy} />
          <div className="dialog__actions">
            {shown.open && (
              <button type="button" className="btn btn--primary" data-testid="shift-open-submit" disabled={busy} onClick={() => void openShift()}>
                {busy ? t('shift.opening') : t('shift.open')} <Kbd k="ctrl" /> <Kbd k="enter" />
              </button>
            )}
            <button type="button" className="btn btn--secondary" data-testid="shift-close-dialog" onClick={onClose}>
              {t('shift.close')} <Kbd k="esc" />
            </button>
          </div>
        </>
      )}

      {step.kind === 'overview' && shift && (
        <>
          <p className="shift__meta" data-testid="shift-meta">
            {t('shift.openedAt', { at: f.dateTime(shift.openedAt) })}
            {shift.demo && ` · ${t('shift.demoShift')}`}
          </p>
          <dl className="shift__facts">
            <div>
              <dt>{t('shift.float')}</dt>
              <dd data-testid="shift-float">{f.money(shift.floatHalalas)}</dd>
            </div>
          </dl>
          <section aria-labelledby="shift-movements-title">
            <h3 id="shift-movements-title" className="shift__subtitle">
              {t('shift.movementsTitle')}
            </h3>
            {shift.movements.length === 0 ? (
              <p className="shift__note">{t('shift.noMovements')}</p>
            ) : (
              <ul className="shift__movements">
                {shift.movements.map((m) => (
                  <li key={m.movementId} className={`shift__movement shift__movement--${m.kind}`} data-testid="shift-movement" data-kind={m.kind}>
                    <span className="shift__movement-kind">{movementLabel(m.kind)}</span>
                    <span className="shift__movement-amount">{f.money(m.amountHalalas)}</span>
                    <span className="shift__movement-reason">{m.reason}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {shown.movement && (
            <div className="shift__actions" role="group" aria-label={t('shift.movementsTitle')}>
              {(['paid_in', 'paid_out', 'safe_drop'] as const).map((kind) => (
                <button key={kind} type="button" className="btn btn--secondary" data-testid={`shift-${kind}`} disabled={busy} onClick={() => setStep({ kind: 'movement', movement: kind })}>
                  {movementLabel(kind)}
                </button>
              ))}
            </div>
          )}
          <div className="dialog__actions">
            {shown.count && (
              <button type="button" className="btn btn--primary" data-testid="shift-count" disabled={busy} onClick={() => setStep({ kind: 'count' })}>
                {t('shift.closeShift')}
              </button>
            )}
            <button type="button" className="btn btn--secondary" data-testid="shift-close-dialog" onClick={onClose}>
              {t('shift.close')} <Kbd k="esc" />
            </button>
          </div>
        </>
      )}

      {step.kind === 'movement' && (
        <MovementForm
          kind={step.movement}
          busy={busy}
          banner={banner}
          onRecord={(amount, reason) => record(step.movement, amount, reason)}
          onBack={() => setStep({ kind: 'overview' })}
        />
      )}

      {step.kind === 'count' && (
        <>
          <p className="dialog__body">{t('shift.countBody')}</p>
          <ParkedShiftNote api={api} />
          <DenominationCounter label={t('shift.countTitle')} fields={fields} onFields={changeFields} invalid={invalid} disabled={busy} />
          <div className="dialog__actions">
            <button type="button" className="btn btn--primary" data-testid="shift-count-submit" disabled={busy} onClick={() => void submitCount()}>
              {busy ? t('shift.counting') : t('shift.submitCount')} <Kbd k="ctrl" /> <Kbd k="enter" />
            </button>
            <button type="button" className="btn btn--secondary" data-testid="shift-back" onClick={() => setStep({ kind: 'overview' })}>
              {t('shift.back')} <Kbd k="esc" />
            </button>
          </div>
        </>
      )}

      {step.kind === 'result' && (
        <ShiftResultView answer={step.answer} thresholdHalalas={status?.thresholdHalalas ?? 0} busy={busy} banner={banner} onApprove={approve} onDone={onClose} />
      )}
    </Dialog>
  );
}
