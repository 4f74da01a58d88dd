// The vendor's release keys: the only keys whose Ed25519 signature over latest.json this till accepts. Public
// halves only; the private key lives with whoever publishes releases (docs/updates.md, "Signing a release").
//
// The list is compiled in on purpose, with no setting, variable or file to add a key: a per-machine install runs
// its installer with administrator rights, so anyone who could add a key (a cashier's user can set its own
// environment) could get their program run as administrator. Tests hand their own keys to createUpdates.
//
// EMPTY until the vendor's key is made: a till built from this tree accepts no update at all
// (UPDATE_NO_TRUSTED_KEY), which is the safe failure. Add `{ id, publicKeyPem }` before the first release that
// should update itself; keep the old key listed while releases signed with it are still being installed.
import { createPublicKey, type KeyObject } from 'node:crypto';

export interface TrustedKey {
  /** A name for logs and the admin screen ("nuqta-release-2026"); never part of what is checked. */
  readonly id: string;
  /** The Ed25519 public key as SPKI PEM (`openssl pkey -pubout`). */
  readonly publicKeyPem: string;
}

export const RELEASE_KEYS: readonly TrustedKey[] = [];

export interface LoadedKey {
  readonly id: string;
  readonly key: KeyObject;
}

/** Parses every key; throws at once (a programming error, not an update's fault) on one that is not Ed25519. */
export function loadKeys(keys: readonly TrustedKey[]): LoadedKey[] {
  return keys.map((k) => {
    const key = createPublicKey(k.publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`release key ${k.id} is ${key.asymmetricKeyType ?? 'unknown'}, not ed25519`);
    return { id: k.id, key };
  });
}
