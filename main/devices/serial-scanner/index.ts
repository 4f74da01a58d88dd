// A barcode scanner on a serial / USB-CDC port, alongside the keyboard wedge.
export { createSerialScanner, type SerialScanner, type SerialScannerOptions } from './scanner';
export { ScannerError, scannerErrorCatalog, type ScannerErrorCode } from './errors';
export { cleanCode } from './lines';
