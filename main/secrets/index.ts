// Secrets at rest (client certificates, passphrases, API keys) and their redaction from anything printed.
// Electron: createSafeStorageSecretStore({ safeStorage, dataDir }). Host / CLI: createFileSecretStore({ dataDir }).
export type { SecretStore, KnownSecretName, Bilingual } from './types';
export { SECRET_NAME } from './types';
export { SecretStoreError, type SecretErrorCode } from './errors';
export { createFileSecretStore, KEY_FILE_NAME, SECRETS_FILE_NAME, type FileSecretStoreOptions } from './file-store';
export {
  createSafeStorageSecretStore,
  SAFE_STORAGE_FILE_NAME,
  type SafeStorageLike,
  type SafeStorageSecretStoreOptions,
} from './safe-storage-store';
export { redact, redactError, rememberSecret, forgetRememberedSecrets } from './redact';
export { adoptSecrets, type AdoptResult } from './adopt';
export { PRODUCTION_SCRYPT_COST, SCRYPT_COST, TEST_SCRYPT_N_ENV, scryptCostFrom, scryptHash, type ScryptCost } from './scrypt-cost';
