// Real peripherals other than the printer and the terminals: the CD5220 pole display and the serial barcode
// scanner. Their simulators live in main/sim, like every simulator.
export { createPoleDisplay, createSerialPoleTransport, type PoleDisplay, type PoleTransport } from './pole-display';
export { createSerialScanner, type SerialScanner, type SerialScannerOptions } from './serial-scanner';
