// The ECR simulator as its own process, so the till can be restarted (or killed) while the terminal keeps its
// record:   node ecr-simulator.cjs (--tcp PORT | --pty) [--lrc xor|sdk-ascii-hex] [--no-ack-nak]
//                                   [--record FILE] [--verify-signature]
// stdout is JSON lines. First: {"event":"ready","transport":"tcp","host":"127.0.0.1","port":N}
//                          or  {"event":"ready","transport":"pty","path":"<the end the till opens>"}.
// Then {"event":"request",…} and {"event":"transaction",…} as they happen, and answers to control commands.
// stdin is the control channel, one JSON object per line:
//   {"cmd":"script","behaviours":[{…Behaviour…}, …]}  → {"event":"scripted","pending":N}
//   {"cmd":"clear"}                                   → {"event":"cleared"}
//   {"cmd":"record"}                                  → {"event":"record","record":{transactions,purchaseFrames,…}}
//   {"cmd":"quit"}                                    → {"event":"bye"} and exit 0
// A malformed line gets {"event":"error","detail":…}. End of stdin or SIGTERM also shuts down (socat included).
import readline from 'node:readline';
import { sha256Signature } from '../../payments/ecr/signature';
import { createEcrSimulator } from './simulator';
import type { Behaviour } from './types';

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: ecr-simulator (--tcp PORT | --pty) [--lrc xor|sdk-ascii-hex] [--no-ack-nak] [--record FILE] [--verify-signature]\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const out: { tcp?: number; pty: boolean; lrc: 'xor' | 'sdk-ascii-hex'; ackNak: boolean; record?: string; verify: boolean } = {
    pty: false,
    lrc: 'xor',
    ackNak: true,
    verify: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--tcp') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) usage('bad port');
      out.tcp = port;
    } else if (a === '--pty') out.pty = true;
    else if (a === '--lrc') {
      const v = value();
      if (v !== 'xor' && v !== 'sdk-ascii-hex') usage('bad --lrc');
      out.lrc = v;
    } else if (a === '--no-ack-nak') out.ackNak = false;
    else if (a === '--record') out.record = value();
    else if (a === '--verify-signature') out.verify = true;
    else usage(`unknown argument ${a}`);
  }
  if ((out.tcp === undefined) === !out.pty) usage('give exactly one of --tcp PORT or --pty');
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const emit = (obj: unknown) => process.stdout.write(`${JSON.stringify(obj)}\n`);
  const sim = createEcrSimulator({
    lrcMode: args.lrc,
    ackNak: args.ackNak,
    recordFile: args.record,
    verifySignature: args.verify ? sha256Signature : undefined,
  });
  sim.terminal.subscribe((e) => emit(e));
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    await sim.close();
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGINT', () => void shutdown(0));

  if (args.tcp !== undefined) {
    const { host, port } = await sim.listenTcp(args.tcp);
    emit({ event: 'ready', transport: 'tcp', host, port });
  } else {
    const pair = await sim.servePty();
    pair.socat.once('exit', () => emit({ event: 'pty-closed' }));
    emit({ event: 'ready', transport: 'pty', path: pair.tillPath });
  }

  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    try {
      const msg = JSON.parse(line) as { cmd?: string; behaviours?: Behaviour[] };
      switch (msg.cmd) {
        case 'script':
          if (!Array.isArray(msg.behaviours)) throw new Error('behaviours must be an array');
          sim.terminal.script(...msg.behaviours);
          emit({ event: 'scripted', pending: sim.terminal.pendingScript().length });
          break;
        case 'clear':
          sim.terminal.clearScript();
          emit({ event: 'cleared' });
          break;
        case 'record':
          emit({ event: 'record', record: sim.terminal.record });
          break;
        case 'quit':
          emit({ event: 'bye' });
          void shutdown(0);
          break;
        default:
          throw new Error(`unknown cmd ${JSON.stringify(msg.cmd)}`);
      }
    } catch (err) {
      emit({ event: 'error', detail: err instanceof Error ? err.message : String(err) });
    }
  });
  lines.on('close', () => void shutdown(0));
}

main().catch((err: unknown) => {
  process.stderr.write(`ecr-simulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
