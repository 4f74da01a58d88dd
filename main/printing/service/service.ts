// The print queue and its single worker. Jobs are rows (print_jobs) written with their journal entries;
// the worker prints one at a time, in order, and records every outcome. A failed job stays visible until
// someone retries or cancels it: it is never retried on its own, and never printed automatically after a
// restart, because nobody can know what reached the paper. The sale is durable either way.
import { randomUUID } from 'node:crypto';
import type { ErrorData, PrintJob, Receipt } from '../../../preload/contract';
import { drawerPulse, type DrawerPulse } from '../escpos/commands';
import { encodeImageJob } from '../escpos/job';
import { sendJob } from '../print-job';
import { bandRowsForStatus } from '../profiles';
import { renderBlocks } from '../render/render';
import { withTrainingBlocks } from '../render/training-stamp';
import { blockingProblems } from '../escpos/status';
import { fromProblem } from '../errors';
import { attemptJob, detailOf, errorDataOf } from './attempt';
import { PrintServiceError, printServiceErrorData } from './errors';
import { createJobStore, toPrintJob, type JobCopy, type JobRow, type NewJob } from './job-store';
import { openPrinterLink, type PrinterLink } from './link';
import { resolveProfile } from './profile';
import { createShopLogos } from './shop-logo';
import { createJobRenderer } from '../worker/client';
import { hasCardSlip } from '../layout';
import { stateFromError, stateFromStatus, type PrinterStatusReport } from './status-map';
import type { ManagerDrawerResult, PrintService, PrintServiceDeps, ReceiptImage } from './types';

/** A copy of a sale's receipt asked for (main/audit lists it with the refund receipts' copies). */
const RECEIPT_REPRINT_ENTRY = 'receipt.reprinted';

const DEFAULT_WIDTH = 576;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

/** The drawer's pulse: the settings' when the admin set one (pin 2 or 5, on-time in ms), else the profile's. */
export function drawerPulseOf(drawer: { pin: 2 | 5; pulseMs: number } | null, profile: DrawerPulse): DrawerPulse {
  if (!drawer) return profile;
  return { pin: drawer.pin === 2 ? 0 : 1, onUnits: Math.max(1, Math.min(255, Math.round(drawer.pulseMs / 2))), offUnits: profile.offUnits };
}

