// The STC Pay simulator as its own process, so a till can be restarted (or killed) while "STC Pay" keeps its
// ledger:   node stcpay-simulator.cjs [--port N] [--pki-dir DIR] [--client-code CODE] [--otp-expiry SECONDS]
//                                     [--timeout-otp-delay MS] [--tls-max 1.2|1.3] [--record FILE]
// stdout is JSON lines. First:
//   {"event":"ready","transport":"https","host":"127.0.0.1","port":N,"baseUrl":…,"clientCode":…,
//    "caFile":…,"clientCaFile":…,"clientP12File":…,"foreignP12File":…,"passphrase":…,"serverPin":…}
// — everything a till needs to be configured against it (the passphrase is the simulator's own, made up at
// start; it protects nothing real). Then {"event":"request",…} and {"event":"transaction",…} as they happen.
// stdin is the control channel, one JSON object per line (as main/devices/ecr-simulator/cli.ts):
//   {"cmd":"script","behaviours":[{…SimBehaviour…}, …]} → {"event":"scripted","pending":N}
//   {"cmd":"clear"}                                     → {"event":"cleared"}
//   {"cmd":"record"}                                    → {"event":"record","record":{payments,authorizeRequests}}
//   {"cmd":"quit"}                                      → {"event":"bye"} and exit 0
// A malformed line gets {"event":"error","detail":…}. End of stdin or SIGTERM also shuts down.
import fs from 'node:fs';
import readline from 'node:readline';
import { spkiPin } from '../../../payments/stcpay/tls';
import { generateSimulatorPki } from './pki';
import { createStcPaySimulator } from './simulator';
import type { SimBehaviour } from './types';

const USAGE = 'usage: stcpay-simulator [--port N] [--pki-dir DIR] [--client-code CODE] [--otp-expiry SECONDS] [--timeout-otp-delay MS] [--tls-max 1.2|1.3] [--record FILE]';

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const out: { port: number; pkiDir?: string; clientCode?: string; otpExpiry?: number; timeoutOtpDelay?: number; tlsMax?: 'TLSv1.2' | 'TLSv1.3'; record?: string } = { port: 0 };
  const int = (v: string, name: string, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > max) usage(`bad ${name}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--port') out.port = int(value(), '--port', 65535);
    else if (a === '--pki-dir') out.pkiDir = value();
    else if (a === '--client-code') out.clientCode = value();
    else if (a === '--otp-expiry') out.otpExpiry = int(value(), '--otp-expiry', 86_400);
    else if (a === '--timeout-otp-delay') out.timeoutOtpDelay = int(value(), '--timeout-otp-delay', 3_600_000);
    else if (a === '--tls-max') {
      const v = value();
      if (v !== '1.2' && v !== '1.3') usage('bad --tls-max');
      out.tlsMax = v === '1.2' ? 'TLSv1.2' : 'TLSv1.3';
    } else if (a === '--record') out.record = value();
    else usage(`unknown argument ${a}`);
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const emit = (obj: unknown) => process.stdout.write(`${JSON.stringify(obj)}\n`);
  const pki = await generateSimulatorPki(args.pkiDir ? { dir: args.pkiDir } : {});
  const sim = await createStcPaySimulator({
    pki,
    clientCode: args.clientCode,
    otpExpirySeconds: args.otpExpiry,
    timeoutOtpDelayMs: args.timeoutOtpDelay,
    tlsMaxVersion: args.tlsMax,
    recordFile: args.record,
  });
  sim.subscribe((e) => emit(e));
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    await sim.close();
    pki.remove();
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGINT', () => void shutdown(0));

  const { host, port, baseUrl } = await sim.listen(args.port);
  emit({
    event: 'ready',
    transport: 'https',
    host,
    port,
    baseUrl,
    clientCode: sim.clientCode,
    caFile: pki.caFile,
    clientCaFile: pki.clientCaFile,
    clientP12File: pki.clientP12File,
    foreignP12File: pki.foreignP12File,
    passphrase: pki.passphrase,
    serverPin: spkiPin(fs.readFileSync(pki.serverCertFile)),
  });

  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    try {
      const msg = JSON.parse(line) as { cmd?: string; behaviours?: SimBehaviour[] };
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
          emit({ event: 'record', record: sim.ledger() });
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
  process.stderr.write(`stcpay-simulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
