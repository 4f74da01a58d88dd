// Secrets entered with the CLI (file store) are taken into the Electron app's safeStorage store at its start.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adoptSecrets, createFileSecretStore, createSafeStorageSecretStore, SECRETS_FILE_NAME } from '../../main/secrets';
import { tempDir } from '../support/tmp';
import { fakeSafeStorage } from './fake-safe-storage';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
const folder = () => {
  const t = tempDir('nuqta-adopt-');
  cleanups.push(t.cleanup);
  return t.dir;
};
const bytes = (s: string) => new Uint8Array(Buffer.from(s));

describe('adopting CLI-entered secrets into the app store', () => {
  it('moves every secret, binary intact, and leaves none in the file store', () => {
    const dir = folder();
    const file = createFileSecretStore({ dataDir: dir });
    const p12 = new Uint8Array([0x30, 0x82, 0x00, 0xff, 0x00, 0x01]);
    file.put('stcpay.clientCert', p12);
    file.put('stcpay.passphrase', bytes('pass-1234'));
    const app = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage({ available: true, backend: 'gnome_libsecret' }), dataDir: dir });
    const result = adoptSecrets(file, app);
    expect(result).toEqual({ adopted: ['stcpay.clientCert', 'stcpay.passphrase'], left: [] });
    expect(app.get('stcpay.clientCert')).toEqual(p12);
    expect(Buffer.from(app.get('stcpay.passphrase')!).toString()).toBe('pass-1234');
    expect(file.names()).toEqual([]);
    expect(fs.readFileSync(path.join(dir, SECRETS_FILE_NAME), 'utf8')).not.toContain('pass-1234');
  });

  it('leaves the secrets where they are when the keychain is unavailable, saying why', () => {
    const dir = folder();
    const file = createFileSecretStore({ dataDir: dir });
    file.put('nexo.apiKey', bytes('key-1'));
    const app = createSafeStorageSecretStore({ safeStorage: fakeSafeStorage({ available: false }), dataDir: dir });
    const result = adoptSecrets(file, app);
    expect(result.adopted).toEqual([]);
    expect(result.left.map((l) => l.name)).toEqual(['nexo.apiKey']);
    expect(result.left[0]!.why).not.toContain('key-1');
    expect(Buffer.from(file.get('nexo.apiKey')!).toString()).toBe('key-1');
  });
});
