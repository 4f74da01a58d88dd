// The active unit's signing credentials: its private key from the secret store and its stamp certificate from
// the unit row. Read once and kept while the unit and its certificate stay the same — a sale's transaction
// must not parse a key or a certificate.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { TillError } from '../errors';
import { readStampCertificate, type StampCertificate } from '../fiscal/einvoice';
import type { SecretStore } from '../secrets';
import { secretNamesOf, type UnitStore } from './units';

export interface SigningCredentials {
  egsId: string;
  privateKey: KeyObject;
  certificate: StampCertificate;
}

export function createCredentials(units: UnitStore, secrets: SecretStore) {
  let cached: { egsId: string; certificate: string; credentials: SigningCredentials } | null = null;
  return {
    /** The active unit's credentials; null when no unit is active (not onboarded). */
    current(): SigningCredentials | null {
      const unit = units.active();
      if (!unit || unit.certificate === null) return null;
      if (cached && cached.egsId === unit.egs_id && cached.certificate === unit.certificate) return cached.credentials;
      const keyBytes = secrets.get(secretNamesOf(secrets, unit).privateKey);
      if (!keyBytes) throw new TillError('EINVOICE_KEY_MISSING', unit.egs_id);
      let privateKey: KeyObject;
      try {
        privateKey = createPrivateKey({ key: Buffer.from(keyBytes), format: 'der', type: 'pkcs8' });
      } catch (e) {
        throw new TillError('EINVOICE_KEY_MISSING', `${unit.egs_id}: the stored key cannot be read (${e instanceof Error ? e.message : String(e)})`);
      }
      const certificate = readStampCertificate(unit.certificate);
      // A key that is not the certificate's would sign documents nobody can verify: refuse to sign instead.
      const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });
      if (!spki(createPublicKey(privateKey)).equals(spki(certificate.publicKey))) {
        throw new TillError('EINVOICE_KEY_MISSING', `${unit.egs_id}: the stored key is not the certificate's`);
      }
      const credentials: SigningCredentials = { egsId: unit.egs_id, privateKey, certificate };
      cached = { egsId: unit.egs_id, certificate: unit.certificate, credentials };
      return credentials;
    },
    forget(): void {
      cached = null;
    },
  };
}
export type Credentials = ReturnType<typeof createCredentials>;
