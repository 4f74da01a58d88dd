#!/usr/bin/env node
// `nuqta <command>`: the admin CLI (package.json bin). Exit codes: 0 ok, 1 failure, 2 usage or invalid input
// (nothing written), 3 till error (locked, newer schema, bad settings, a secret store that refuses),
// 4 verification failed or rows rejected.
import { parseArgs } from 'node:util';
import { acquireInstanceLock, defaultDataDir } from '../app';
import fs from 'node:fs';
import {
  backup,
  catalogImport,
  restoreCommand,
  configCommand,
  EXIT,
  supportBundle,
  updateCommand,
  zatcaCommand,
  ledgerVerify,
  managerPinCommand,
  userCommand,
  secretCommand,
  stcPayCommand,
  terminalCommand,
  type CliFlags,
  type Output,
} from '../cli';
import { isTillError } from '../errors';
import { redact, redactError } from '../secrets';
import { DEFAULT_OTP, startZatcaSimulator } from '../sim/zatca';

const USAGE = `Usage: nuqta <command> [--data-dir DIR]

  ledger verify                 walk the journal's hash chain; report the first broken link
  catalog import <file.csv>     import products [--mode all-or-nothing|valid-rows] (default all-or-nothing)
                                [--allow-zero-price] (rows priced 0.00 are refused without it)
  backup <file>                 online backup of the till database, verified [--force]
  restore <file>                put a verified backup back (the till stopped); the ledger it replaces is kept
                                as till.db.replaced-<time>. A backup older than the last receipt issued is
                                refused unless [--accept-lower-receipts] (journaled; numbering goes on above)
  update check                  the latest signed release on the update feed (downloads nothing)
  update download               download, verify (signature, size, sha256) and stage it for the till to apply
  update verify-file PATH       verify an offline update folder (latest.json, latest.json.sig, installer)
  zatca status | documents [--state S] | xml RECEIPT_NO
                                e-invoicing: the unit, the reporting queue, a stored document
  zatca onboard --env sandbox|simulation|production [--otp OTP]
                                onboard this till with ZATCA's FATOORA (the OTP from its portal; or on stdin)
  zatca renew [--otp OTP]       renew the unit's certificate (CSID) before it expires: a new key, the same unit
                                and invoice chain (the OTP from the portal; or on stdin)
  zatca export DIR [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                every stored document, byte for byte, as ICV-UUID.xml
  zatca hash FILE               a document's invoice hash (C14N 1.1, SHA-256, Base64)
  zatca validate FILE [FILE…]   schema, hash, signature, QR against the XML; several: the PIH chain too
  support-bundle [FILE]         settings (no secrets), recent logs, verify and health in one .tar.gz for support
  config show | export          every setting as JSON (never secrets; export's output imports on another till)
  config get KEY                one setting, e.g. nationalAddress.postalCode
  config set KEY VALUE          VALUE as JSON (9100, true, null, {"kind":"tcp",...}) or plain text; journaled
  config import FILE            settings from a JSON file; keys not in it keep their value; journaled
  terminal show                 the card terminal settings (JSON; never secrets)
  terminal set simulator | tcp HOST PORT | serial PATH BAUD | none
                                a mada terminal on the counter (ECR), or no card terminal
                                [--lrc sdk-ascii-hex|xor] [--ack-nak on|off] [--purchase-timeout SECONDS]
                                [--signature zeros|simulator-sha256]: the kit's options (a first real
                                terminal starts from the SkyBand SDK's: sdk-ascii-hex, off, 150, zeros)
  terminal set nexo MODE simulator POIID
  terminal set nexo MODE URL POIID [--ca FILE] [--server-name NAME] [--key-id ID --key-version N]
                                a terminal through a nexo provider. MODE: cloud-sync | cloud-async | local.
                                URL https:// only. local with a URL needs --key-id and --key-version.
  stcpay show                   the STC Pay settings (JSON; never secrets)
  stcpay set simulator [CLIENT_CODE BRANCH TELLER DEVICE]
  stcpay set URL CLIENT_CODE BRANCH TELLER DEVICE [--ca FILE] [--pin PIN]...
                                --pin: base64 SHA-256 of the server's SubjectPublicKeyInfo (up to 10)
  stcpay none                   the till takes no STC Pay
  secret set NAME               a provider credential from standard input: printf %s "$KEY" | nuqta secret set nexo.apiKey
  secret set stcpay.clientCert --file P12FILE
  secret list                   the names of the stored secrets (never their values)
  secret delete NAME
  manager-pin set               the manager PIN, read from standard input (echo 5824 | nuqta manager-pin set)
  manager-pin unlock            clear a lockout after wrong PINs (journaled)
  user add --name-ar NAME --name-en NAME --role ROLE
                                a user (cashier, supervisor, manager, admin, trainee); the PIN (4-8 digits) and
                                optionally a staff badge on standard input, one a line: printf '5824\n' | nuqta user add …
  user list                     users' ids, roles and names (never a PIN or a hash)
  user set-pin USER_ID          a user's new PIN from standard input
  user deactivate USER_ID       the user can no longer sign in (journaled; never deleted)

Secrets: nexo.apiKey (cloud modes), nexo.passphrase (local mode), stcpay.clientCert (PKCS#12, --file),
stcpay.passphrase. They are never taken on the command line and never printed.
The CLI keeps them in DIR/secrets.json (AES-256-GCM; key in DIR/secrets.key, mode 0600), which the browser
host (npm run host) reads. The Electron app does NOT read that file: at its next start it moves them into its
own secrets.safe-storage.json, sealed with the system keychain, and removes them from secrets.json.

Provisioning: a file at /etc/nuqta-pos/provision.json (Windows: %ProgramData%\\Nuqta POS\\provision.json, or
NUQTA_PROVISION_FILE) is applied at the till's start when new or its "version" grew; see docs/commissioning.md.
Settings and secrets take effect when the till restarts.
The data folder defaults to NUQTA_DATA_DIR or the platform's application-data folder.`;

