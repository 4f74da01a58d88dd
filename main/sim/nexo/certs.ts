// The simulator's own certificate authority and server certificate, made at start with the `openssl` CLI
// (Node's crypto can make keys but not X.509 certificates). EC P-256 keys, valid for two days, in a fresh temp
// folder that close() removes. The server certificate carries the names the till will check — by default
// DNS:localhost and IP:127.0.0.1 — so a till trusting `caPem` verifies it like any provider; a till that does not
// trust this CA, or expects another name, must refuse it.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SimCertificates {
  caPem: Buffer;
  certPem: Buffer;
  keyPem: Buffer;
  /** Where the files are (ca.pem, server.pem, server.key); removed by cleanup(). */
  dir: string;
  cleanup(): void;
}

export interface CertificateOptions {
  /** DNS names in the server certificate (default ["localhost"]). */
  dnsNames?: string[];
  /** IP addresses in the server certificate (default ["127.0.0.1"]). */
  ips?: string[];
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function generateCertificates(options: CertificateOptions = {}): SimCertificates {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-nexo-sim-'));
  const dnsNames = options.dnsNames ?? ['localhost'];
  const ips = options.ips ?? ['127.0.0.1'];
  const san = [...dnsNames.map((n) => `DNS:${n}`), ...ips.map((ip) => `IP:${ip}`)].join(',');
  try {
    openssl(
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2',
        '-subj', '/CN=Nuqta nexo simulator CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
      dir,
    );
    openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${dnsNames[0] ?? ips[0] ?? 'simulator'}`], dir);
    fs.writeFileSync(path.join(dir, 'server.ext'), `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n${san ? `subjectAltName=${san}\n` : ''}`);
    openssl(
      ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext'],
      dir,
    );
    return {
      caPem: fs.readFileSync(path.join(dir, 'ca.pem')),
      certPem: fs.readFileSync(path.join(dir, 'server.pem')),
      keyPem: fs.readFileSync(path.join(dir, 'server.key')),
      dir,
      cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`nexo simulator: openssl failed${stderr ? `: ${stderr}` : ''}`);
  }
}
