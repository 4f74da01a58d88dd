// Electron's safeStorage for tests of the stores that use it.
import type { SafeStorageLike } from '../../main/secrets';

/** A stand-in for Electron's safeStorage: reversible, visibly not plain text, switchable. */
export function fakeSafeStorage(state: { available: boolean; backend?: string }): SafeStorageLike & { calls: number } {
  const fake = {
    calls: 0,
    isEncryptionAvailable: () => state.available,
    encryptString(text: string) {
      fake.calls += 1;
      if (!state.available) throw new Error('Encryption is not available.');
      return Buffer.from(`sealed:${Buffer.from(text).toString('hex').split('').reverse().join('')}`);
    },
    decryptString(sealed: Buffer) {
      const s = sealed.toString();
      if (!s.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(s.slice(7).split('').reverse().join(''), 'hex').toString();
    },
    ...(state.backend !== undefined ? { getSelectedStorageBackend: () => state.backend! } : {}),
  };
  return fake;
}