// Everything this process creates in the data folder is for the till's own OS user only.
process.umask(0o077);

// A reader that goes away early (`nuqta … | head`) is not a failure of the command: what it did stands, and
// its exit code says so. Without a listener an EPIPE would be an uncaught exception mid-report.
const closed = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr'] as const) {
  process[name].on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed[name] = true;
  });
}
const io: Output = {
  out: (l) => void (closed.stdout || process.stdout.write(`${l}\n`)),
  err: (l) => void (closed.stderr || process.stderr.write(`${l}\n`)),
};

/** Which commands take which of the provider / secret options. */
const FLAG_OWNERS: Record<string, string[]> = {
  ca: ['terminal', 'stcpay'],
  'server-name': ['terminal'],
  'key-id': ['terminal'],
  'key-version': ['terminal'],
  pin: ['stcpay'],
  file: ['secret'],
  'allow-zero-price': ['catalog'],
  'accept-lower-receipts': ['restore'],
  lrc: ['terminal'],
  'ack-nak': ['terminal'],
  'purchase-timeout': ['terminal'],
  signature: ['terminal'],
  otp: ['zatca'],
  env: ['zatca'],
  state: ['zatca'],
  from: ['zatca'],
  to: ['zatca'],
  'name-ar': ['user'],
  'name-en': ['user'],
  role: ['user'],
};

