// Printers for the print-service tests: the virtual printer on a real loopback TCP socket, a raw fake that
// answers DLE EOT with fixed bytes, and one that accepts a connection and never answers (a hung printer).
import net from 'node:net';
import { createPrinterSim, startSimTcpServer, type PrinterSim, type SimTcpServer } from '../../../main/sim/printer';
import { MonoBitmap } from '../../../main/printing/render/bitmap';
import type { PrinterSettings } from '../../../main/settings';

export interface TcpPrinter {
  sim: PrinterSim;
  server: SimTcpServer;
  settings: PrinterSettings;
  close(): Promise<void>;
}

export async function tcpPrinter(profile = 'epson-tm-t88', widthDots = 576): Promise<TcpPrinter> {
  const sim = createPrinterSim({ widthDots });
  const server = await startSimTcpServer(sim);
  return { sim, server, settings: { profile, link: { kind: 'tcp', host: server.host, port: server.port } }, close: () => server.close() };
}

/** A printer that answers DLE EOT n with `answers[n]` and swallows everything else. */
export async function rawStatusPrinter(answers: Record<number, number>): Promise<{ port: number; close(): Promise<void> }> {
  return listen((socket) => {
    let pending: number[] = [];
    socket.on('data', (chunk: Buffer) => {
      pending.push(...chunk);
      for (let i = 0; i + 2 < pending.length; i++) {
        if (pending[i] === 0x10 && pending[i + 1] === 0x04) {
          const b = answers[pending[i + 2]!];
          if (b !== undefined) socket.write(Uint8Array.of(b));
          pending = pending.slice(i + 3);
          i = -1;
        }
      }
      if (pending.length > 64) pending = pending.slice(-2);
    });
  });
}

/** Accepts the connection, reads everything, answers nothing: the worker waits on its status query. */
export function hungPrinter(): Promise<{ port: number; close(): Promise<void> }> {
  return listen((socket) => socket.resume());
}

async function listen(onSocket: (s: net.Socket) => void): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
    onSocket(s);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A `data:image/png;base64,…` URL back to a bitmap. */
export function fromDataUrl(url: string): MonoBitmap {
  const prefix = 'data:image/png;base64,';
  if (!url.startsWith(prefix)) throw new Error('not a PNG data URL');
  return MonoBitmap.fromPng(Buffer.from(url.slice(prefix.length), 'base64'));
}

/** The top `height` rows (a printed receipt has white feed rows below the image). */
export function top(image: MonoBitmap, height: number): MonoBitmap {
  return new MonoBitmap(image.width, height, image.data.slice(0, image.rowBytes * height));
}

export async function until(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
