// The printer in the top bar: a dot and a short word for its state, live from printerStatusChanged, and the
// way into the print queue (F6). Failed jobs show as a red count, like the terminal's "needs attention".
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterStatus } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import { Kbd } from '../shell/Kbd';
import { printerTone } from './printQueue';

interface Props {
  status: PrinterStatus | null;
  failed: number;
  onClick(): void;
}

export const PrinterButton = memo(function PrinterButton({ status, failed, onClick }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const state = status?.state ?? 'not_checked';
  const configured = status?.configured ?? true;
  const tone = printerTone(status);
  const label = status && !configured ? t('printer.notConfigured') : t(`printer.state_${state}`);
  const why = status?.error ? ` — ${messageFor(status.error, f.locale, f.digits)}` : '';
  return (
    <button
      type="button"
      className={`btn btn--ghost topbar__toggle topbar__printer printer-tone--${tone}`}
      data-testid="print-queue-open"
      title={`${t('printer.label')}: ${label}${why} — ${t('toolbar.printQueueHint')}`}
      onClick={onClick}
    >
      <span
        className="printer-status"
        data-testid="printer-status"
        data-state={state}
        data-configured={configured ? 'true' : 'false'}
      >
        <span className="printer-status__dot" aria-hidden="true" />
        <span className="printer-status__name">{t('printer.label')}</span>
        <span className="printer-status__label">{label}</span>
      </span>
      {failed > 0 && (
        <span className="badge badge--alert" data-testid="print-failed-count" title={t('printer.failedCount', { n: f.int(failed) })}>
          {f.int(failed)}
        </span>
      )}
      <Kbd k="f6" />
    </button>
  );
});
