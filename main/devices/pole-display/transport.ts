// Where the pole's bytes go. Over serial (most poles, or a USB adapter showing up as a COM port) by path;
// the port is opened on the first write and again after it was lost, so a pole plugged back in simply
// shows the next line. SerialPort.list() is never called (it spawns udevadm on Linux; printing.md §6).
import { SerialPort } from 'serialport';
import { PoleDisplayError } from './errors';

export interface PoleTransport {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface SerialPoleOptions {
  path: string;
  /** CD5220 poles ship at 9600 8N1 [inferred: check the DIP switches]. */
  baudRate?: number;
  writeTimeoutMs?: number;
}

export function createSerialPoleTransport(options: SerialPoleOptions): PoleTransport {
  const where = `pole ${options.path}`;
  const writeTimeoutMs = options.writeTimeoutMs ?? 2000;
  let port: SerialPort | null = null;
  let closed = false;

  const open = (): Promise<SerialPort> => {
    if (closed) return Promise.reject(new PoleDisplayError('POLE_DISPLAY_CLOSED', where));
    if (port?.isOpen) return Promise.resolve(port);
    const p = new SerialPort({ path: options.path, baudRate: options.baudRate ?? 9600, autoOpen: false });
    return new Promise<SerialPort>((resolve, reject) =>
      p.open((err) => {
        if (err) return reject(new PoleDisplayError('POLE_DISPLAY_NOT_FOUND', `${where}: ${err.message}`));
        // A pulled adapter closes the port; the next write opens it again.
        p.on('close', () => {
          if (port === p) port = null;
        });
        p.on('error', () => undefined);
        port = p;
        resolve(p);
      }),
    );
  };

  return {
    write: async (bytes) => {
      const p = await open();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new PoleDisplayError('POLE_DISPLAY_TIMEOUT', where)), writeTimeoutMs);
        p.write(Buffer.from(bytes), (err) => {
          if (err) {
            clearTimeout(timer);
            return reject(new PoleDisplayError('POLE_DISPLAY_DISCONNECTED', `${where}: ${err.message}`));
          }
          p.drain((e) => {
            clearTimeout(timer);
            if (e) reject(new PoleDisplayError('POLE_DISPLAY_DISCONNECTED', `${where}: ${e.message}`));
            else resolve();
          });
        });
      });
    },
    close: async () => {
      closed = true;
      const p = port;
      port = null;
      if (p?.isOpen) await new Promise<void>((resolve) => p.close(() => resolve()));
    },
  };
}
