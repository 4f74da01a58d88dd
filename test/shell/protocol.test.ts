// The app:// handler: GET only, host nuqta only, files inside the renderer folder only, right content
// types, and the strict CSP on every response.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createAppProtocolHandler } from '../../main/shell';
import type { AppRequest } from '../../main/shell/electron-types';
import { startWithFakes } from './harness';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let tmp: string;
let root: string;
let serve: (request: AppRequest) => Promise<Response>;
// A plain object, not a Request: the URL reaches the handler exactly as written, un-normalised.
const get = (url: string): Promise<Response> => serve({ method: 'GET', url });

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-protocol-'));
  root = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>نقطة</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), 'w');
  fs.writeFileSync(path.join(root, 'assets', 'blob.xyz'), 'x');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'TOP SECRET');
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  serve = createAppProtocolHandler(root);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('app:// handler', () => {
  it('uses exactly the agreed CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
  });

  it('serves index.html with its content type and the CSP header', async () => {
    const res = await get('app://nuqta/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<!doctype html><title>نقطة</title>');
  });

  it('serves index.html for the bare origin', async () => {
    expect(await (await get('app://nuqta/')).text()).toContain('<title>');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/blob.xyz', 'application/octet-stream'],
  ])('serves %s as %s', async (file, type) => {
    const res = await get(`app://nuqta/${file}?v=1#x`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'])('refuses %s with 405 (CSP still sent)', async (method) => {
    const res = await serve({ method, url: 'app://nuqta/index.html' });
    expect(res.status).toBe(405);
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });

  it.each(['app://evil/index.html', 'app://nuqta.evil/index.html', 'app://nuqta:8080/index.html', 'https://nuqta/index.html'])(
    'refuses %s',
    async (url) => {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    },
  );

  it.each([
    'app://nuqta/../secret.txt',
    'app://nuqta/assets/../../secret.txt',
    'app://nuqta/%2e%2e/secret.txt',
    'app://nuqta/..%2fsecret.txt',
    'app://nuqta/assets%2f..%2f..%2fsecret.txt',
    'app://nuqta/..%5csecret.txt',
    'app://nuqta/%2e%2e%5csecret.txt',
    'app://nuqta/index.html%00.js',
    'app://nuqta/%E0%A4%A',
    'app://nuqta/assets/link.txt',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('TOP SECRET');
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await get('app://nuqta/missing.js')).status).toBe(404);
    expect((await get('app://nuqta/assets')).status).toBe(404);
    expect((await get('app://nuqta/assets/')).status).toBe(404);
  });

  it('accepts a real Request (what Electron passes)', async () => {
    expect((await serve(new Request('app://nuqta/index.html'))).status).toBe(200);
  });

  it('is what the shell registers for the app scheme', async () => {
    const { electron } = await startWithFakes({ rendererRoot: root });
    const res = await electron.fetchApp({ method: 'GET', url: 'app://nuqta/index.html' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect((await electron.fetchApp({ method: 'POST', url: 'app://nuqta/index.html' })).status).toBe(405);
  });
});
