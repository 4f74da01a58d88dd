// Secrets at rest for the host and the CLI (no Electron): AES-256-GCM under a random key kept in its own file
// (key-file.ts), ciphertexts in a JSON file next to it (sealed-file.ts). Each value gets a fresh 12-byte nonce;
// the secret's name is the additional authenticated data, so a ciphertext moved to another name fails to open.
// Sealed value layout: version byte 1 | nonce (12) | tag (16) | ciphertext.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import path from 'node:path';
import { SecretStoreError } from './errors';
import { createKeyFile, readKeyFile } from './key-file';
import { rememberSecret } from './redact';
import { assertName, openSealedFile } from './sealed-file';
import type { SecretStore } from './types';

export const KEY_FILE_NAME = 'secrets.key';
export const SECRETS_FILE_NAME = 'secrets.json';

const VERSION = 1;
const NONCE = 12;
const TAG = 16;

export interface FileSecretStoreOptions {
  /** The till's data folder; the key and the sealed values live in it. */
  dataDir: string;
  keyFile?: string;
  secretsFile?: string;
}

function seal(key: Buffer, name: string, plain: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
}

function open(key: Buffer, name: string, sealed: Uint8Array): Buffer {
  const buf = Buffer.from(sealed);
  if (buf.length < 1 + NONCE + TAG || buf[0] !== VERSION) throw new SecretStoreError('SECRET_UNREADABLE', name);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(1, 1 + NONCE));
    decipher.setAAD(Buffer.from(name, 'utf8'));
    decipher.setAuthTag(buf.subarray(1 + NONCE, 1 + NONCE + TAG));
    return Buffer.concat([decipher.update(buf.subarray(1 + NONCE + TAG)), decipher.final()]);
  } catch {
    throw new SecretStoreError('SECRET_UNREADABLE', name);
  }
}

export function createFileSecretStore(options: FileSecretStoreOptions): SecretStore {
  const keyFile = options.keyFile ?? path.join(options.dataDir, KEY_FILE_NAME);
  const file = openSealedFile(options.secretsFile ?? path.join(options.dataDir, SECRETS_FILE_NAME), 'aes-256-gcm');

  /** The key, checked on every use (a chmod after start-up is noticed); created only when nothing is sealed yet. */
  const key = (create: boolean): Buffer | undefined => {
    const existing = readKeyFile(keyFile);
    if (existing) return existing;
    // Sealed values without their key: making a new key would hide that they are lost. Refuse instead.
    if (file.exists() && file.read().size > 0) throw new SecretStoreError('KEY_FILE_MISSING', keyFile);
    return create ? createKeyFile(keyFile) : undefined;
  };

  return {
    put(name, bytes) {
      assertName(name);
      const k = key(true)!;
      rememberSecret(bytes);
      const entries = file.read();
      entries.set(name, seal(k, name, bytes));
      file.write(entries);
    },
    get(name) {
      assertName(name);
      const k = key(false);
      if (!k) return undefined;
      const sealed = file.read().get(name);
      if (!sealed) return undefined;
      const plain = open(k, name, sealed);
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
