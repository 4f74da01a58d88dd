// Secrets at rest in the Electron app: each value sealed with Electron's safeStorage (DPAPI on Windows, the
// Keychain on macOS, libsecret/kwallet on Linux), ciphertexts in a JSON file in the data folder.
// safeStorage arrives as a parameter typed by the narrow interface below, so tests hand in a fake and the
// real module still type-checks against it where the app is wired. When encryption is unavailable — or on
// Linux only the `basic_text` backend (a hard-coded password) is — the store refuses to save: there is no
// plain-text fallback, ever.
import path from 'node:path';
import { SecretStoreError } from './errors';
import { rememberSecret } from './redact';
import { assertName, openSealedFile } from './sealed-file';
import type { SecretStore } from './types';

/** The slice of Electron's `safeStorage` this store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?(): string;
}

export const SAFE_STORAGE_FILE_NAME = 'secrets.safe-storage.json';

export interface SafeStorageSecretStoreOptions {
  safeStorage: SafeStorageLike;
  dataDir: string;
  file?: string;
  /** Accept Linux's `basic_text` backend (obfuscation, not encryption). Default false. */
  allowWeakBackend?: boolean;
}

const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

export function createSafeStorageSecretStore(options: SafeStorageSecretStoreOptions): SecretStore {
  const { safeStorage } = options;
  const file = openSealedFile(options.file ?? path.join(options.dataDir, SAFE_STORAGE_FILE_NAME), 'electron-safe-storage');

  const assertAvailable = () => {
    if (!safeStorage.isEncryptionAvailable()) throw new SecretStoreError('ENCRYPTION_UNAVAILABLE');
    const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
    if (backend !== undefined && WEAK_BACKENDS.has(backend) && !options.allowWeakBackend) {
      throw new SecretStoreError('ENCRYPTION_WEAK', `backend ${backend}`);
    }
  };

  return {
    put(name, bytes) {
      assertName(name);
      assertAvailable();
      rememberSecret(bytes);
      // safeStorage seals strings; base64 carries any bytes (a PKCS#12 file) through it unchanged.
      const sealed = safeStorage.encryptString(Buffer.from(bytes).toString('base64'));
      const entries = file.read();
      entries.set(name, sealed);
      file.write(entries);
    },
    get(name) {
      assertName(name);
      const sealed = file.read().get(name);
      if (!sealed) return undefined;
      assertAvailable();
      let text: string;
      try {
        text = safeStorage.decryptString(Buffer.from(sealed));
      } catch {
        throw new SecretStoreError('SECRET_UNREADABLE', name);
      }
      const plain = Buffer.from(text, 'base64');
      rememberSecret(plain);
      return new Uint8Array(plain);
    },
    delete(name) {
      assertName(name);
      const entries = file.read();
      if (!entries.delete(name)) return false;
      file.write(entries);
      return true;
    },
    names: () => [...file.read().keys()].sort(),
  };
}
