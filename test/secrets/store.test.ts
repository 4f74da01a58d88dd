// Secrets at rest: the host/CLI store (AES-256-GCM, key file 0600 owned by us) and the Electron store
// (safeStorage, refusing to store when encryption is unavailable or weak).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFileSecretStore,
  createSafeStorageSecretStore,
  KEY_FILE_NAME,
  SAFE_STORAGE_FILE_NAME,
  SECRETS_FILE_NAME,
  SecretStoreError,
} from '../../main/secrets';
import { tempDir } from '../support/tmp';
import { fakeSafeStorage } from './fake-safe-storage';

const posix = process.platform !== 'win32';
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
const folder = () => {
  const t = tempDir('nuqta-secrets-');
  cleanups.push(t.cleanup);
  return t.dir;
};
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const p12 = () => new Uint8Array(Buffer.concat([Buffer.from([0x30, 0x82, 0x09, 0x8d]), Buffer.alloc(300, 7)]));

function refusal(fn: () => unknown): SecretStoreError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SecretStoreError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('file secret store (host / CLI)', () => {
  it('round trip; binary and text; delete; names; values never in the file', () => {
    const dir = folder();
    const store = createFileSecretStore({ dataDir: dir });
    expect(store.get('stcpay.clientCert')).toBeUndefined();
    store.put('stcpay.clientCert', p12());
    store.put('stcpay.passphrase', bytes('correct horse battery'));
    store.put('nexo.apiKey', bytes('nexo-key-0123456789'));
    expect(Buffer.from(store.get('stcpay.clientCert')!)).toEqual(Buffer.from(p12()));
    expect(Buffer.from(store.get('stcpay.passphrase')!).toString()).toBe('correct horse battery');
    expect(store.names()).toEqual(['nexo.apiKey', 'stcpay.clientCert', 'stcpay.passphrase']);
    store.put('stcpay.passphrase', bytes('changed'));
    expect(Buffer.from(store.get('stcpay.passphrase')!).toString()).toBe('changed');
    expect(store.delete('nexo.apiKey')).toBe(true);
    expect(store.delete('nexo.apiKey')).toBe(false);
    expect(store.get('nexo.apiKey')).toBeUndefined();

    const onDisk = fs.readFileSync(path.join(dir, SECRETS_FILE_NAME), 'utf8');
    expect(onDisk).not.toContain('changed');
    expect(onDisk).not.toContain(Buffer.from('changed').toString('base64'));
    // A second store on the same folder (the next start) reads the same values.
    expect(Buffer.from(createFileSecretStore({ dataDir: dir }).get('stcpay.passphrase')!).toString()).toBe('changed');
  });

  it.skipIf(!posix)('creates the key file 0600 (32 bytes) and the secrets file 0600, whatever the umask', () => {
    const dir = folder();
    const old = process.umask(0o000);
    try {
      createFileSecretStore({ dataDir: dir }).put('stcpay.passphrase', bytes('pass-1234'));
    } finally {
      process.umask(old);
    }
    const key = fs.statSync(path.join(dir, KEY_FILE_NAME));
    expect(key.mode & 0o777).toBe(0o600);
    expect(key.size).toBe(32);
    expect(fs.statSync(path.join(dir, SECRETS_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it.skipIf(!posix)('refuses a key file readable by group or others (and does not repair it)', () => {
    const dir = folder();
    const store = createFileSecretStore({ dataDir: dir });
    store.put('stcpay.passphrase', bytes('pass-1234'));
    for (const mode of [0o644, 0o640, 0o604, 0o660]) {
      fs.chmodSync(path.join(dir, KEY_FILE_NAME), mode);
      const err = refusal(() => store.get('stcpay.passphrase'));
      expect(err.code).toBe('KEY_FILE_INSECURE');
      expect(err.reason.ar).toMatch(/ملف مفتاح الأسرار/);
      expect(refusal(() => store.put('x.y', bytes('abcd'))).code).toBe('KEY_FILE_INSECURE');
      expect(fs.statSync(path.join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(mode);
    }
  });

  it.skipIf(!posix || process.getuid?.() !== 0)('refuses a key file owned by another user', () => {
    const dir = folder();
    const store = createFileSecretStore({ dataDir: dir });
    store.put('stcpay.passphrase', bytes('pass-1234'));
    fs.chownSync(path.join(dir, KEY_FILE_NAME), 12345, 12345);
    expect(refusal(() => store.get('stcpay.passphrase')).code).toBe('KEY_FILE_FOREIGN_OWNER');
  });

  it.skipIf(!posix)('refuses a symlinked key file, a key of the wrong size, and sealed values without their key', () => {
    const dir = folder();
    const store = createFileSecretStore({ dataDir: dir });
    store.put('stcpay.passphrase', bytes('pass-1234'));
    const keyFile = path.join(dir, KEY_FILE_NAME);
    const real = path.join(dir, 'elsewhere.key');
    fs.renameSync(keyFile, real);
    fs.symlinkSync(real, keyFile);
    expect(refusal(() => store.get('stcpay.passphrase')).code).toBe('KEY_FILE_INVALID');
    fs.rmSync(keyFile);
    fs.writeFileSync(keyFile, Buffer.alloc(16), { mode: 0o600 });
    expect(refusal(() => store.get('stcpay.passphrase')).code).toBe('KEY_FILE_INVALID');
    fs.rmSync(keyFile);
    // A new key would silently orphan the stored values: refuse instead.
    expect(refusal(() => store.get('stcpay.passphrase')).code).toBe('KEY_FILE_MISSING');
    expect(refusal(() => store.put('stcpay.passphrase', bytes('x-1234'))).code).toBe('KEY_FILE_MISSING');
  });

  it('detects tampering and values moved to another name (the name is authenticated)', () => {
    const dir = folder();
    const store = createFileSecretStore({ dataDir: dir });
    store.put('stcpay.passphrase', bytes('pass-1234'));
    store.put('nexo.apiKey', bytes('api-5678'));
    const file = path.join(dir, SECRETS_FILE_NAME);
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { secrets: Record<string, string> };
    [json.secrets['stcpay.passphrase'], json.secrets['nexo.apiKey']] = [json.secrets['nexo.apiKey']!, json.secrets['stcpay.passphrase']!];
    fs.writeFileSync(file, JSON.stringify(json));
    expect(refusal(() => store.get('stcpay.passphrase')).code).toBe('SECRET_UNREADABLE');
    fs.writeFileSync(file, '{broken');
    expect(refusal(() => store.get('stcpay.passphrase')).code).toBe('SECRETS_FILE_INVALID');
  });

  it('refuses names that are not area.thing', () => {
    const store = createFileSecretStore({ dataDir: folder() });
    for (const name of ['', 'plain', '../etc.passwd', 'a..b', 'stcpay.', 'a b.c', '__proto__']) {
      expect(refusal(() => store.put(name, bytes('abcd'))).code, name).toBe('SECRET_NAME_INVALID');
    }
  });

  it.skipIf(!posix)('an outside check of the mode agrees (stat)', () => {
    const dir = folder();
    createFileSecretStore({ dataDir: dir }).put('stcpay.passphrase', bytes('pass-1234'));
    expect(execFileSync('stat', ['-c', '%a', path.join(dir, KEY_FILE_NAME)]).toString().trim()).toBe('600');
  });
});

describe('Electron safeStorage store', () => {
  it('round trip through safeStorage; binary survives; the file holds only sealed values', () => {
    const dir = folder();
    const safeStorage = fakeSafeStorage({ available: true, backend: 'gnome_libsecret' });
    const store = createSafeStorageSecretStore({ safeStorage, dataDir: dir });
    store.put('stcpay.clientCert', p12());
    store.put('stcpay.passphrase', bytes('very secret pass'));
    expect(Buffer.from(store.get('stcpay.clientCert')!)).toEqual(Buffer.from(p12()));
    expect(Buffer.from(store.get('stcpay.passphrase')!).toString()).toBe('very secret pass');
    const onDisk = fs.readFileSync(path.join(dir, SAFE_STORAGE_FILE_NAME), 'utf8');
    expect(onDisk).not.toContain('very secret pass');
    expect(onDisk).not.toContain(Buffer.from('very secret pass').toString('base64'));
  });

  it('encryption unavailable → refuses to store (nothing written, no plain-text fallback)', () => {
    const dir = folder();
    const safeStorage = fakeSafeStorage({ available: false });
    const store = createSafeStorageSecretStore({ safeStorage, dataDir: dir });
    const err = refusal(() => store.put('stcpay.passphrase', bytes('very secret pass')));
    expect(err.code).toBe('ENCRYPTION_UNAVAILABLE');
    expect(err.reason.en).toMatch(/Nothing was stored in plain text/);
    expect(err.reason.ar).toMatch(/لم يُخزَّن/);
    expect(safeStorage.calls).toBe(0);
    expect(fs.existsSync(path.join(dir, SAFE_STORAGE_FILE_NAME))).toBe(false);
    expect(store.get('stcpay.passphrase')).toBeUndefined();
  });

  it.skipIf(process.platform !== 'linux')('Linux basic_text backend is weak → refused unless explicitly allowed', () => {
    const dir = folder();
    const weak = fakeSafeStorage({ available: true, backend: 'basic_text' });
    expect(refusal(() => createSafeStorageSecretStore({ safeStorage: weak, dataDir: dir }).put('a.b', bytes('abcd'))).code).toBe('ENCRYPTION_WEAK');
    createSafeStorageSecretStore({ safeStorage: weak, dataDir: dir, allowWeakBackend: true }).put('a.b', bytes('abcd'));
  });

  it('a value safeStorage cannot open is an error, not "absent"', () => {
    const dir = folder();
    const store = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage({ available: true }), dataDir: dir });
    store.put('stcpay.passphrase', bytes('abcd1234'));
    const file = path.join(dir, SAFE_STORAGE_FILE_NAME);
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { secrets: Record<string, string> };
    json.secrets['stcpay.passphrase'] = Buffer.from('garbage').toString('base64');
    fs.writeFileSync(file, JSON.stringify(json));
    expect(refusal(() => store.get('stcpay.passphrase')).code).toBe('SECRET_UNREADABLE');
    // And the other implementation's file is not silently misread.
    fs.copyFileSync(file, path.join(dir, SECRETS_FILE_NAME));
    expect(refusal(() => createFileSecretStore({ dataDir: dir }).names()).code).toBe('SECRETS_FILE_INVALID');
  });
});