const OPTIONS = {
  'data-dir': { type: 'string' },
  mode: { type: 'string', default: 'all-or-nothing' },
  'allow-zero-price': { type: 'boolean' },
  'accept-lower-receipts': { type: 'boolean' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  ca: { type: 'string' },
  'server-name': { type: 'string' },
  'key-id': { type: 'string' },
  'key-version': { type: 'string' },
  pin: { type: 'string', multiple: true },
  file: { type: 'string' },
  lrc: { type: 'string' },
  'ack-nak': { type: 'string' },
  'purchase-timeout': { type: 'string' },
  signature: { type: 'string' },
  otp: { type: 'string' },
  env: { type: 'string' },
  state: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'name-ar': { type: 'string' },
  'name-en': { type: 'string' },
  role: { type: 'string' },
} as const;

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    io.err(`${redact((e as Error).message)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  for (const [flag, owners] of Object.entries(FLAG_OWNERS)) {
    if (values[flag as keyof typeof values] !== undefined && !owners.includes(command)) {
      io.err(`--${flag} does not apply to nuqta ${command}. / هذا الخيار لا ينطبق على هذا الأمر.\n\n${USAGE}`);
      return EXIT.usage;
    }
  }
  const flags: CliFlags = {
    ...(values.ca !== undefined ? { ca: values.ca } : {}),
    ...(values['server-name'] !== undefined ? { serverName: values['server-name'] } : {}),
    ...(values['key-id'] !== undefined ? { keyId: values['key-id'] } : {}),
    ...(values['key-version'] !== undefined ? { keyVersion: values['key-version'] } : {}),
    ...(values.pin !== undefined ? { pins: values.pin } : {}),
    ...(values.file !== undefined ? { file: values.file } : {}),
    ...(values.lrc !== undefined ? { lrc: values.lrc } : {}),
    ...(values['ack-nak'] !== undefined ? { ackNak: values['ack-nak'] } : {}),
    ...(values['purchase-timeout'] !== undefined ? { purchaseTimeout: values['purchase-timeout'] } : {}),
    ...(values.signature !== undefined ? { signature: values.signature } : {}),
  };
  if (command === 'ledger' && sub === 'verify') return ledgerVerify(dataDir, io);
  // A command that writes the ledger, the settings or the secrets takes the till's own lock for as long as it
  // runs, so it never writes under a running till (LEDGER_LOCKED, exit 3: stop the till first).
  if (writes(command, sub)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const lock = acquireInstanceLock(dataDir, `nuqta ${command} ${sub ?? ''}`.trim());
    try {
      return await dispatchCommand(command, sub, arg, positionals, values, flags, dataDir);
    } finally {
      lock.release();
    }
  }
  return dispatchCommand(command, sub, arg, positionals, values, flags, dataDir);
}

/** Which commands change the data folder (the rest only read it, which WAL allows beside a running till). */
function writes(command: string, sub: string | undefined): boolean {
  switch (command) {
    case 'catalog':
      return sub === 'import';
    case 'manager-pin':
    case 'restore':
      return true;
    case 'user':
      return sub !== 'list';
    case 'terminal':
    case 'stcpay':
      return sub === 'set' || sub === 'none';
    case 'secret':
      return sub === 'set' || sub === 'delete';
    case 'config':
      return sub === 'set' || sub === 'import';
    case 'zatca':
      return sub === 'onboard' || sub === 'renew';
    default:
      return false;
  }
}

/** A demo unit's platform is the simulator: started only when such a unit is renewed, closed after. */
async function zatcaSimulator() {
  const sim = await startZatcaSimulator({ outOfOrder: true });
  return {
    baseUrl: sim.baseUrl,
    caPem: sim.caPem,
    otp: DEFAULT_OTP,
    adopt: ({ certificate, secret, chain }: { certificate: string; secret: string; chain: { icv: number; hash: string } | null }) =>
      sim.adoptCsid({ certificate, kind: 'production', secret, ...(chain ? { chain } : {}) }),
    close: () => sim.close(),
  };
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>['values'];

async function dispatchCommand(
  command: string,
  sub: string | undefined,
  arg: string | undefined,
  positionals: string[],
  values: Values,
  flags: CliFlags,
  dataDir: string,
): Promise<number> {
  if (command === 'catalog' && sub === 'import' && arg) {
    if (values.mode !== 'all-or-nothing' && values.mode !== 'valid-rows') {
      io.err(`--mode must be all-or-nothing or valid-rows, not ${values.mode}`);
      return EXIT.usage;
    }
    return catalogImport(dataDir, arg, { mode: values.mode, allowZeroPrice: values['allow-zero-price'] ?? false }, io);
  }
  if (command === 'backup' && sub) return backup(dataDir, sub, values.force ?? false, io);
  if (command === 'restore') return restoreCommand(dataDir, sub, values['accept-lower-receipts'] ?? false, io);
  if (command === 'support-bundle') return supportBundle(dataDir, sub, io);
  if (command === 'update') return updateCommand(dataDir, positionals.slice(1), io);
  if (command === 'config') return configCommand(dataDir, positionals.slice(1), io);
  if (command === 'zatca') {
    const stdin = () => (process.stdin.isTTY ? '' : fs.readFileSync(0, 'utf8'));
    return zatcaCommand(dataDir, positionals.slice(1), { ...(values.otp !== undefined ? { otp: values.otp } : {}), ...(values.env !== undefined ? { env: values.env } : {}), ...(values.state !== undefined ? { state: values.state } : {}), ...(values.from !== undefined ? { from: values.from } : {}), ...(values.to !== undefined ? { to: values.to } : {}), stdin, simulator: zatcaSimulator }, io);
  }
  if (command === 'terminal') return terminalCommand(dataDir, positionals.slice(1), io, flags);
  if (command === 'stcpay') return stcPayCommand(dataDir, positionals.slice(1), io, flags);
  if (command === 'secret') {
    // The value is piped in (never an argument); from a terminal it would be echoed, so it is refused there.
    const input = sub === 'set' && flags.file === undefined ? (process.stdin.isTTY ? null : fs.readFileSync(0)) : null;
    return secretCommand(dataDir, positionals.slice(1), input, flags, io);
  }
  if (command === 'user') {
    const stdin = sub === 'add' || sub === 'set-pin' ? (process.stdin.isTTY ? '' : fs.readFileSync(0, 'utf8')) : '';
    const userFlags = { ...(values['name-ar'] !== undefined ? { nameAr: values['name-ar'] } : {}), ...(values['name-en'] !== undefined ? { nameEn: values['name-en'] } : {}), ...(values.role !== undefined ? { role: values.role } : {}) };
    return userCommand(dataDir, positionals.slice(1), userFlags, stdin, io);
  }
  if (command === 'manager-pin') {
    const stdin = process.stdin.isTTY ? '' : fs.readFileSync(0, 'utf8');
    return managerPinCommand(dataDir, positionals.slice(1), stdin, io);
  }
  io.err(`Unknown command: ${redact(positionals.join(' '))}\n\n${USAGE}`);
  return EXIT.usage;
}

// process.exitCode, not process.exit(): the process ends once stdout and stderr are flushed into their pipes,
// so a summary line is never cut off by the exit.
run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e: unknown) => {
    if (isTillError(e)) {
      const d = e.toData();
      io.err(redact(`${d.message_en}\n${d.message_ar}\n(${d.code}${e.detail ? `: ${e.detail}` : ''})`));
      process.exitCode = EXIT.tillError;
      return;
    }
    io.err(`nuqta: ${redactError(e instanceof Error ? e.message : e)}`);
    process.exitCode = EXIT.failure;
  });
