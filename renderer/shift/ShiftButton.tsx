// The top bar's way into the shift screen, saying which shift is open (or none: the till sells only on a shift
// when live).
import { useTranslation } from 'react-i18next';
import type { ShiftStatus } from '../../preload/contract/shifts';
import { useFormat } from '../format/FormatContext';

interface Props {
  status: ShiftStatus | null;
  onClick(): void;
}

export function ShiftButton({ status, onClick }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const shift = status?.shift ?? null;
  const state = !status ? 'unknown' : shift ? shift.state : 'none';
  const label = !status ? t('shift.button') : !shift ? t('shift.buttonNone') : shift.state === 'counted' ? t('shift.buttonCounted', { number: f.int(shift.number) }) : t('shift.buttonOpen', { number: f.int(shift.number) });
  return (
    <button
      type="button"
      className={`btn btn--ghost topbar__toggle topbar__shift topbar__shift--${state}`}
      data-testid="shift-open"
      data-state={state}
      title={t('shift.buttonHint')}
      onClick={onClick}
    >
      {label}
    </button>
  );
}