export function createPrintService(deps: PrintServiceDeps): PrintService {
  const { db, journal } = deps;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;
  const log = deps.log ?? console;
  const store = createJobStore(db);
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();
  // Jobs created up to here belong to an earlier run: recoverInterrupted() settles them, the worker never.
  const startSeq = journal.head().seq;

  // Jobs are rendered and encoded in the print worker thread where it can run (../worker/client.ts says
  // when), so a receipt does not hold up the next scan; started on the first job, closed by close().
  const ownRenderer = typeof deps.renderer !== 'object';
  const renderer = typeof deps.renderer === 'object' ? deps.renderer : createJobRenderer(deps.renderer ?? 'auto', { log });
  // The shop's own receipt logo, rasterised here once per setting (and file) and sent with each receipt render.
  const logos = createShopLogos(log);

  let link: PrinterLink | null = null;
  let running: Promise<void> | null = null;
  /** Consecutive worker runs that ended in an error, and the pending retry after one. */
  let failedRuns = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let recovered = false;
  let closed = false;
  let last: PrinterStatusReport = notChecked();

  function notChecked(): PrinterStatusReport {
    const printer = deps.settings().printer;
    return {
      configured: printer !== null,
      profile: printer?.profile ?? null,
      transport: null,
      state: 'not_checked',
      checkedAt: null,
      error: null,
    };
  }

  /** The link for the current settings; reopened when the printer settings change. */
  function currentLink(): PrinterLink {
    const printer = deps.settings().printer;
    if (!printer) throw new PrintServiceError('PRINTER_NOT_CONFIGURED');
    const key = JSON.stringify(printer);
    if (link?.key === key) return link;
    const old = link;
    link = null;
    if (old) void old.transport.close().catch(() => undefined);
    link = openPrinterLink(printer, {
      virtualPrinter: deps.virtualPrinter,
      ...(deps.timeouts ? { timeouts: deps.timeouts } : {}),
      ...(deps.openLink ? { openLink: deps.openLink } : {}),
    });
    return link;
  }

  const safeEmit = (what: string, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      log.warn(`print service: emitting ${what} failed`, e);
    }
  };
  const list = (): PrintJob[] => store.recent().map(toPrintJob);
  const emitJobs = () => safeEmit('jobs', () => deps.emitJobs(list()));
  const setStatus = (report: Omit<PrinterStatusReport, 'configured' | 'profile' | 'checkedAt'>) => {
    const printer = deps.settings().printer;
    last = { configured: printer !== null, profile: printer?.profile ?? null, checkedAt: now().toISOString(), ...report };
    safeEmit('status', () => deps.emitStatus(last));
    return last;
  };
  const describeLink = (): string | null => {
    try {
      return currentLink().description;
    } catch {
      return null;
    }
  };

  const job = (jobId: string): JobRow => {
    const row = store.get(jobId);
    if (!row) throw new PrintServiceError('PRINT_JOB_UNKNOWN', jobId);
    return row;
  };

  function queue(receiptNo: string, reason: 'sale' | 'reprint', jobs: NewJob[]): void {
    const entry = journal.append('print.queued', {
      receiptNo,
      reason,
      jobs: jobs.map((j) => ({ jobId: j.id, kind: j.kind, copy: j.copy, intentId: j.intentId })),
    });
    for (const j of jobs) store.insert(j, entry.at, entry.seq);
  }

  // ---- the worker ------------------------------------------------------------------------------------

  async function printOne(queued: JobRow): Promise<void> {
    const row = write(() => {
      const fresh = store.get(queued.id);
      if (!fresh || fresh.state !== 'queued') return null; // cancelled meanwhile
      const entry = journal.append('print.started', { jobId: fresh.id, receiptNo: fresh.receipt_no, copy: fresh.copy, attempt: fresh.attempts + 1 });
      store.markPrinting(fresh.id, entry.seq);
      return fresh;
    });
    if (!row) return;
    emitJobs();

    const doc = { kind: row.kind, copy: row.copy, intentId: row.intent_id, mayHavePrinted: row.bytes_sent === 1 };
    const settings = deps.settings();
    const result = await attemptJob(doc, currentLink, () => deps.receipt(row.receipt_no), settings, renderer, (width) => logos.forPrint(settings, width));

    if (result.ok) {
      write(() => {
        const entry = journal.append('print.printed', { jobId: row.id, receiptNo: row.receipt_no, bytes: result.bytes });
        store.markPrinted(row.id, entry.at, entry.seq);
      });
      if (result.status) setStatus({ transport: describeLink(), ...stateFromStatus(result.status) });
      else setStatus({ transport: describeLink(), state: 'unknown', error: null });
    } else {
      const error = errorDataOf(result.error);
      write(() => {
        const entry = journal.append('print.failed', {
          jobId: row.id,
          receiptNo: row.receipt_no,
          error,
          detail: detailOf(result.error),
          bytesSent: result.sent,
          bytes: result.bytes,
        });
        store.markFailed(row.id, error, result.sent, entry.seq);
      });
      setStatus({ transport: describeLink(), ...stateFromError(result.error) });
    }
    emitJobs();
  }

  async function drain(): Promise<void> {
    // Yield first, so `running` is set before the loop can finish.
    await Promise.resolve();
    for (;;) {
      if (closed) return;
      const next = store.nextQueued();
      if (!next) return;
      await printOne(next);
    }
  }

  /**
   * Starts the worker. Called after a commit that queued work (a sale, a retry): that commit proves the database
   * takes writes again, so a back-off in progress is cut short.
   */
  function kick(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    startWorker();
  }

  function startWorker(): void {
    if (closed || running) return;
    if (!recovered) recoverInterrupted();
    running = drain()
      .then(() => {
        failedRuns = 0;
      })
      .catch((e: unknown) => {
        failedRuns += 1;
        log.warn('print worker stopped', e);
      })
      .finally(() => {
        running = null;
        if (closed) return;
        if (failedRuns > 0) {
          // The worker could not record a job (a full disk, a database error): trying again at once would fail
          // the same way, thousands of times a second. Wait, longer each time, up to a minute.
          retryTimer = setTimeout(() => {
            retryTimer = null;
            startWorker();
          }, Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (failedRuns - 1)));
          retryTimer.unref();
          return;
        }
        // A job queued after the last look but before this point must not wait for the next kick.
        let more = false;
        try {
          more = store.nextQueued() !== undefined;
        } catch {
          return; // the database is gone (shutting down)
        }
        if (more) startWorker();
      });
  }

  function recoverInterrupted(): PrintJob[] {
    recovered = true;
    const rows = store.unfinishedUpTo(startSeq);
    if (rows.length === 0) return [];
    const error = printServiceErrorData('PRINT_INTERRUPTED');
    write(() => {
      const entry = journal.append('print.interrupted', {
        jobs: rows.map((r) => ({ jobId: r.id, receiptNo: r.receipt_no, state: r.state })),
        error,
      });
      // A job that was printing may have put part of the original on paper: its retry prints a copy.
      for (const r of rows) store.markFailed(r.id, error, r.state === 'printing', entry.seq);
    });
    emitJobs();
    return rows.map((r) => toPrintJob(store.get(r.id)!));
  }

  // ---- the drawer --------------------------------------------------------------------------------------

  async function openDrawer(): Promise<void> {
    const l = currentLink();
    // An offline printer (paper out, cover open) holds everything but real-time commands, so the pulse
    // would wait in its buffer and the drawer stay shut while the till says it opened. Ask first.
    if (l.readsStatus) {
      const status = await l.transport.status!({ quick: true });
      const problems = blockingProblems(status);
      if (problems.length > 0) throw fromProblem(problems[0]!, `${l.description}: drawer not kicked`);
    }
    // The pulse alone (no ESC @): it may land between two image bands of a receipt being printed.
    await l.transport.write(drawerPulse(drawerPulseOf(deps.settings().drawer, l.profile.drawer)));
  }

  return {
    enqueueSaleInTx(receipt: Receipt): void {
      if (!deps.settings().printer) return;
      const jobs: NewJob[] = [{ id: newId(), kind: 'receipt', receiptNo: receipt.receiptNo, copy: 'original', intentId: null }];
      // Card slips (customer and merchant) for each card tender; none for STC Pay (layout/stc-pay.ts says why).
      for (const t of receipt.tenders) {
        if (t.kind !== 'card' || !hasCardSlip(t)) continue;
        for (const copy of ['customer', 'merchant'] as const) {
          jobs.push({ id: newId(), kind: 'card_slip', receiptNo: receipt.receiptNo, copy, intentId: t.intentId });
        }
      }
      queue(receipt.receiptNo, 'sale', jobs);
    },

    kick,

    async idle(): Promise<void> {
      while (running) await running;
    },

    retry(jobId: string): PrintJob {
      const row = job(jobId);
      if (row.state !== 'failed') throw new PrintServiceError('PRINT_JOB_STATE', `${jobId} is ${row.state}`);
      // Part of the original may be on paper: the original of a tax invoice is never printed twice.
      const copy: JobCopy = row.kind === 'receipt' && row.bytes_sent === 1 ? 'copy' : row.copy;
      write(() => {
        const entry = journal.append('print.retried', { jobId, receiptNo: row.receipt_no, copy, mayHavePrinted: row.bytes_sent === 1 });
        store.requeue(jobId, copy, entry.seq);
      });
      emitJobs();
      kick();
      return toPrintJob(store.get(jobId)!);
    },

    cancel(jobId: string): PrintJob {
      const row = job(jobId);
      if (row.state === 'cancelled') return toPrintJob(row);
      if (row.state !== 'queued' && row.state !== 'failed') throw new PrintServiceError('PRINT_JOB_STATE', `${jobId} is ${row.state}`);
      write(() => {
        const entry = journal.append('print.cancelled', { jobId, receiptNo: row.receipt_no, state: row.state });
        store.cancel(jobId, entry.seq);
      });
      emitJobs();
      return toPrintJob(store.get(jobId)!);
    },

    reprint(receiptNo: string): PrintJob {
      deps.receipt(receiptNo); // RECEIPT_UNKNOWN before anything is written
      if (!deps.settings().printer) throw new PrintServiceError('PRINTER_NOT_CONFIGURED');
      const id = newId();
      write(() => {
        // The act (who asked for a copy of which receipt) on its own entry, for the audit list; the job as every job is.
        journal.append(RECEIPT_REPRINT_ENTRY, { receiptNo, jobId: id, copy: 'copy' });
        queue(receiptNo, 'reprint', [{ id, kind: 'receipt', receiptNo, copy: 'copy', intentId: null }]);
      });
      emitJobs();
      kick();
      return toPrintJob(store.get(id)!);
    },

    list,

    async status(): Promise<PrinterStatusReport> {
      const printer = deps.settings().printer;
      if (!printer) return setStatus({ transport: null, state: 'not_checked', error: printServiceErrorData('PRINTER_NOT_CONFIGURED') });
      let l: PrinterLink;
      try {
        l = currentLink();
      } catch (e) {
        return setStatus({ transport: null, ...stateFromError(e) });
      }
      if (!l.readsStatus) return setStatus({ transport: l.description, state: 'unknown', error: null });
      try {
        return setStatus({ transport: l.description, ...stateFromStatus(await l.transport.status!()) });
      } catch (e) {
        return setStatus({ transport: l.description, ...stateFromError(e) });
      }
    },

    lastStatus: () => last,

    async receiptImage(receiptNo: string, copy = 'original'): Promise<ReceiptImage> {
      const receipt = deps.receipt(receiptNo); // RECEIPT_UNKNOWN (a rejection) before anything is rendered
      const printer = deps.settings().printer;
      let width = DEFAULT_WIDTH;
      try {
        if (printer) width = resolveProfile(printer.profile).widthDots;
      } catch {
        // Unknown profile: preview at 80 mm; the status already says what is wrong.
      }
      // Rendered (and PNG-encoded) by the job renderer, so in the print worker where jobs are: opening a
      // receipt does not hold up scans or the payment terminal. Same function either way, same pixels.
      const doc = { kind: 'receipt', copy, intentId: null, mayHavePrinted: false } as const;
      const settings = deps.settings();
      // Without a logo of its own, posted at once (no tick): nothing is waited for.
      const pending = logos.forPrint(settings, width);
      const logo = pending ? await pending : undefined;
      return renderer.preview({ doc, receipt, settings, widthDots: width, ...(logo ? { logo } : {}) });
    },

    drawer: { openDrawer },

    async openDrawerForManager(reason: string): Promise<ManagerDrawerResult> {
      let outcome: ManagerDrawerResult['drawer'] = 'failed';
      let error: ErrorData | null = null;
      let detail = '';
      try {
        await openDrawer();
        outcome = 'opened';
      } catch (e) {
        error = errorDataOf(e);
        detail = detailOf(e);
      }
      write(() => journal.append('drawer.opened_without_sale', { reason, outcome, ...(error ? { error, detail } : {}) }));
      return { drawer: outcome, error };
    },

    async printDocument(blocks) {
      while (running) await running;
      try {
        const l = currentLink();
        const image = renderBlocks(deps.training ? withTrainingBlocks(blocks) : blocks, { width: l.profile.widthDots });
        const job = encodeImageJob(image, l.profile, l.readsStatus ? { bandRows: bandRowsForStatus(l.profile) } : {});
        const sent = await sendJob(l.transport, job, { watch: l.readsStatus });
        if (sent.status) setStatus({ transport: l.description, ...stateFromStatus(sent.status) });
        return { ok: true as const, bytes: sent.bytesSent };
      } catch (e) {
        setStatus({ transport: describeLink(), ...stateFromError(e) });
        return { ok: false as const, error: errorDataOf(e), detail: detailOf(e) };
      }
    },

    recoverInterrupted,

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      while (running) await running;
      const l = link;
      link = null;
      await l?.transport.close().catch(() => undefined);
      if (ownRenderer) await renderer.close().catch(() => undefined);
    },
  };
}
