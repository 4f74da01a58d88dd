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
// The control protocol, shutdown and exit codes are the other simulator CLIs' too: ../../sim-cli.
import { emit, exitWithUsage, readFlags, runCli, serveControl, shutdownOnSignals } from '../cli';
import { DEFAULT_SIM_KEY, startNexoSimulator, type NotificationTarget } from './simulator';

const USAGE = 'usage: nexo-provider-sim [--port N] [--poi-id ID] [--api-key KEY] [--key-id ID --key-version N --passphrase P] [--record FILE] [--notify URL --notify-user U --notify-password P]';

function usage(reason: string): never {
  exitWithUsage(reason, USAGE);
}

function parseArgs(argv: string[]) {
  const out: { port: number; poiId?: string; apiKey?: string; keyId?: string; keyVersion?: number; passphrase?: string; record?: string; notify?: string; user?: string; password?: string } = { port: 0 };
  readFlags(argv, usage, {
    '--port': (value) => {
      out.port = Number(value());
      if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) usage('bad port');
    },
    '--poi-id': (value) => { out.poiId = value(); },
    '--api-key': (value) => { out.apiKey = value(); },
    '--key-id': (value) => { out.keyId = value(); },
    '--key-version': (value) => {
      out.keyVersion = Number(value());
      if (!Number.isInteger(out.keyVersion)) usage('bad key version');
    },
    '--passphrase': (value) => { out.passphrase = value(); },
    '--record': (value) => { out.record = value(); },
    '--notify': (value) => { out.notify = value(); },
    '--notify-user': (value) => { out.user = value(); },
    '--notify-password': (value) => { out.password = value(); },
  });
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
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
  sim.subscribe(emit);
  const shutdown = shutdownOnSignals(() => sim.close());
  emit({ event: 'ready', baseUrl: sim.baseUrl, localUrl: sim.localUrl, port: sim.port, poiId: sim.poiId, caFile: sim.caFile });

  serveControl({
    scriptable: sim,
    record: () => sim.ledger,
    shutdown,
    commands: {
      // Where the async results go (url null: nowhere), e.g. a till's new listener after it restarted.
      'notify-to': (msg) => {
        const { url, username, password } = msg as { url?: string | null; username?: string; password?: string };
        sim.setNotificationTarget(target(url, username, password));
        emit({ event: 'notify-target', url: url ?? null });
      },
    },
  });
}

runCli('nexo-provider-sim', main);
