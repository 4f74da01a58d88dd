// Onboarding this till as an EGS unit (zatca.md §4): a new secp256k1 key, a CSR with ZATCA's fields, the
// compliance CSID for the OTP the taxpayer got from the FATOORA portal, the compliance checks for every document
// type the till issues (a simplified invoice, credit note and debit note, signed with that CSID; and the same three
// standard ones when the till issues standard invoices), then the production CSID. Only when all of it passed is
// anything kept: the key and the CSID's secret in the secret store, the unit (active, with its certificate and the
// document types it was onboarded for) in the ledger, journaled. A new unit starts a new chain at ICV 1.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db';
import {
  amountText,
  buildUnsignedInvoice,
  ownDocumentHash,
  readStampCertificate,
  SEED_PIH,
  signInvoice,
  type Buyer,
  type DocumentType,
  type EInvoiceDocument,
} from '../../fiscal/einvoice';
import type { Journal } from '../../ledger';
import type { SecretStore } from '../../secrets';
import type { TillSettings } from '../../settings';
import type { PlatformClient, PlatformCredentials } from '../platform';
import { sellerOf } from '../from-receipt';
import { issueMomentOf } from '../local-time';
import { ENTRY } from '../projection';
import { createUnitStore, unitSecretNames, type UnitEnvironment, type UnitInvoiceTypes } from '../units';
import { buildCsr, type CsrFields } from './csr';

export interface OnboardDeps {
  db: Db;
  journal: Journal;
  secrets: SecretStore;
  settings: () => TillSettings;
  client: PlatformClient;
  appVersion: string;
  now?: () => Date;
  newId?: () => string;
}

export type OnboardStep = 'csr' | 'compliance-csid' | 'compliance-checks' | 'production-csid';

export type OnboardResult =
  | { ok: true; egsId: string; environment: UnitEnvironment; invoiceTypes: UnitInvoiceTypes; notAfter: string; checks: string[] }
  /** Where it stopped and what the platform said; nothing was kept. */
  | { ok: false; step: OnboardStep; code: string; detail: string; messages: Array<{ code: string; message: string }> };

/** ZATCA's document types for the CSR title: standard and simplified (1100) when the till issues B2B invoices. */
export const invoiceTypesFor = (settings: TillSettings): UnitInvoiceTypes => (settings.einvoicing?.standardInvoices ? '1100' : '0100');

export function csrFields(settings: TillSettings, serial: string): CsrFields {
  const a = settings.nationalAddress;
  return {
    commonName: `${settings.tillId}-${settings.vatNumber}`,
    egs: { solution: 'NuqtaPOS', model: settings.tillName.replace(/\|/g, ' ') || 'Till', serial },
    vatNumber: settings.vatNumber,
    branch: (settings.branchNameEn || settings.branchNameAr || 'Main branch').slice(0, 64),
    taxpayer: settings.shopNameAr.slice(0, 64),
    invoiceTypes: invoiceTypesFor(settings),
    registeredAddress: a ? `${a.buildingNumber} ${a.street}, ${a.district}, ${a.city} ${a.postalCode}` : settings.shopAddressEn || settings.shopAddressAr,
    businessCategory: 'Retail',
  };
}

/**
 * The standard samples' buyer: made up, but one ZATCA's rules accept (a VAT number of 15 digits starting and ending
 * with 3, a full national address), so only the unit's own signing is being checked.
 */
export const SAMPLE_BUYER: Buyer = {
  legalName: 'شركة فحص الامتثال | Compliance Check Co.',
  vatNumber: '310175397400003',
  address: { street: 'صلاح الدين', buildingNumber: '1111', district: 'المروج', city: 'الرياض', postalCode: '12222', country: 'SA' },
};

/**
 * The sample documents a unit must pass for its document types, chained from the seed like a real unit's first:
 * a simplified invoice, credit note and debit note (ICV 1-3), then for a 1100 unit the same three standard ones
 * (ICV 4-6), their notes referring to the standard invoice.
 */
function complianceSamples(settings: TillSettings, moment: { date: string; time: string }, invoiceTypes: UnitInvoiceTypes): EInvoiceDocument[] {
  const base = (type: DocumentType, icv: number, buyer: Buyer | null = null, invoiceIcv = 1): EInvoiceDocument => ({
    type,
    number: `${settings.tillId}-CHECK-${icv}`,
    uuid: randomUUID(),
    issueDate: moment.date,
    issueTime: moment.time,
    icv,
    pih: SEED_PIH,
    seller: sellerOf(settings),
    lines: [{ name: 'فحص الامتثال | Compliance check', quantityMilli: 1000, lineTotalHalalas: 115, vatCategory: 'S' }],
    pricesIncludeVat: true,
    totals: { subtotalHalalas: 100, vatHalalas: 15, totalHalalas: 115, breakdown: [{ category: 'S', ratePercent: 15, taxableHalalas: 100, vatHalalas: 15 }] },
    paymentMeans: ['10'],
    note: type === 'invoice' ? null : { originalNumber: `${settings.tillId}-CHECK-${invoiceIcv}`, reason: 'فحص الامتثال | Compliance check' },
    exemptions: { Z: settings.einvoicing!.zeroRatedReason, E: settings.einvoicing!.exemptReason },
    buyer,
  });
  const simplified = [base('invoice', 1), base('credit_note', 2), base('debit_note', 3)];
  if (invoiceTypes === '0100') return simplified;
  return [...simplified, base('invoice', 4, SAMPLE_BUYER, 4), base('credit_note', 5, SAMPLE_BUYER, 4), base('debit_note', 6, SAMPLE_BUYER, 4)];
}

