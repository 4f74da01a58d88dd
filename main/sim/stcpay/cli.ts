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
// The control protocol, shutdown and exit codes are the other simulator CLIs' too: ../../sim-cli.
import fs from 'node:fs';
import { spkiPin } from '../../payments/stcpay';
import { emit, exitWithUsage, readFlags, runCli, serveControl, shutdownOnSignals } from '../cli';
import { generateSimulatorPki } from './pki';
import { createStcPaySimulator } from './simulator';

const USAGE = 'usage: stcpay-simulator [--port N] [--pki-dir DIR] [--client-code CODE] [--otp-expiry SECONDS] [--timeout-otp-delay MS] [--tls-max 1.2|1.3] [--record FILE]';

function usage(reason: string): never {
  exitWithUsage(reason, USAGE);
}

function parseArgs(argv: string[]) {
  const out: { port: number; pkiDir?: string; clientCode?: string; otpExpiry?: number; timeoutOtpDelay?: number; tlsMax?: 'TLSv1.2' | 'TLSv1.3'; record?: string } = { port: 0 };
  const int = (v: string, name: string, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > max) usage(`bad ${name}`);
    return n;
  };
  readFlags(argv, usage, {
    '--port': (value) => { out.port = int(value(), '--port', 65535); },
    '--pki-dir': (value) => { out.pkiDir = value(); },
    '--client-code': (value) => { out.clientCode = value(); },
    '--otp-expiry': (value) => { out.otpExpiry = int(value(), '--otp-expiry', 86_400); },
    '--timeout-otp-delay': (value) => { out.timeoutOtpDelay = int(value(), '--timeout-otp-delay', 3_600_000); },
    '--tls-max': (value) => {
      const v = value();
      if (v !== '1.2' && v !== '1.3') usage('bad --tls-max');
      out.tlsMax = v === '1.2' ? 'TLSv1.2' : 'TLSv1.3';
    },
    '--record': (value) => { out.record = value(); },
  });
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pki = await generateSimulatorPki(args.pkiDir ? { dir: args.pkiDir } : {});
  const sim = await createStcPaySimulator({
    pki,
    clientCode: args.clientCode,
    otpExpirySeconds: args.otpExpiry,
    timeoutOtpDelayMs: args.timeoutOtpDelay,
    tlsMaxVersion: args.tlsMax,
    recordFile: args.record,
  });
  sim.subscribe(emit);
  // Closing also removes the simulator's temp certificates (the ready line handed their paths out).
  const shutdown = shutdownOnSignals(async () => {
    await sim.close();
    pki.remove();
  });

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

  serveControl({ scriptable: sim, record: () => sim.ledger(), shutdown });
}

runCli('stcpay-simulator', main);
