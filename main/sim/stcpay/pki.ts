// The simulator's certificates, made with the `openssl` CLI into a folder (a fresh temp folder by default):
//   ca.pem / ca.key                  server CA — the till trusts ONLY this for the simulator (`tls.ca`)
//   server.pem / server.key          127.0.0.1 + localhost, signed by the server CA
//   client-ca.pem / client-ca.key    client CA — the simulator accepts client certificates from it only
//   merchant.p12                     the merchant's client certificate + key + client CA, PKCS#12, passphrase
//   foreign.p12                      a client certificate from an unrelated CA (same passphrase): for tests
//                                    that the simulator refuses a wrong client certificate
// EC P-256 keys (fast to make), two days' validity. PKCS#12 uses OpenSSL 3's defaults (AES-256-CBC, PBKDF2,
// SHA-256 MAC), which Node 20's OpenSSL reads. Windows tills normally lack the openssl CLI: the simulator is
// a development and test tool, so that is accepted; pass `pki` to reuse a folder made elsewhere.
import { execFile } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SimulatorPki {
  dir: string;
  caFile: string;
  serverCertFile: string;
  serverKeyFile: string;
  clientCaFile: string;
  clientP12File: string;
  foreignP12File: string;
  passphrase: string;
  /** Set when the folder was made here; remove() deletes it. */
  remove(): void;
}

async function openssl(cwd: string, ...args: string[]): Promise<void> {
  try {
    await run('openssl', args, { cwd, timeout: 30_000 });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`openssl ${args[0]} failed: ${(e.stderr ?? e.message).trim().split('\n').slice(-2).join(' ')}`);
  }
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

async function makeCa(dir: string, name: string, cn: string): Promise<void> {
  await openssl(dir, 'req', '-x509', ...EC, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${cn}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
}

async function makeLeaf(dir: string, name: string, cn: string, ca: string, ext: string, days = 2): Promise<void> {
  await openssl(dir, 'req', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
  fs.writeFileSync(path.join(dir, `${name}.ext`), ext);
  await openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-out', `${name}.pem`, '-days', String(days), '-extfile', `${name}.ext`);
  fs.rmSync(path.join(dir, `${name}.csr`));
  fs.rmSync(path.join(dir, `${name}.ext`));
}

async function makeP12(dir: string, name: string, ca: string, passphrase: string): Promise<void> {
  // The passphrase goes through the environment, not the command line (other users can read argv).
  await run('openssl', ['pkcs12', '-export', '-inkey', `${name}.key`, '-in', `${name}.pem`, '-certfile', `${ca}.pem`, '-name', name, '-out', `${name}.p12`, '-passout', 'env:NUQTA_P12_PASS'], {
    cwd: dir,
    timeout: 30_000,
    env: { ...process.env, NUQTA_P12_PASS: passphrase },
  }).catch((err: { stderr?: string; message: string }) => {
    throw new Error(`openssl pkcs12 failed: ${(err.stderr ?? err.message).trim()}`);
  });
}

const filesIn = (dir: string) => ({
  dir,
  caFile: path.join(dir, 'ca.pem'),
  serverCertFile: path.join(dir, 'server.pem'),
  serverKeyFile: path.join(dir, 'server.key'),
  clientCaFile: path.join(dir, 'client-ca.pem'),
  clientP12File: path.join(dir, 'merchant.p12'),
  foreignP12File: path.join(dir, 'foreign.p12'),
});

const DAY_MS = 24 * 3600_000;

/**
 * The certificates kept in `dir` while they are good for another day, else a fresh set made there. For a till
 * that runs the simulator on every start (demo, training): openssl runs once every day or so, not every start.
 */
export async function keptSimulatorPki(dir: string): Promise<SimulatorPki> {
  const files = filesIn(dir);
  const passphraseFile = path.join(dir, 'passphrase');
  try {
    const until = Date.parse(new X509Certificate(fs.readFileSync(files.serverCertFile)).validTo);
    if (until - Date.now() > DAY_MS && fs.existsSync(files.clientP12File)) {
      return { ...files, passphrase: fs.readFileSync(passphraseFile, 'utf8'), remove: () => {} };
    }
  } catch {
    // missing or unreadable: make a new set below
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const made = await generateSimulatorPki({ dir });
  fs.writeFileSync(passphraseFile, made.passphrase, { mode: 0o600 });
  return made;
}

/** `serverCertDays`: the server certificate's validity (default 2); 0 makes one that expires the second it is made (tests of an expired provider). */
export async function generateSimulatorPki(options: { dir?: string; passphrase?: string; serverCertDays?: number } = {}): Promise<SimulatorPki> {
  const made = !options.dir;
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-stcpay-sim-'));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const passphrase = options.passphrase ?? randomBytes(12).toString('base64url');
  const leaf = (usage: string, san?: string) =>
    `basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=${usage}\n${san ? `subjectAltName=${san}\n` : ''}`;

  await Promise.all([
    makeCa(dir, 'ca', 'Nuqta STC Pay Simulator Server CA'),
    makeCa(dir, 'client-ca', 'Nuqta STC Pay Simulator Client CA'),
    makeCa(dir, 'foreign-ca', 'Some Other Client CA'),
  ]);
  await Promise.all([
    makeLeaf(dir, 'server', 'localhost', 'ca', leaf('serverAuth', 'IP:127.0.0.1,DNS:localhost'), options.serverCertDays ?? 2),
    makeLeaf(dir, 'merchant', 'Nuqta Simulator Merchant', 'client-ca', leaf('clientAuth')),
    makeLeaf(dir, 'foreign', 'Nuqta Simulator Merchant', 'foreign-ca', leaf('clientAuth')),
  ]);
  await Promise.all([makeP12(dir, 'merchant', 'client-ca', passphrase), makeP12(dir, 'foreign', 'foreign-ca', passphrase)]);
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.key') || f.endsWith('.p12')) fs.chmodSync(path.join(dir, f), 0o600);

  return {
    ...filesIn(dir),
    passphrase,
    remove: () => {
      if (made) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
