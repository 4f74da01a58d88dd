// A serial (RS-232 / USB-serial) terminal through serialport 13. The port is opened per request and closed after,
// like the TCP transport. SerialPort.list() is never called anywhere: it shells out to udevadm, which a locked-down
// till may not have; the path comes from settings.
import type { Duplex } from 'node:stream';
import { SerialPort } from 'serialport';
import type { Transport } from './transport';

export interface SerialTransportOptions {
  /** e.g. /dev/ttyUSB0, COM3, or a pseudo-terminal link in tests. */
  path: string;
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
}

/**
 * serialport's stream does not implement _destroy, so destroy() would leave the file descriptor open and the port
 * locked ("Cannot lock port" on the next open). Here destroy() really closes the port before 'close' is emitted.
 */
class ClosingSerialPort extends SerialPort {
  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    if (!this.isOpen) return done(error);
    this.close(() => done(error));
  }
}

/** Opens a serial port (or pty) as a Duplex whose destroy() closes it. Rejects if it cannot be opened. */
export function openSerialPort(options: SerialTransportOptions): Promise<Duplex> {
  return new Promise<Duplex>((resolve, reject) => {
    let port: ClosingSerialPort;
    try {
      port = new ClosingSerialPort({
        path: options.path,
        baudRate: options.baudRate,
        dataBits: options.dataBits ?? 8,
        parity: options.parity ?? 'none',
        stopBits: options.stopBits ?? 1,
        autoOpen: false,
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    port.on('error', () => {}); // observed through 'close' by the link
    port.open((err) => {
      if (err) reject(new Error(`cannot open ${options.path}: ${err.message}`));
      else resolve(port);
    });
  });
}

export function createSerialTransport(options: SerialTransportOptions): Transport {
  return {
    describe: () => `serial ${options.path} @ ${options.baudRate}`,
    open: () => openSerialPort(options),
  };
}
