// Serving the built renderer from disk: GET/HEAD only, no path escapes the folder, strict headers.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.wav': 'audio/wav',
};

export function contentSecurityPolicy(origin: string): string {
  const wsOrigin = origin.replace(/^http:/, 'ws:');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${wsOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Reads a file only if its real path (symlinks resolved) is still inside the served folder. */
function readInside(root: string, file: string, done: (err: Error | null, body?: Buffer) => void): void {
  try {
    fs.realpath(file, (err, real) => {
      if (err) return done(err);
      fs.realpath(root, (rootErr, realRoot) => {
        if (rootErr) return done(rootErr);
        if (!real.startsWith(realRoot + path.sep)) return done(new Error('outside the renderer folder'));
        fs.readFile(real, done);
      });
    });
  } catch (e) {
    done(e instanceof Error ? e : new Error(String(e)));
  }
}

export function serveStatic(root: string, origin: string, req: IncomingMessage, res: ServerResponse): void {
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy(origin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
  const fail = (status: number, text: string) => {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed');

  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', origin).pathname);
  } catch {
    return fail(400, 'bad request');
  }
  if (pathname === '/') pathname = '/index.html';
  // A NUL or a backslash has no business in a path we serve (and a NUL makes fs throw): refuse them early.
  if (pathname.includes('\0') || pathname.includes('\\')) return fail(404, 'not found');
  const file = path.resolve(root, `.${pathname}`);
  if (!file.startsWith(root + path.sep)) return fail(404, 'not found');

  readInside(root, file, (err, body) => {
    if (err || !body) return fail(404, 'not found');
    res.writeHead(200, { ...headers, 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}