export async function onboardUnit(deps: OnboardDeps, otp: string, environment: UnitEnvironment): Promise<OnboardResult> {
  const settings = deps.settings();
  const now = deps.now ?? (() => new Date());
  const egsId = (deps.newId ?? randomUUID)();
  const failed = (step: OnboardStep, code: string, detail: string, messages: Array<{ code: string; message: string }> = []): OnboardResult => ({ ok: false, step, code, detail, messages });
  if (!settings.einvoicing || !settings.nationalAddress) return failed('csr', 'EINVOICE_NOT_ONBOARDED', 'set the national address and e-invoicing first');

  const fields = csrFields(settings, egsId);
  const invoiceTypes = invoiceTypesFor(settings);
  let csr;
  try {
    csr = buildCsr(fields, environment);
  } catch (e) {
    return failed('csr', (e as { code?: string }).code ?? 'CSR_FIELD_MISSING', e instanceof Error ? e.message : String(e));
  }

  const compliance = await deps.client.complianceCsid(otp, csr.base64);
  if (compliance.kind !== 'issued') {
    return failed('compliance-csid', compliance.code, compliance.detail ?? '', compliance.kind === 'refused' ? compliance.errors : []);
  }
  const complianceCert = readStampCertificate(compliance.certificate);
  const checks: string[] = [];
  const moment = issueMomentOf(now().toISOString(), settings.timeZone);
  let pih = SEED_PIH;
  for (const doc of complianceSamples(settings, moment, invoiceTypes)) {
    const unsigned = buildUnsignedInvoice({ ...doc, pih });
    const signed = signInvoice(unsigned, {
      hash: ownDocumentHash(unsigned),
      privateKey: csr.privateKey,
      certificate: complianceCert,
      signingTime: `${moment.date}T${moment.time}`,
      qr: { sellerName: doc.seller.registrationName, vatNumber: doc.seller.vatNumber, timestamp: `${moment.date}T${moment.time}`, totalWithVat: amountText(115), vatTotal: amountText(15) },
    });
    pih = signed.hash;
    const answer = await deps.client.complianceCheck(compliance.credentials, { invoiceHash: signed.hash, uuid: doc.uuid, invoice: Buffer.from(signed.xml, 'utf8').toString('base64') });
    if (answer.kind !== 'passed') {
      return failed('compliance-checks', answer.code, `${doc.buyer ? 'standard' : 'simplified'} ${doc.type}: ${answer.kind === 'rejected' ? answer.errors.map((m) => m.code).join(', ') : answer.detail}`, answer.kind === 'rejected' ? answer.errors : []);
    }
    checks.push(`${doc.buyer ? 'standard' : 'simplified'} ${doc.type}: ${answer.status}`);
  }

  const production = await deps.client.productionCsid(compliance.credentials, compliance.requestId);
  if (production.kind !== 'issued') {
    return failed('production-csid', production.code, production.detail ?? '', production.kind === 'refused' ? production.errors : []);
  }
  keepUnit(deps, { egsId, environment, commonName: fields.commonName, serial: egsId, invoiceTypes }, csr.privateKeyPkcs8, production.credentials, production.certificate, production.notAfter);
  return { ok: true, egsId, environment, invoiceTypes, notAfter: production.notAfter, checks };
}

function keepUnit(
  deps: OnboardDeps,
  unit: { egsId: string; environment: UnitEnvironment; commonName: string; serial: string; invoiceTypes: UnitInvoiceTypes },
  privateKeyPkcs8: Buffer,
  credentials: PlatformCredentials,
  certificate: string,
  notAfter: string,
): void {
  const names = unitSecretNames(unit.egsId);
  // Secrets first: a unit row whose key is missing could not sign; a key without a row is merely unused.
  deps.secrets.put(names.privateKey, privateKeyPkcs8);
  deps.secrets.put(names.csidSecret, Buffer.from(credentials.secret, 'utf8'));
  const units = createUnitStore(deps.db);
  deps.db
    .transaction(() => {
      const created = deps.journal.append(ENTRY.unitCreated, {
        egsId: unit.egsId,
        environment: unit.environment,
        commonName: unit.commonName,
        serial: unit.serial,
        invoiceTypes: unit.invoiceTypes,
      });
      units.insert(unit, created.seq);
      const activated = deps.journal.append(ENTRY.unitActivated, { egsId: unit.egsId, certificate, notAfter });
      units.activate(unit.egsId, certificate, notAfter, activated.seq);
    })
    .immediate();
}
