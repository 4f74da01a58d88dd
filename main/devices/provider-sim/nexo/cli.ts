// The nexo provider simulator as its own process, so the till can be restarted (or killed) while the provider
// keeps its ledger:
//   node nexo-provider-sim.cjs [--port N] [--poi-id ID] [--api-key KEY] [--key-id ID --key-version N --passphrase P]
//                              [--record FILE] [--notify URL --notify-user U --notify-password P]
// stdout is JSON lines (the same control protocol as the ECR simulator's cli.ts). First:
//   {"event":"ready","baseUrl":"https://127.0.0.1:N","localUrl":"https://127.0.0.1:N/nexo/","port":N,"poiId":…,
//    "caFile":"<the simulator CA, PEM>"}
// Then {"event":"request",…}, {"event":"transaction",…} and {"event":"notification",…} as they happen, and answers
// to control commands. stdin is the control channel, one JSON object per line:
//   {"cmd":"script","behaviours":[{…NexoBehaviour…}, …]}                → {"event":"scripted","pending":N}
//   {"cmd":"clear"}                                                      → {"event":"cleared"}
//   {"cmd":"record"}                                                     → {"event":"record","record":{transactions,paymentRequests,…}}
//   {"cmd":"notify-to","url":…,"username":…,"password":…} (url null = none) → {"event":"notify-target","url":…}
//   {"cmd":"quit"}                                                       → {"event":"bye"} and exit 0
// A malformed line gets {"event":"error","detail":…}. End of stdin or SIGTERM also shuts down.
import readline from 'node:readline';
import { DEFAULT_SIM_KEY, startNexoSimulator, type NotificationTarget } from './simulator';
import type { NexoBehaviour } from './types';

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: nexo-provider-sim [--port N] [--poi-id ID] [--api-key KEY] [--key-id ID --key-version N --passphrase P] [--record FILE] [--notify URL --notify-user U --notify-password P]\n`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const out: { port: number; poiId?: string; apiKey?: string; keyId?: string; keyVersion?: number; passphrase?: string; record?: string; notify?: string; user?: string; password?: string } = { port: 0 };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--port') {
      out.port = Number(value());
      if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) usage('bad port');
    } else if (a === '--poi-id') out.poiId = value();
    else if (a === '--api-key') out.apiKey = value();
    else if (a === '--key-id') out.keyId = value();
    else if (a === '--key-version') {
      out.keyVersion = Number(value());
      if (!Number.isInteger(out.keyVersion)) usage('bad key version');
    } else if (a === '--passphrase') out.passphrase = value();
    else if (a === '--record') out.record = value();
    else if (a === '--notify') out.notify = value();
    else if (a === '--notify-user') out.user = value();
    else if (a === '--notify-password') out.password = value();
    else usage(`unknown argument ${a}`);
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const emit = (obj: unknown) => process.stdout.write(`${JSON.stringify(obj)}\n`);
  const target = (url: string | null | undefined, username?: string, password?: string): NotificationTarget | null =>
    url ? { url, username: username ?? '', password: password ?? '' } : null;
  const sim = await startNexoSimulator({
    port: args.port,
    poiId: args.poiId,
    apiKey: args.apiKey,
    key: {
      keyIdentifier: args.keyId ?? DEFAULT_SIM_KEY.keyIdentifier,
      keyVersion: args.keyVersion ?? DEFAULT_SIM_KEY.keyVersion,
      passphrase: args.passphrase ?? DEFAULT_SIM_KEY.passphrase,
    },
    recordFile: args.record,
    notificationTarget: target(args.notify, args.user, args.password),
  });
  sim.subscribe((e) => emit(e));
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    await sim.close();
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGINT', () => void shutdown(0));
  emit({ event: 'ready', baseUrl: sim.baseUrl, localUrl: sim.localUrl, port: sim.port, poiId: sim.poiId, caFile: sim.caFile });

  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    try {
      const msg = JSON.parse(line) as { cmd?: string; behaviours?: NexoBehaviour[]; url?: string | null; username?: string; password?: string };
      switch (msg.cmd) {
        case 'script':
          if (!Array.isArray(msg.behaviours)) throw new Error('behaviours must be an array');
          sim.script(...msg.behaviours);
          emit({ event: 'scripted', pending: sim.pendingScript().length });
          break;
        case 'clear':
          sim.clearScript();
          emit({ event: 'cleared' });
          break;
        case 'record':
          emit({ event: 'record', record: sim.ledger });
          break;
        case 'notify-to':
          sim.setNotificationTarget(target(msg.url, msg.username, msg.password));
          emit({ event: 'notify-target', url: msg.url ?? null });
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
  process.stderr.write(`nexo-provider-sim: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
