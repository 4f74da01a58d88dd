// The print service's public shape: what main/app wires in and what handlers call.
import type { DrawerOutcome, ErrorData, PrinterStatus, PrintJob, Receipt } from '../../../preload/contract';
import type { Db } from '../../db';
import type { Journal } from '../../ledger';
import type { PrinterSettings, TillSettings } from '../../settings';
import type { ReceiptPrinter } from '../printer';
import type { PrinterTransport, TimeoutOptions } from '../transport/types';
import type { Block, ReceiptCopy } from '../layout';
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
  /** A training till (docs/training.md): documents printed from blocks (refunds, the Z) carry the watermark bar. */
  training?: boolean;
  newId?: () => string;
  /** Tests: the transport to use for the configured printer instead of the one its settings name. */
  openLink?: (printer: PrinterSettings) => PrinterTransport;
  /** Connect / write / status timeouts for the real links (defaults: 3 s, 10 s, 1 s). */
  timeouts?: TimeoutOptions;
  /**
   * The virtual printer behind a `simulator` link (demo, training), for a paper width. Handed in by the
   * composition root so printing never builds a simulator; without it a `simulator` link fails like an
   * unknown device. The caller decides whether a width change gives a new one.
   */
  virtualPrinter?: (widthDots: number) => VirtualPrinterDevice;
  log?: { warn(message: string, detail?: unknown): void };
  /**
   * Where jobs are rendered and encoded: 'auto' (default) the print worker thread when running from the
   * built bundles, else in-process (rule in ../worker/client.ts); 'worker' / 'in-process' to force one; or a
   * renderer the caller owns (and closes).
   */
  renderer?: RendererChoice | JobRenderer;
}

/**
 * A virtual ESC/POS printer in this process: it takes the bytes a real one would and answers status queries
 * (DLE EOT) through `reply`, so the demo till prints, and shows paper-out, exactly as over a real link.
 */
export interface VirtualPrinterDevice {
  readonly widthDots: number;
  feed(bytes: Uint8Array, reply?: (bytes: Uint8Array) => void): void;
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
  /**
   * Prints a document that is not a sale's (the commissioning test page and report) straight to the printer,
   * after the queue has drained, watching its status like a job; cut at the end. Not queued and not journaled
   * here: the caller records the outcome. Rendered in this thread (an admin's action, never mid-sale).
   */
  printDocument(blocks: readonly Block[]): Promise<{ ok: true; bytes: number } | { ok: false; error: ErrorData; detail: string }>;
  /** Start-up: jobs a previous run left queued or printing become failed ("interrupted"); never auto-printed. */
  recoverInterrupted(): PrintJob[];
  close(): Promise<void>;
}

export type { PrinterStatusReport, ReceiptImage };
