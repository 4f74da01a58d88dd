// A simulated mada terminal speaking SkyBand ECR, for the demo default, training mode and tests. It can serve:
//   (a) in process: `transport()` returns a stream Transport for the till (demo default);
//   (b) TCP on 127.0.0.1: `listenTcp(port)` (0 = any free port);
//   (c) a pseudo-terminal: `servePty()` starts socat and serves one end; the till opens `tillPath` with the serial
//       transport; `servePath(path)` serves any serial-like path (e.g. a real null-modem port).
// Scripted behaviours go in a queue (`script(...)`); with none queued every transaction is approved (mada, PIN).
import net from 'node:net';
import type { Duplex } from 'node:stream';
import type { LrcMode } from '../../payments/ecr';
import { openSerialPort } from '../../payments/transport';
import { createStreamTransport } from '../../payments/transport';
import type { Transport } from '../../payments/transport';
import { createPtyPair, type PtyPair } from './pty';
import { Session, type SessionOptions } from './session';
import { SimulatedTerminal, type TerminalOptions } from './terminal';

export interface EcrSimulatorOptions extends TerminalOptions {
  /** LRC form the terminal sends (it accepts either). Default the SkyBand SDK's ASCII-hex form. */
  lrcMode?: LrcMode;
  /** ACK/NAK framing. Default off, as the SDK over TCP; some serial kits use it. */
  ackNak?: boolean;
  /** How long it waits for the till's ACK of an answer (default 2000 ms). */
  ackTimeoutMs?: number;
}

export interface EcrSimulator {
  readonly terminal: SimulatedTerminal;
  /** Serve any byte stream (one end of a pair, an accepted socket…). */
  attach(stream: Duplex, dropMode?: SessionOptions['dropMode']): void;
  /** Alias of attach() for a stream end (what the till's terminal factory calls). */
  serve(stream: Duplex): void;
  /** In-process transport for the till. */
  transport(): Transport;
  listenTcp(port?: number, host?: string): Promise<{ host: string; port: number }>;
  servePath(path: string, baudRate?: number): Promise<void>;
  servePty(): Promise<PtyPair>;
  close(): Promise<void>;
}

export function createEcrSimulator(options: EcrSimulatorOptions = {}): EcrSimulator {
  const terminal = new SimulatedTerminal(options);
  const sessionOptions = (dropMode: SessionOptions['dropMode']): SessionOptions => ({
    lrcMode: options.lrcMode ?? 'sdk-ascii-hex',
    ackNak: options.ackNak ?? false,
    ackTimeoutMs: options.ackTimeoutMs ?? 2000,
    maxAnswerCopies: 3,
    dropMode,
  });
  const servers: net.Server[] = [];
  const streams = new Set<Duplex>();
  const ptys: PtyPair[] = [];

  const attach = (stream: Duplex, dropMode: SessionOptions['dropMode'] = 'destroy') => {
    streams.add(stream);
    stream.once('close', () => streams.delete(stream));
    new Session(stream, terminal, sessionOptions(dropMode));
  };

  const servePath = async (path: string, baudRate = 115_200) => {
    attach(await openSerialPort({ path, baudRate }), 'silence');
  };

  return {
    terminal,
    attach,
    serve: (stream) => attach(stream),
    transport: () => createStreamTransport((end) => attach(end), 'ECR simulator'),
    listenTcp: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        const server = net.createServer((socket) => {
          socket.setNoDelay(true);
          attach(socket);
        });
        server.on('error', reject);
        server.listen(port, host, () => {
          servers.push(server);
          const address = server.address();
          resolve({ host, port: typeof address === 'object' && address ? address.port : port });
        });
      }),
    servePath,
    async servePty() {
      const pair = await createPtyPair();
      ptys.push(pair);
      try {
        await servePath(pair.terminalPath);
      } catch (err) {
        await pair.close();
        throw err;
      }
      return pair;
    },
    async close() {
      for (const s of streams) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
      await Promise.all(ptys.map((p) => p.close()));
    },
  };
}

/** The name the till's terminal factory (main/payments/terminal.ts) uses. */
export const createSimulatedTerminal = createEcrSimulator;
