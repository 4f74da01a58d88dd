// Sale history (F5): the receipts of this till, newest first, each shown exactly as printed, with
// "Reprint (copy)" and "Return" (Ctrl+R): lines of the receipt back, refunded the way it was paid, with its
// credit note; a receipt's returns, each refund receipt printable again as a copy (RefundCopies.tsx). Money goes back only through a return — there is no refund by amount (docs/returns.md).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi } from '../../preload/contract/api';
import type { PrintJob, ReceiptSummary } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import { useShown } from '../people/mayShow';
import { jobById } from '../printing/printQueue';
import { ReceiptImageView } from '../printing/ReceiptImageView';
import { useReceiptImage } from '../printing/useReceiptImage';
import { RefundCopyList, useRefundCopies } from './RefundCopies';
import { Dialog } from '../shell/Dialog';
import { ReturnDialog } from '../returns/ReturnDialog';
import { Kbd } from '../shell/Kbd';
import type { BannerControls } from '../shell/useBanner';
import { useDialogKeys } from '../shell/useDialogKeys';
import { moveIndex } from './historyList';
import { ReceiptRowCells } from './ReceiptRowCells';
import { useReceiptHistory } from './useReceiptHistory';
import { useKeepFocus } from '../shell/useKeepFocus';

/** How far each key moves the highlight. */
const STEPS: ReadonlyMap<string, number> = new Map([
  ['ArrowDown', 1],
  ['ArrowUp', -1],
  ['PageDown', 10],
  ['PageUp', -10],
]);

interface Props {
  api: NuqtaApi;
  /** The print queue, to follow the copy this panel sent. */
  jobs: PrintJob[] | null;
  onReprinted(job: PrintJob): void;
  banner: BannerControls;
  onClose(): void;
  /** F6 from here: over to the print queue. */
  onPrintQueue(): void;
}

