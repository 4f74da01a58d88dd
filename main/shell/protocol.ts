// The app:// scheme that serves the renderer bundle. A privileged standard scheme gives the UI a real,
// stable origin (app://nuqta) instead of file://, so CSP 'self', relative URLs and the IPC sender check all
// have something precise to compare against, and no other local file is reachable from the page.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AppRequest, ProtocolLike } from './electron-types';
import { APP_HOST, APP_SCHEME } from './origin';

/** Sent with every response, errors included, so no document from this scheme ever runs without it. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export const contentTypeFor = (file: string): string =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Registers app:// as standard (real origin, relative URLs), secure (a secure context, like https) and
 * fetch-capable. Deliberately NOT bypassCSP (our CSP must apply), NOT corsEnabled (that would let other
 * origins read our files), no service workers. Must run before app 'ready'.
 */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        bypassCSP: false,
        corsEnabled: false,
        allowServiceWorkers: false,
      },
    },
  ]);
}

const baseHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

const plain = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });

const isInside = (base: string, file: string): boolean => {
  const rel = path.relative(base, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

/**
 * Maps a request path to a file strictly inside `root`, or null. Chromium already normalises `..` in a
 * standard URL, but percent-encoded separators and dots survive until we decode, so the check is done here
 * on the decoded path: no `..`/`.` segments, no backslashes or NULs, and the resolved path must stay in root.
 */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (segments.length === 0) segments.push('index.html');
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  return isInside(base, file) ? file : null;
}

/** Reads `file` only if its real path (symlinks followed) is still inside the real `root`. */
async function readInside(root: string, file: string): Promise<Buffer | null> {
  try {
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
    if (!isInside(realRoot, realFile)) return null;
    return await fs.readFile(realFile);
  } catch {
    // Missing file, or a directory (EISDIR): nothing to serve.
    return null;
  }
}

/** The app:// handler: GET only, host `nuqta` only, files from `root` only. */
export function createAppProtocolHandler(root: string): (request: AppRequest) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return plain(405, 'Method Not Allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad Request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not Found');
    const file = resolveInside(root, url.pathname);
    const body = file ? await readInside(root, file) : null;
    if (!file || !body) return plain(404, 'Not Found');
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { ...baseHeaders(), 'Content-Type': contentTypeFor(file) },
    });
  };
}
