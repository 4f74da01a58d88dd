export type { Transport } from './transport';
export { createTcpTransport, type TcpTransportOptions } from './tcp';
export { createSerialTransport, openSerialPort, type SerialTransportOptions } from './serial';
export { createStreamPair, createStreamTransport } from './stream';
