export { createVirtualPrinter, type VirtualPrinter, type PrinterCommand } from './virtual-printer';