export function HistoryPanel({ api, jobs, onReprinted, banner, onClose, onPrintQueue }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const dialogRef = useRef<HTMLDivElement>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const history = useReceiptHistory(api);
  const { items, hasMore } = history.list;
  const [selectedNo, setSelectedNo] = useState<string | null>(null);
  const [reprintBusy, setReprintBusy] = useState(false);
  /** The copies sent from here, per receipt, to show how each one is doing. */
  const [copies, setCopies] = useState<ReadonlyMap<string, string>>(new Map());
  /** The receipt whose return dialog is open (a dialog over this panel, with its own keys). */
  const [returnFor, setReturnFor] = useState<string | null>(null);
  // A role that may not return (a trainee) gets no Return button nor Ctrl+R; main refuses it anyway.
  const shown = useShown('history');

  useEffect(() => {
    dialogRef.current?.focus();
    void history.loadMore();
    // Once, on opening.
  }, []);

  useKeepFocus(dialogRef);

  const index = items.findIndex((r) => r.receiptNo === selectedNo);
  const selected: ReceiptSummary | null = index >= 0 ? (items[index] ?? null) : (items[0] ?? null);
  const selectedReceipt = selected?.receiptNo ?? null;
  const image = useReceiptImage(api, selectedReceipt, 120);

  useEffect(() => {
    if (selectedReceipt) rows.current.get(selectedReceipt)?.scrollIntoView({ block: 'nearest' });
  }, [selectedReceipt]);

  const copyJob = jobById(jobs, selectedReceipt ? (copies.get(selectedReceipt) ?? null) : null);
  // A receipt something came back of: its returns, each refund receipt printable again as a copy.
  const refundCopies = useRefundCopies(api, selectedReceipt, selected?.returnedHalalas ?? 0, banner, shown.reprintRefund);

  const reprint = async (): Promise<void> => {
    if (!selected || reprintBusy || !shown.reprint) return;
    const receiptNo = selected.receiptNo;
    setReprintBusy(true);
    try {
      const r = await api.reprintReceipt({ receiptNo });
      if (!r.ok) {
        banner.error(r.error);
        return;
      }
      onReprinted(r.value);
      setCopies((before) => new Map(before).set(receiptNo, r.value.jobId));
      banner.clear(); // The copy's own state shows next to the button.
    } finally {
      setReprintBusy(false);
    }
  };

  const move = (delta: number): void => {
    const at = index < 0 ? 0 : index;
    const next = moveIndex(at, delta, items.length);
    const item = items[next];
    if (item) setSelectedNo(item.receiptNo);
    if (delta > 0 && next === items.length - 1 && at === next && hasMore) void history.loadMore();
  };

  const onKeyDown = useDialogKeys({
    onClose,
    closeKeys: ['F5'],
    onKey: (e) => {
      const step = STEPS.get(e.key);
      if (step !== undefined) move(step);
      else if (e.key === 'F6') onPrintQueue();
      // Ctrl+Shift+P: a copy of the newest refund receipt of the receipt on screen (a lost store credit voucher).
      else if (e.ctrlKey && e.shiftKey && !e.altKey && e.code === 'KeyP') refundCopies.reprintNewest();
      // Ctrl+P under any keyboard layout: print a copy of the receipt on screen.
      else if (e.ctrlKey && !e.altKey && e.code === 'KeyP') void reprint();
      // Ctrl+R under any keyboard layout: return lines of the receipt on screen.
      else if (e.ctrlKey && !e.altKey && e.code === 'KeyR') {
        if (selectedReceipt && shown.return) setReturnFor(selectedReceipt);
      } else return false;
      return true;
    },
  });

  return (
    <Dialog labelledBy="history-title" className="panel history" testId="history-panel" busy={!history.loaded || history.loading} onKeyDown={onKeyDown} dialogRef={dialogRef}>
      <div className="panel__head">
        <h2 id="history-title" className="dialog__title">
          {t('history.title')}
        </h2>
        <div className="panel__spacer" />
        <button type="button" className="btn btn--secondary btn--icon" data-testid="history-close" onClick={onClose}>
          {t('history.close')} <Kbd k="esc" />
        </button>
      </div>
      <div className="history__body">
        <div className="history__list">
          {items.length === 0 ? (
            <p className="panel__empty">
              {!history.loaded || history.loading
                ? t('history.loading')
                : history.error
                  ? messageFor(history.error, f.locale, f.digits)
                  : t('history.empty')}
            </p>
          ) : (
            <ul className="receipts" aria-label={t('history.title')}>
              {items.map((r) => {
                const on = r.receiptNo === selectedReceipt;
                return (
                  <li
                    key={r.receiptNo}
                    ref={(el) => {
                      if (el) rows.current.set(r.receiptNo, el);
                      else rows.current.delete(r.receiptNo);
                    }}
                    className={`receipt-row${on ? ' receipt-row--on' : ''}`}
                    data-testid="history-item"
                    data-receipt-no={r.receiptNo}
                    aria-current={on ? 'true' : undefined}
                    onClick={() => setSelectedNo(r.receiptNo)}
                  >
                    <ReceiptRowCells no={r.receiptNo} totalHalalas={r.totalHalalas} at={r.issuedAt} />
                    <span className="receipt-row__tenders">
                      {r.tenderKinds.map((k) => (
                        <span key={k} className={`tender-tag tender-tag--${k}`}>
                          {t(`history.tender_${k}`)}
                        </span>
                      ))}
                      {r.returnedHalalas > 0 && (
                        <span className="tender-tag tender-tag--returned" data-testid="history-returned">
                          {t(r.returnedHalalas >= r.totalHalalas ? 'history.returned_all' : 'history.returned_part', { amount: f.money(r.returnedHalalas) })}
                        </span>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
          {hasMore && (
            <button
              type="button"
              className="btn btn--secondary history__more"
              data-testid="history-more"
              disabled={history.loading}
              onClick={() => void history.loadMore()}
            >
              {history.loading ? t('history.loading') : t('history.more')}
            </button>
          )}
          {history.error && items.length > 0 && <p className="receipt-image__note receipt-image__note--failed">{messageFor(history.error, f.locale, f.digits)}</p>}
        </div>
        <section className="history__preview" aria-label={t('history.preview')}>
          {selected ? (
            <>
              <div className="history__actions">
                {shown.reprint && (
                  <button
                    type="button"
                    className="btn btn--primary"
                    data-testid="reprint"
                    data-receipt-no={selected.receiptNo}
                    disabled={reprintBusy}
                    onClick={() => void reprint()}
                  >
                    {t('history.reprint')} <Kbd k="ctrl" />
                    <Kbd k="p" />
                  </button>
                )}
                {shown.return && (
                  <button
                    type="button"
                    className="btn btn--secondary"
                    data-testid="history-return"
                    data-receipt-no={selected.receiptNo}
                    onClick={() => setReturnFor(selected.receiptNo)}
                  >
                    {t('returns.open')} <Kbd k="ctrl" />
                    <Kbd k="r" />
                  </button>
                )}
                {copyJob && (
                  <span
                    className={`job-state job-state--${copyJob.state}`}
                    data-testid="reprint-status"
                    data-state={copyJob.state}
                    title={copyJob.error ? messageFor(copyJob.error, f.locale, f.digits) : undefined}
                  >
                    {t('history.copyState', { state: t(`printQueue.state_${copyJob.state}`) })}
                  </span>
                )}
              </div>
              {copyJob?.state === 'failed' && copyJob.error && <p className="job__error">{messageFor(copyJob.error, f.locale, f.digits)}</p>}
              <RefundCopyList copies={refundCopies} />
              {/* A long receipt scrolls here: focusable, so the keyboard can scroll it too (axe scrollable-region-focusable). */}
              <div className="history__image" tabIndex={0} role="region" aria-label={t('history.preview')}>
                <ReceiptImageView state={image} testId="history-preview" />
              </div>
            </>
          ) : (
            items.length > 0 && <p className="panel__empty">{t('history.pick')}</p>
          )}
        </section>
      </div>
      <p className="panel__hint">{t('history.hint')}</p>
      {returnFor && (
        <ReturnDialog
          key={returnFor}
          api={api}
          banner={banner}
          receiptNo={returnFor}
          onClose={() => {
            setReturnFor(null);
            // The row now says how much came back.
            void history.reload();
          }}
        />
      )}
    </Dialog>
  );
}
