// The ECR simulator as its own process, so the till can be restarted (or killed) while the terminal keeps its
// record:   node ecr-simulator.cjs (--tcp PORT | --pty) [--lrc sdk-ascii-hex|xor] [--ack-nak | --no-ack-nak]
//                                   [--record FILE] [--verify-signature]
// stdout is JSON lines. First: {"event":"ready","transport":"tcp","host":"127.0.0.1","port":N}
//                          or  {"event":"ready","transport":"pty","path":"<the end the till opens>"}.
// Then {"event":"request",…} and {"event":"transaction",…} as they happen, and answers to control commands.
// stdin is the control channel, one JSON object per line:
//   {"cmd":"script","behaviours":[{…Behaviour…}, …]}  → {"event":"scripted","pending":N}
//   {"cmd":"clear"}                                   → {"event":"cleared"}
//   {"cmd":"record"}                                  → {"event":"record","record":{transactions,purchaseFrames,…}}
//   {"cmd":"keyed","amountHalalas":N,"card":"mada"}   → {"event":"keyed","transaction":{…}}: a purchase keyed on
//                                                       the terminal by hand, which the till never hears of
//   {"cmd":"quit"}                                    → {"event":"bye"} and exit 0
// A malformed line gets {"event":"error","detail":…}. End of stdin or SIGTERM also shuts down (socat included).
// The control protocol, shutdown and exit codes are the other simulator CLIs' too: ../sim-cli.
import { sha256Signature } from '../../payments/ecr';
import { emit, exitWithUsage, readFlags, runCli, serveControl, shutdownOnSignals } from '../cli';
import { createEcrSimulator } from './simulator';
import { SIM_CARDS, type SimCard } from './types';

// Defaults are the SkyBand SDK's (ASCII-hex LRC, no ACK/NAK), how the real device behaves over TCP.
const USAGE = 'usage: ecr-simulator (--tcp PORT | --pty) [--lrc sdk-ascii-hex|xor] [--ack-nak | --no-ack-nak] [--record FILE] [--verify-signature]';

// A function declaration with `never`, so TypeScript knows nothing runs after usage(…): `out.lrc = v` relies on it.
function usage(reason: string): never {
  exitWithUsage(reason, USAGE);
}

function parseArgs(argv: string[]) {
  const out: { tcp?: number; pty: boolean; lrc: 'xor' | 'sdk-ascii-hex'; ackNak: boolean; record?: string; verify: boolean } = {
    pty: false,
    lrc: 'sdk-ascii-hex',
    ackNak: false,
    verify: false,
  };
  readFlags(argv, usage, {
    '--tcp': (value) => {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) usage('bad port');
      out.tcp = port;
    },
    '--pty': () => { out.pty = true; },
    '--lrc': (value) => {
      const v = value();
      if (v !== 'xor' && v !== 'sdk-ascii-hex') usage('bad --lrc');
      out.lrc = v;
    },
    '--ack-nak': () => { out.ackNak = true; },
    '--no-ack-nak': () => { out.ackNak = false; },
    '--record': (value) => { out.record = value(); },
    '--verify-signature': () => { out.verify = true; },
  });
  if ((out.tcp === undefined) === !out.pty) usage('give exactly one of --tcp PORT or --pty');
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const sim = createEcrSimulator({
    lrcMode: args.lrc,
    ackNak: args.ackNak,
    recordFile: args.record,
    verifySignature: args.verify ? sha256Signature : undefined,
  });
  sim.terminal.subscribe(emit);
  const shutdown = shutdownOnSignals(() => sim.close());

  if (args.tcp !== undefined) {
    const { host, port } = await sim.listenTcp(args.tcp);
    emit({ event: 'ready', transport: 'tcp', host, port });
  } else {
    const pair = await sim.servePty();
    pair.socat.once('exit', () => emit({ event: 'pty-closed' }));
    emit({ event: 'ready', transport: 'pty', path: pair.tillPath });
  }

  serveControl({
    scriptable: sim.terminal,
    record: () => sim.terminal.record,
    shutdown,
    commands: {
      keyed: (msg) => {
        const card = msg.card ?? 'mada';
        if (!SIM_CARDS.includes(card as SimCard)) throw new Error(`keyed: card must be one of ${SIM_CARDS.join(', ')}`);
        emit({ event: 'keyed', transaction: sim.terminal.keyedPurchase(Number(msg.amountHalalas), card as SimCard) });
      },
    },
  });
}

runCli('ecr-simulator', main);
