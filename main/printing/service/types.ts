// The print service's public shape: what main/app wires in and what handlers call.
import type { DrawerOutcome, ErrorData, PrinterStatus, PrintJob, Receipt } from '../../../preload/contract';
import type { Db } from '../../db';
import type { PrintedReceipt, PrinterSim, PrinterSimOptions } from '../../devices/printer-sim';
import type { Journal } from '../../ledger';
import type { PrinterSettings, TillSettings } from '../../settings';
import type { ReceiptPrinter } from '../printer';
import type { PrinterTransport, TimeoutOptions } from '../transport/types';
import type { ReceiptCopy } from '../layout';
import type { JobRenderer, ReceiptImage, RendererChoice } from '../worker';
import type { PrinterStatusReport } from './status-map';

export interface PrintServiceDeps {
  db: Db;
  journal: Journal;
  settings: () => TillSettings;
  /** A completed sale's receipt as stored (checkout.receipt); throws TillError RECEIPT_UNKNOWN. */
  receipt: (receiptNo: string) => Receipt;
  emitJobs: (jobs: PrintJob[]) => void;
  /** Gets a PrinterStatusReport (a PrinterStatus plus `error`). */
  emitStatus: (status: PrinterStatus) => void;
  now?: () => Date;
  newId?: () => string;
  /** Tests: the transport to use for the configured printer instead of the one its settings name. */
  openLink?: (printer: PrinterSettings) => PrinterTransport;
  /** Connect / write / status timeouts for the real links (defaults: 3 s, 10 s, 1 s). */
  timeouts?: TimeoutOptions;
  /** Options for the in-process virtual printer behind `simulator` links (e.g. outputDir for PNGs). */
  simulator?: Omit<PrinterSimOptions, 'widthDots'>;
  log?: { warn(message: string, detail?: unknown): void };
  /**
   * Where jobs are rendered and encoded: 'auto' (default) the print worker thread when running from the
   * built bundles, else in-process (rule in ../worker/client.ts); 'worker' / 'in-process' to force one; or a
   * renderer the caller owns (and closes).
   */
  renderer?: RendererChoice | JobRenderer;
}

export interface ManagerDrawerResult {
  drawer: Exclude<DrawerOutcome, 'not_needed'>;
  error: ErrorData | null;
}

export interface PrintService {
  /** Inside the sale-completion transaction: journals print.queued and queues the receipt and card slips. */
  enqueueSaleInTx(receipt: Receipt): void;
  /** After the commit: starts the worker (one job at a time, in order). Safe to call any time. */
  kick(): void;
  /** Resolves when the worker has nothing left to do (tests, shutdown). */
  idle(): Promise<void>;
  /** Prints a failed job again; as a COPY if any of it may already be on paper. */
  retry(jobId: string): PrintJob;
  /** A queued or failed job will not be printed. */
  cancel(jobId: string): PrintJob;
  /** A new job printing the receipt again, marked نسخة / COPY. */
  reprint(receiptNo: string): PrintJob;
  /** The visible queue: failed first, then newest; at most 50. */
  list(): PrintJob[];
  /** Asks the printer now (DLE EOT) where the link and model can answer; emits and returns the result. */
  status(): Promise<PrinterStatusReport>;
  /** The last status learned (from a job or a query), without asking. */
  lastStatus(): PrinterStatusReport;
  /**
   * The receipt rendered exactly as the configured printer would print it: in the print worker thread
   * where jobs render (else in-process), hence a promise. Rejects RECEIPT_UNKNOWN; PRINT_RENDER_FAILED if
   * the worker is lost mid-render.
   */
  receiptImage(receiptNo: string, copy?: ReceiptCopy): Promise<ReceiptImage>;
  /** The cash drawer wired to the printer: the profile's 5-byte pulse through the same link. */
  drawer: ReceiptPrinter;
  /** "No sale": opens the drawer and journals drawer.opened_without_sale (the caller checks the manager PIN). */
  openDrawerForManager(reason: string): Promise<ManagerDrawerResult>;
  /** Start-up: jobs a previous run left queued or printing become failed ("interrupted"); never auto-printed. */
  recoverInterrupted(): PrintJob[];
  /** The in-process virtual printer when the printer is the simulator (flip paper-out for a demo). */
  simulator(): PrinterSim | null;
  /** What the virtual printer printed, oldest first (image.toPng() for a PNG). */
  simulatorImages(): PrintedReceipt[];
  close(): Promise<void>;
}

export type { PrinterStatusReport, ReceiptImage };
