// The virtual printer on raw TCP (port 9100 on a real printer; port 0 picks a free one for tests).
// Status answers go back on the connection that asked. `unplug()` drops every connection and refuses new
// ones (a pulled network cable / printer switched off); `plugIn()` listens again on the same port.
import net from 'node:net';
import type { PrinterSim } from './sim';

export interface SimTcpServer {
  readonly host: string;
  readonly port: number;
  unplug(): Promise<void>;
  plugIn(): Promise<void>;
  close(): Promise<void>;
}

export async function startSimTcpServer(sim: PrinterSim, options: { host?: string; port?: number } = {}): Promise<SimTcpServer> {
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<net.Socket>();

  const onConnection = (socket: net.Socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const reply = (bytes: Uint8Array) => {
      if (!socket.destroyed) socket.write(bytes);
    };
    // Back-pressure: while data is held offline and the buffer is full, stop reading, so the sender's
    // writes stall the way they do with a real printer.
    const resume = () => socket.resume();
    sim.on('backlog-drained', resume);
    socket.on('data', (chunk: Buffer) => {
      sim.feed(chunk, reply);
      if (sim.backlog() >= sim.bufferBytes) socket.pause();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      sim.off('backlog-drained', resume);
    });
  };

  let server = net.createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve((server.address() as net.AddressInfo).port));
    });
  const port = await listen(options.port ?? 0);
  let listening = true;

  const stop = async () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    if (listening) {
      listening = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };

  return {
    host,
    port,
    unplug: stop,
    plugIn: async () => {
      if (listening) return;
      server = net.createServer(onConnection);
      await listen(port);
      listening = true;
    },
    close: stop,
  };
}
