// TCP to a terminal's ECR port. One connection per request (the SkyBand iOS client reconnects the same way), so a
// half-dead socket from an earlier request can never swallow the next one.
import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { Transport } from './transport';

export interface TcpTransportOptions {
  host: string;
  port: number;
  /** Give up connecting after this long (default 5 s). */
  connectTimeoutMs?: number;
}

export function createTcpTransport(options: TcpTransportOptions): Transport {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
  return {
    describe: () => `tcp ${options.host}:${options.port}`,
    open: () =>
      new Promise<Duplex>((resolve, reject) => {
        const socket = net.connect({ host: options.host, port: options.port });
        socket.on('error', () => {}); // observed through 'close' by the link; must never be an uncaught error
        const timer = setTimeout(() => {
          socket.destroy();
          reject(new Error(`connect to ${options.host}:${options.port} timed out after ${connectTimeoutMs} ms`));
        }, connectTimeoutMs);
        socket.once('connect', () => {
          clearTimeout(timer);
          socket.setNoDelay(true);
          resolve(socket);
        });
        socket.once('close', () => {
          clearTimeout(timer);
          reject(new Error(`connect to ${options.host}:${options.port} failed`)); // no-op once resolved
        });
      }),
  };
}
