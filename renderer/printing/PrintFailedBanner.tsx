// "Receipt not printed": said right where the cashier looks (the sale, or the completed-sale screen) when a
// print job of the sale they just completed fails. The sale is saved either way; the banner says what went
// wrong in the printer's own words and where to print it again. It stays until the jobs print, are
// cancelled, or the cashier dismisses it.
import { useTranslation } from 'react-i18next';
import type { PrintJob } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import { Kbd } from '../shell/Kbd';
import { jobKindOf } from './printQueue';

interface Props {
  failures: PrintJob[];
  onOpenQueue(): void;
  onDismiss(): void;
}

export function PrintFailedBanner({ failures, onOpenQueue, onDismiss }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const first = failures[0];
  if (!first) return null;
  const no = first.receiptNo;
  const title =
    failures.length > 1
      ? t('printFailed.title_many', { n: f.int(failures.length), no })
      : jobKindOf(first) === 'receipt'
        ? t('printFailed.title_receipt', { no })
        : t('printFailed.title_slip', { no });
  // Each distinct reason once (a paper-out usually fails the receipt and both slips alike).
  const reasons = [...new Map(failures.filter((j) => j.error).map((j) => [j.error!.code, messageFor(j.error!, f.locale, f.digits)])).values()];
  return (
    <div
      className="print-failed"
      role="alert"
      data-testid="print-failed-banner"
      data-receipt-no={no}
      data-code={first.error?.code ?? ''}
      data-count={failures.length}
    >
      <div className="print-failed__text">
        <strong className="print-failed__title">{title}</strong>
        {reasons.map((r) => (
          <span key={r} className="print-failed__reason">
            {r}
          </span>
        ))}
        <span className="print-failed__action">{t('printFailed.action')}</span>
      </div>
      <div className="print-failed__buttons">
        <button type="button" className="btn btn--primary btn--icon" data-testid="print-failed-open-queue" onClick={onOpenQueue}>
          {t('printFailed.openQueue')} <Kbd k="f6" />
        </button>
        <button type="button" className="btn btn--secondary btn--icon" data-testid="print-failed-dismiss" onClick={onDismiss}>
          {t('printFailed.dismiss')}
        </button>
      </div>
    </div>
  );
}
