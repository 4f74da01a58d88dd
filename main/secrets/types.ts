// The secret store's face. Secrets are opaque bytes under a dotted name; callers never see how they are sealed.
// Synchronous on purpose: both implementations are a small file plus an in-process cipher (or Electron's
// safeStorage, itself synchronous), and the callers (connector factories at start-up) want the bytes at once.

/** Well-known names. Any other name matching SECRET_NAME is allowed too. */
export type KnownSecretName = 'stcpay.clientCert' | 'stcpay.passphrase' | 'nexo.apiKey';

/** `area.thing`, letters/digits/_/-, at most 100 characters: keeps names safe as JSON keys and in logs. */
export const SECRET_NAME = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/;

export interface SecretStore {
  /** Seals and persists `bytes` under `name`, replacing any earlier value. */
  put(name: string, bytes: Uint8Array): void;
  /** The bytes, or undefined when nothing is stored under `name`. Throws when a stored value cannot be opened. */
  get(name: string): Uint8Array | undefined;
  /** Removes `name`; true when something was removed. */
  delete(name: string): boolean;
  /** Names with a stored value (never the values). */
  names(): string[];
}

export interface Bilingual {
  en: string;
  ar: string;
}
