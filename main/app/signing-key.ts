// The till's ledger signing key (main/ledger/seals.ts), from the till's own secret store. Where that store
// cannot hold it (Electron without a usable keychain), the key file store in the data folder does; where
// neither can, the till still sells, unsealed, and says so: `ledger verify` will then name the unsealed entries.
import { loadOrCreateSigningKey, type SigningKey } from '../ledger';
import { createFileSecretStore, type SecretStore } from '../secrets';

export function openSigningKey(secrets: SecretStore, dataDir: string, log: { error(message: string): void } = console): SigningKey | null {
  try {
    return loadOrCreateSigningKey(secrets);
  } catch (first) {
    try {
      return loadOrCreateSigningKey(createFileSecretStore({ dataDir }));
    } catch (second) {
      const why = (e: unknown) => (e instanceof Error ? e.message : String(e));
      log.error(`the ledger cannot be sealed: no secret store holds its signing key (${why(first)}; ${why(second)})`);
      return null;
    }
  }
}
