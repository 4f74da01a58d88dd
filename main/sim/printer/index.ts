// The virtual ESC/POS printer: demo mode, training mode, UI preview and tests.
export { createPrinterSim, type PrinterSim, type PrinterSimOptions, type PrintedReceipt } from './sim';
export { startSimTcpServer, type SimTcpServer } from './tcp-server';
export { startSimPty, type SimPty } from './pty';
export { StreamDecoder, decodeOne } from './decoder';
export type { PrinterCommand, Decoded } from './commands';
export { createVirtualPrinter, type VirtualPrinter } from './virtual-printer';
