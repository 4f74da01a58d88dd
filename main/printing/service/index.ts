// Receipt printing as a till service: the durable print queue (print_jobs, journaled), its single worker,
// reprints and retries, printer status, the receipt preview and the cash drawer, over whatever link the
// settings name (virtual printer, TCP 9100, serial, USB printer class, Windows share).
//
// Loads native modules (canvas for rendering, serialport for serial printers), like ../native.
export { createPrintService } from './service';
export type { PrintService, PrintServiceDeps, ReceiptImage, ManagerDrawerResult, PrinterStatusReport, VirtualPrinterDevice } from './types';
export { PrintServiceError, printServiceErrorCatalog, printServiceErrorData, type PrintServiceErrorCode } from './errors';
export { resolveProfile } from './profile';
export { NO_CASHIER, refundReceiptBlocks } from './render-job';
export { printJobsProjection } from './projection';
