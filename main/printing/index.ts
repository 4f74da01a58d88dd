// Receipt printing: layout (what to print) → render (one 1-bit image, Arabic shaped RTL) → ESC/POS
// encoding (raster or column image, cut, drawer) → transport (TCP, serial, USB, Windows share).
//
// This index loads no native module, so everything importing it (main/app, main/checkout) bundles as
// before. The parts that load native code — the canvas renderer (@napi-rs/canvas) and the serial
// transport (serialport) — are exported from ./native; a bundle that uses them must keep those two
// packages external (esbuild `external`) and unpack their .node files from the asar.
export { createEscPosPrinter, type ReceiptPrinter, type EscPosPrinter, type EscPosPrinterOptions } from './printer';
export { drawerPulse, DEFAULT_PULSE, INIT, type DrawerPulse } from './escpos';
export * as escpos from './escpos';
export type { MonoImage, PrinterStatus, PrinterProblem, JobOptions, EncodedJob } from './escpos';
export { encodeImageJob, decodeStatus, blockingProblems } from './escpos';
export { PROFILES, profileByName, bandRowsForStatus, DEFAULT_PROFILE_ID, type PrinterProfile } from './profiles';
export { PrinterError, isPrinterError, printerErrorCatalog, type PrinterErrorCode } from './errors';
export { sendJob, type SendResult, type SendOptions } from './print-job';
export {
  layoutReceipt,
  layoutCardSlip,
  refundSlips,
  cardSlipFromTender,
  hasCardSlip,
  isStcPay,
  formatHalalas,
  riyadhDateTime,
  safePan,
  type Block,
  type CardSlip,
  type RefundSlip,
  type ReceiptLayoutInput,
  type CardSlipInput,
  type ReceiptCopy,
  type SlipCopy,
  type ShopInfo,
} from './layout';
export { MonoBitmap } from './render/bitmap';
export { TRAINING_MARK, TRAINING_PREFIX, isTrainingNumber, stampTraining, trainingBar } from './render/training-stamp';
export { encodeMonoPng, decodeMonoPng } from './render/png';
export type { PrinterTransport, TimeoutOptions } from './transport/types';
export { createTcpTransport, type TcpTransportOptions } from './transport/tcp';
export { createUsbLpTransport, type UsbLpTransportOptions } from './transport/usb-lp';
export { createWindowsShareTransport, isPrinterSharePath, type WindowsShareTransportOptions } from './transport/windows-share';
export { createStreamTransport } from './transport/stream';
