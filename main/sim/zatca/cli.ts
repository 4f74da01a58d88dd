// The ZATCA platform simulator as its own process, so a till can be killed and restarted while "FATOORA" keeps
// what it received:
//   node zatca-simulator.cjs [--port N] [--otp CODE]… [--out-of-order] [--no-compliance-checks]
//                            [--certificate-days N] [--record FILE]
// stdout is JSON lines. First:
//   {"event":"ready","transport":"https","host":"127.0.0.1","port":N,"baseUrl":…,"caFile":…,"einvoiceCaFile":…,"otps":[…]}
// — caFile is the TLS CA a till must trust (and trust alone) for the simulator; both files are removed on exit.
// Then {"event":"request"|"csid"|"document",…} as they happen. stdin is the control channel (../cli):
//   {"cmd":"script","behaviours":[{…ZatcaFault…}, …]} → {"event":"scripted","pending":N} (the shared loop's word)
//   {"cmd":"clear"} → {"event":"cleared"} · {"cmd":"record"} → {"event":"record","record":{requests,csids,documents}}
//   {"cmd":"adopt","certificate":…,"kind"?,"secret"?,"chain"?:{icv,hash}} → {"event":"adopted","binarySecurityToken","secret","egs","requestId"}
//   {"cmd":"continue-chain","egs":…,"icv":N,"hash":…} → {"event":"chain-continued"}
//   {"cmd":"quit"} → {"event":"bye"} and exit 0
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emit, exitWithUsage, readFlags, runCli, serveControl, shutdownOnSignals, type ControlMessage } from '../cli';
import { startZatcaSimulator } from './simulator';
import type { SimCsid, ZatcaFault } from './types';

const USAGE = 'usage: zatca-simulator [--port N] [--otp CODE]… [--out-of-order] [--no-compliance-checks] [--certificate-days N] [--record FILE]';

function usage(reason: string): never {
  exitWithUsage(reason, USAGE);
}

function parseArgs(argv: string[]) {
  const out: { port: number; otps: string[]; outOfOrder: boolean; complianceChecks: boolean; certificateDays?: number; record?: string } = {
    port: 0,
    otps: [],
    outOfOrder: false,
    complianceChecks: true,
  };
  const int = (v: string, name: string, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > max) usage(`bad ${name}`);
    return n;
  };
  // Flags without a value: readFlags hands every handler a value reader, which these simply do not call.
  readFlags(argv, usage, {
    '--port': (value) => { out.port = int(value(), '--port', 65535); },
    '--otp': (value) => {
      const v = value();
      if (!/^\d{4,12}$/.test(v)) usage('bad --otp (digits)');
      out.otps.push(v);
    },
    '--out-of-order': () => { out.outOfOrder = true; },
    '--no-compliance-checks': () => { out.complianceChecks = false; },
    '--certificate-days': (value) => { out.certificateDays = int(value(), '--certificate-days', 36_500); },
    '--record': (value) => { out.record = value(); },
  });
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const sim = await startZatcaSimulator({
    port: args.port,
    ...(args.otps.length > 0 ? { otps: args.otps } : {}),
    outOfOrder: args.outOfOrder,
    requireComplianceChecks: args.complianceChecks,
    ...(args.certificateDays !== undefined ? { certificateDays: args.certificateDays } : {}),
    ...(args.record ? { recordFile: args.record } : {}),
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-zatca-sim-'));
  const caFile = path.join(dir, 'ca.pem');
  const einvoiceCaFile = path.join(dir, 'einvoice-ca.pem');
  fs.writeFileSync(caFile, sim.caPem);
  fs.writeFileSync(einvoiceCaFile, sim.einvoiceCaPem);
  sim.subscribe(emit);
  const shutdown = shutdownOnSignals(async () => {
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  emit({ event: 'ready', transport: 'https', host: '127.0.0.1', port: sim.port, baseUrl: sim.baseUrl, caFile, einvoiceCaFile, otps: sim.otps });

  serveControl<ZatcaFault>({
    scriptable: sim,
    record: () => sim.record(),
    shutdown,
    commands: {
      adopt: (msg: ControlMessage) => {
        if (typeof msg.certificate !== 'string') throw new Error('adopt needs certificate (Base64 DER)');
        const chain = msg.chain as { icv?: unknown; hash?: unknown } | undefined;
        const credentials = sim.adoptCsid({
          certificate: msg.certificate,
          ...(msg.kind === 'compliance' || msg.kind === 'production' ? { kind: msg.kind as SimCsid['kind'] } : {}),
          ...(typeof msg.secret === 'string' && msg.secret !== '' ? { secret: msg.secret } : {}),
          ...(chain && typeof chain.icv === 'number' && typeof chain.hash === 'string' ? { chain: { icv: chain.icv, hash: chain.hash } } : {}),
        });
        emit({ event: 'adopted', ...credentials });
      },
      'continue-chain': (msg: ControlMessage) => {
        if (typeof msg.egs !== 'string' || typeof msg.icv !== 'number' || typeof msg.hash !== 'string') throw new Error('continue-chain needs egs, icv and hash');
        sim.continueChain(msg.egs, msg.icv, msg.hash);
        emit({ event: 'chain-continued' });
      },
    },
  });
}

runCli('zatca-simulator', main);
