// A vendor's release made in the test: an Ed25519 key pair, a signed latest.json with an installer, and a local
// HTTPS feed serving them (a certificate made by openssl for 127.0.0.1, trusted through `ca`).
import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TrustedKey, UpdatePlatform } from '../../main/updates';

export interface ReleaseKey {
  trusted: TrustedKey;
  privateKey: KeyObject;
}

export function makeKey(id: string): ReleaseKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { trusted: { id, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() }, privateKey };
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export interface Release {
  manifest: Buffer;
  signature: Buffer;
  /** Served or placed beside latest.json under each file's name. */
  files: Map<string, Buffer>;
}

export interface ReleaseSpec {
  version: string;
  key: ReleaseKey;
  channel?: string;
  /** The installer's bytes (default: 300 KiB of a pattern, so the download takes several chunks). */
  installer?: Buffer;
  platform?: UpdatePlatform;
  fileName?: string;
  /** What the manifest claims, when a test wants it to differ from the real file. */
  claim?: { sha256?: string; size?: number };
  url?: string;
}

export function installerBytes(seed: string, size = 300 * 1024): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed.charCodeAt(i % seed.length)) & 0xff;
  return b;
}

export function makeRelease(spec: ReleaseSpec): Release {
  const installer = spec.installer ?? installerBytes(spec.version);
  const fileName = spec.fileName ?? `Nuqta POS Setup ${spec.version}.exe`;
  const manifest = Buffer.from(
    JSON.stringify(
      {
        version: spec.version,
        channel: spec.channel ?? 'stable',
        files: [
          {
            platform: spec.platform ?? 'win32-x64',
            url: spec.url ?? encodeURIComponent(fileName),
            sha256: spec.claim?.sha256 ?? sha256(installer),
            size: spec.claim?.size ?? installer.length,
          },
        ],
        releasedAt: '2026-03-01T10:00:00+03:00',
        notes: { ar: 'إصلاحات', en: 'Fixes' },
      },
      null,
      2,
    ),
  );
  return { manifest, signature: signManifest(manifest, spec.key), files: new Map([[fileName, installer]]) };
}

export const signManifest = (manifest: Buffer, key: ReleaseKey): Buffer => Buffer.from(`${sign(null, manifest, key.privateKey).toString('base64')}\n`);

/** The release as an offline folder (a USB drive). */
export function writeFolder(dir: string, release: Release): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), release.manifest);
  fs.writeFileSync(path.join(dir, 'latest.json.sig'), release.signature);
  for (const [name, bytes] of release.files) fs.writeFileSync(path.join(dir, name), bytes);
  return dir;
}

export interface Feed {
  url: string;
  ca: Buffer;
  /** What the server serves now: path (after the leading /) → bytes or a redirect. */
  routes: Map<string, Buffer | { redirect: string }>;
  requests: string[];
  publish(release: Release): void;
  close(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1, made by openssl in a temp folder. */
function selfSigned(): { cert: Buffer; key: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-update-feed-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '2',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { cert: fs.readFileSync(path.join(dir, 'cert.pem')), key: fs.readFileSync(path.join(dir, 'key.pem')) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function startFeed(prefix = '/feed/stable'): Promise<Feed> {
  const { cert, key } = selfSigned();
  const routes = new Map<string, Buffer | { redirect: string }>();
  const requests: string[] = [];
  const server = https.createServer({ cert, key }, (req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname);
    requests.push(p);
    const found = p.startsWith(`${prefix}/`) ? routes.get(p.slice(prefix.length + 1)) : undefined;
    if (!found) {
      res.writeHead(404).end();
    } else if (Buffer.isBuffer(found)) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': found.length });
      // In slices, so a download is many chunks as on a real line.
      for (let i = 0; i < found.length; i += 16 * 1024) res.write(found.subarray(i, i + 16 * 1024));
      res.end();
    } else {
      res.writeHead(302, { location: found.redirect }).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}${prefix}`,
    ca: cert,
    routes,
    requests,
    publish(release) {
      routes.clear();
      routes.set('latest.json', release.manifest);
      routes.set('latest.json.sig', release.signature);
      for (const [name, bytes] of release.files) routes.set(name, bytes);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
