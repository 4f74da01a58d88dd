// How provider credentials reach the Electron app. An admin enters them with the CLI (`nuqta secret set`), which
// seals them in the host's file store: the CLI runs as plain Node and cannot use the keychain that Electron's
// safeStorage seals with. At its next start the app takes every secret it finds there into its own
// safeStorage store and removes it from the file store, so a credential lives in one place, sealed by the
// operating system's keychain, and the key-file copy does not linger on the till.
import type { SecretStore } from './types';

export interface AdoptResult {
  /** Names now in the app's store and gone from the file store. */
  adopted: string[];
  /** Names left where they were, with why (keychain unavailable, a value that cannot be opened). */
  left: Array<{ name: string; why: string }>;
}

export function adoptSecrets(from: SecretStore, into: SecretStore): AdoptResult {
  const result: AdoptResult = { adopted: [], left: [] };
  for (const name of from.names()) {
    try {
      const value = from.get(name);
      if (value === undefined) continue;
      // Sealed into the app's store first: a failure here leaves the secret where it was, never nowhere.
      into.put(name, value);
      from.delete(name);
      result.adopted.push(name);
    } catch (e) {
      result.left.push({ name, why: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}
