export type { PrinterTransport, TimeoutOptions } from './types';
export { DEFAULT_TIMEOUTS } from './types';
export { createTcpTransport, type TcpTransportOptions } from './tcp';
export { createSerialTransport, type SerialTransportOptions } from './serial';
export { createUsbLpTransport, type UsbLpTransportOptions } from './usb-lp';
export { createWindowsShareTransport, isPrinterSharePath, type WindowsShareTransportOptions } from './windows-share';
export { createStreamTransport } from './stream';
export { queryStatus } from './status-query';
export { ByteReader } from './byte-reader';
