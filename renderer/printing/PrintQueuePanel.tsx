// The visible print queue (F6): every recent job, failed ones first, with what went wrong and Retry / Cancel.
// Main never retries on its own; nothing here guesses what reached the paper: a retry of a receipt that may
// be partly printed comes out marked COPY, which main decides.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NuqtaApi, Result } from '../../preload/contract/api';
import type { PrinterStatus, PrintJob } from '../../preload/contract/schemas';
import { useFormat } from '../format/FormatContext';
import { messageFor } from '../i18n/messages';
import { Dialog } from '../shell/Dialog';
import { Kbd } from '../shell/Kbd';
import type { BannerControls } from '../shell/useBanner';
import { useDialogKeys } from '../shell/useDialogKeys';
import { moveIndex } from '../history/historyList';
import { isCopy, jobKindOf, orderJobs, printerTone } from './printQueue';
import { useKeepFocus } from '../shell/useKeepFocus';

interface Props {
  api: NuqtaApi;
  jobs: PrintJob[] | null;
  status: PrinterStatus | null;
  refresh(): Promise<void>;
  banner: BannerControls;
  onClose(): void;
  /** F5 from here: over to the sale history. */
  onHistory(): void;
}

export function PrintQueuePanel({ api, jobs, status, refresh, banner, onClose, onHistory }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const dialogRef = useRef<HTMLDivElement>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState(false);
  const [loaded, setLoaded] = useState(false);

  const check = async (): Promise<void> => {
    setChecking(true);
    try {
      await refresh();
    } finally {
      setChecking(false);
      setLoaded(true);
    }
  };

  useEffect(() => {
    dialogRef.current?.focus();
    void check();
    // Once, on opening.
  }, []);

  useKeepFocus(dialogRef);

  const ordered = orderJobs(jobs ?? []);
  const index = ordered.findIndex((j) => j.jobId === selectedId);
  const current = index >= 0 ? ordered[index] : ordered[0];
  const currentId = current?.jobId ?? null;

  useEffect(() => {
    if (currentId) rows.current.get(currentId)?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);

  /** The row itself shows the job's new state (from printJobsChanged); only a refusal goes to the banner. */
  const act = async (run: () => Promise<Result<PrintJob>>): Promise<void> => {
    if (busy) return;
    setBusy(true);
    try {
      const r = await run();
      if (r.ok) banner.clear();
      else banner.error(r.error);
    } finally {
      setBusy(false);
    }
  };
  const retry = (job: PrintJob): Promise<void> => act(() => api.retryPrintJob({ jobId: job.jobId }));
  const cancel = (job: PrintJob): Promise<void> => act(() => api.cancelPrintJob({ jobId: job.jobId }));

  // Enter and Delete act on the highlighted job only while the panel has the keyboard: a focused button keeps its own.
  const onKeyDown = useDialogKeys({
    onEnter: () => {
      if (current?.state === 'failed') void retry(current);
    },
    enterFrom: 'dialog',
    onClose,
    closeKeys: ['F6'],
    onKey: (e) => {
      if (e.key === 'F5') onHistory();
      else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const next = ordered[moveIndex(index < 0 ? 0 : index, e.key === 'ArrowDown' ? 1 : -1, ordered.length)];
        if (next) setSelectedId(next.jobId);
      } else if (e.key === 'Delete' && e.target === e.currentTarget) {
        if (current?.state === 'failed') void cancel(current);
      } else return false;
      return true;
    },
  });

  const state = status?.state ?? 'not_checked';
  const printerLabel = status && !status.configured ? t('printer.notConfigured') : t(`printer.state_${state}`);

  return (
    <Dialog labelledBy="print-queue-title" className="panel print-queue" testId="print-queue" busy={!loaded} onKeyDown={onKeyDown} dialogRef={dialogRef}>
      <div className="panel__head">
        <h2 id="print-queue-title" className="dialog__title">
          {t('printQueue.title')}
        </h2>
        <span className={`printer-chip printer-tone--${printerTone(status)}`} data-state={state}>
          <span className="printer-status__dot" aria-hidden="true" />
          {t('printer.label')}: {printerLabel}
        </span>
        {status?.transport && (
          <bdi className="panel__muted" dir="ltr">
            {status.transport}
          </bdi>
        )}
        <div className="panel__spacer" />
        <button type="button" className="btn btn--secondary btn--icon" data-testid="printer-check" disabled={checking} onClick={() => void check()}>
          {checking ? t('printQueue.checking') : t('printQueue.check')}
        </button>
        <button type="button" className="btn btn--secondary btn--icon" data-testid="print-queue-close" onClick={onClose}>
          {t('printQueue.close')} <Kbd k="esc" />
        </button>
      </div>

      {status?.error && (
        <p className="panel__problem" data-testid="printer-problem" data-code={status.error.code}>
          {messageFor(status.error, f.locale, f.digits)}
        </p>
      )}

      {jobs === null ? (
        <p className="panel__empty">{loaded ? t('printQueue.unavailable') : t('printQueue.loading')}</p>
      ) : ordered.length === 0 ? (
        <p className="panel__empty">{t('printQueue.empty')}</p>
      ) : (
        <ul className="jobs" aria-label={t('printQueue.title')}>
          {ordered.map((job) => {
            const on = job.jobId === currentId;
            const kind = jobKindOf(job);
            return (
              <li
                key={job.jobId}
                ref={(el) => {
                  if (el) rows.current.set(job.jobId, el);
                  else rows.current.delete(job.jobId);
                }}
                className={`job job--${job.state}${on ? ' job--on' : ''}`}
                data-testid="print-job"
                data-job-id={job.jobId}
                data-state={job.state}
                data-copy={job.copy}
                data-kind={kind}
                data-receipt-no={job.receiptNo}
                aria-current={on ? 'true' : undefined}
                onClick={() => setSelectedId(job.jobId)}
              >
                <div className="job__main">
                  <span className={`job-state job-state--${job.state}`}>{t(`printQueue.state_${job.state}`)}</span>
                  <span className="job__kind">{t(`printQueue.kind_${kind}`)}</span>
                  <bdi className="job__receipt" dir="ltr">
                    {job.receiptNo}
                  </bdi>
                  {isCopy(job) && <span className="copy-mark">{t('printQueue.copy')}</span>}
                  <span className="job__meta">
                    <bdi dir="ltr">{f.dateTime(job.printedAt ?? job.createdAt)}</bdi>
                    {job.attempts > 1 && <span>{t('printQueue.attempts', { n: f.int(job.attempts) })}</span>}
                  </span>
                </div>
                {job.state === 'failed' && job.error && (
                  <p className="job__error" data-testid="print-job-error" data-code={job.error.code}>
                    {messageFor(job.error, f.locale, f.digits)}
                  </p>
                )}
                {job.state === 'failed' && (
                  <div className="job__actions">
                    <button
                      type="button"
                      className="btn btn--primary btn--icon"
                      data-testid="print-job-retry"
                      disabled={busy}
                      onClick={() => void retry(job)}
                    >
                      {t('printQueue.retry')}
                      {on && <Kbd k="enter" />}
                    </button>
                    <button
                      type="button"
                      className="btn btn--danger btn--icon"
                      data-testid="print-job-cancel"
                      disabled={busy}
                      onClick={() => void cancel(job)}
                    >
                      {t('printQueue.cancel')}
                      {on && <Kbd k="del" />}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="panel__hint">{t('printQueue.hint')}</p>
    </Dialog>
  );
}
