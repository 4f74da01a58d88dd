// The till's EGS units (ZATCA's "e-invoice generation solution": one per till). A unit is created when
// onboarding starts, becomes active with its production certificate, and is retired when the till is
// onboarded again (a new key starts a new chain at ICV 1). Its private key and the CSID's secret live in the
// secret store under the names below; the certificate is public and kept here.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { tableRow, type Db, type RowOf } from '../db';
import type { SecretStore } from '../secrets';

export const UnitEnvironment = z.enum(['simulator', 'sandbox', 'simulation', 'production']);
export type UnitEnvironment = z.infer<typeof UnitEnvironment>;

/**
 * The document types the unit was onboarded for (its CSR's title, which its certificate carries): `0100` simplified
 * only, `1100` standard and simplified. Its CSID signs standard (B2B) documents only when 1100.
 */
export const UnitInvoiceTypes = z.enum(['0100', '1100']);
export type UnitInvoiceTypes = z.infer<typeof UnitInvoiceTypes>;

const unitRow = tableRow('einvoice_units', z.object({
  egs_id: z.string(),
  environment: UnitEnvironment,
  common_name: z.string(),
  serial: z.string(),
  certificate: z.string().nullable(),
  not_after: z.string().nullable(),
  state: z.enum(['onboarding', 'active', 'retired']),
  invoice_types: UnitInvoiceTypes,
}));
export type UnitRow = RowOf<typeof unitRow>;

export const unitSecretNames = (egsId: string) => ({
  /** PKCS#8 DER of the unit's secp256k1 key. Never exported (`nuqta config export` skips secrets). */
  privateKey: `einvoicing.${egsId}.key`,
  /** The production CSID's secret (the Basic-auth password that goes with the certificate). */
  csidSecret: `einvoicing.${egsId}.secret`,
});

/**
 * A renewed certificate's key and CSID secret, under names of their own: the certificate's fingerprint is in them,
 * so the unit row's certificate names its key. A renewal stores the new pair first, switches the row in one
 * transaction and removes the old pair after: a crash anywhere leaves the row's certificate with its own key.
 */
export function certificateSecretNames(egsId: string, certificate: string) {
  const fingerprint = createHash('sha256').update(Buffer.from(certificate, 'base64')).digest('hex').slice(0, 16);
  return { privateKey: `einvoicing.${egsId}.${fingerprint}.key`, csidSecret: `einvoicing.${egsId}.${fingerprint}.secret` };
}

/** Where the key and CSID secret of the unit's certificate are kept: a renewed certificate's own names, else onboarding's. */
export function secretNamesOf(secrets: Pick<SecretStore, 'names'>, unit: Pick<UnitRow, 'egs_id' | 'certificate'>): ReturnType<typeof unitSecretNames> {
  if (unit.certificate !== null) {
    const own = certificateSecretNames(unit.egs_id, unit.certificate);
    // The key is stored after its secret, so a key under these names means the pair is complete.
    if (secrets.names().includes(own.privateKey)) return own;
  }
  return unitSecretNames(unit.egs_id);
}

export function createUnitStore(db: Db) {
  const q = {
    active: unitRow.select(db, "WHERE state = 'active'"),
    byId: unitRow.select<[string]>(db, 'WHERE egs_id = ?'),
    insert: db.prepare(
      `INSERT INTO einvoice_units (egs_id, environment, common_name, serial, certificate, not_after, state, invoice_types, created_seq, updated_seq)
       VALUES (@egsId, @environment, @commonName, @serial, NULL, NULL, 'onboarding', @invoiceTypes, @seq, @seq)`,
    ),
    retireActive: db.prepare(`UPDATE einvoice_units SET state = 'retired', updated_seq = ? WHERE state = 'active'`),
    activate: db.prepare(
      `UPDATE einvoice_units SET state = 'active', certificate = @certificate, not_after = @notAfter, updated_seq = @seq WHERE egs_id = @egsId`,
    ),
    renew: db.prepare(`UPDATE einvoice_units SET certificate = @certificate, not_after = @notAfter, updated_seq = @seq WHERE egs_id = @egsId`),
  };
  return {
    active: (): UnitRow | undefined => q.active.get(),
    byId: (egsId: string): UnitRow | undefined => q.byId.get(egsId),
    /** In the caller's transaction, with the journal entry's seq. */
    insert: (unit: { egsId: string; environment: UnitEnvironment; commonName: string; serial: string; invoiceTypes: UnitInvoiceTypes }, seq: number) => q.insert.run({ ...unit, seq }),
    activate: (egsId: string, certificate: string, notAfter: string, seq: number) => {
      q.retireActive.run(seq);
      q.activate.run({ egsId, certificate, notAfter, seq });
    },
    renew: (egsId: string, certificate: string, notAfter: string, seq: number) => q.renew.run({ egsId, certificate, notAfter, seq }),
  };
}
export type UnitStore = ReturnType<typeof createUnitStore>;
