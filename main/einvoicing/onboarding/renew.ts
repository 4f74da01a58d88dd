// Renewing the unit's production CSID before it expires (zatca.md §4 step 4, issue #12): a NEW secp256k1 key and
// a CSR with the onboarding fields — the unit's identity (VAT number, EGS serial, name) as its certificate carries
// it, so ZATCA sees the same unit — sent with an OTP from the FATOORA portal in `PATCH production/csids`,
// authenticated with the CURRENT production CSID. The answer is the new production CSID itself: no compliance CSID
// and no compliance checks (zatca.md, Odoo's l10n_sa_edi and our platform simulator agree; [inferred] one portal OTP
// would not pay for a compliance CSID as well). So a renewal keeps the document types the unit was onboarded for
// (its certificate's title): a simplified-only (0100) unit never passed the standard samples, and a till that now
// issues standard invoices onboards again instead (the health page says so).
//
// Nothing is kept unless every step passed; the old key and certificate sign until the new ones are stored.
// Storing is ordered so that a crash at any point leaves a unit whose key is its certificate's (units.ts):
//   1. the new CSID secret, then the new key, under the new certificate's own names (secret store);
//   2. one SQLite transaction: the journal's einvoice.unit_renewed and the unit row's new certificate;
//   3. the old key and secret (and any left by a renewal that crashed) removed.
// A crash before 2 leaves the old certificate with its old key (the new pair unused until step 3 of a later
// renewal removes it); after 2, the new certificate with its new key. The unit stays the same, so does its
// ICV/PIH chain; documents signed before go on being reported, with the new credentials.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, SubjectAlternativeName } from '@peculiar/asn1-x509';
import type { Db } from '../../db';
import { defineErrors, type Bilingual } from '../../errors';
import { readStampCertificate } from '../../fiscal/einvoice';
import type { Journal } from '../../ledger';
import type { SecretStore } from '../../secrets';
import type { TillSettings } from '../../settings';
import { platformText, type PlatformClient, type PlatformCredentials, type PlatformMessage } from '../platform';
import { ENTRY } from '../projection';
import { certificateSecretNames, createUnitStore, type UnitEnvironment, type UnitRow } from '../units';
import { buildCsr, CsrError, csrErrors, OID, type BuiltCsr, type CsrFields, type InvoiceTypes } from './csr';
import { csrFields } from './onboard';

export const renewalErrors = defineErrors({
  RENEW_NOT_ONBOARDED: {
    ar: 'لا توجد وحدة مربوطة بمنصة فاتورة في البيئة التي تحددها الإعدادات، فلا شهادة لتجديدها. اربط نقطة البيع أولًا (nuqta zatca onboard).',
    en: 'No unit is onboarded with FATOORA for the environment the settings name, so there is no certificate to renew. Onboard the till first (nuqta zatca onboard).',
  },
  RENEW_NO_PLATFORM: {
    ar: 'لا تتوفر هنا منصة لبيئة هذه الوحدة. الوحدة التجريبية تجدد شهادتها بنفسها عند تشغيل نقطة البيع.',
    en: "There is no platform for this unit's environment here. A demo unit renews its certificate itself when the till starts.",
  },
  RENEW_CREDENTIALS_MISSING: {
    ar: 'مفتاح الوحدة أو كلمة سر شهادتها غير موجود على هذا الجهاز، فلا يمكن التجديد بهما. يجب ربط نقطة البيع من جديد.',
    en: "The unit's key or its certificate's secret is missing on this till, so it cannot renew with them. The till must be onboarded again.",
  },
  RENEW_VAT_CHANGED: {
    ar: 'الرقم الضريبي في الإعدادات ليس الرقم الذي رُبطت به هذه الوحدة. المنشأة الأخرى تُربط من جديد (nuqta zatca onboard) ولا تُجدَّد.',
    en: 'The VAT number in the settings is not the one this unit was onboarded with. Another taxpayer onboards again (nuqta zatca onboard); it does not renew.',
  },
  RENEW_OTP_REFUSED: {
    ar: 'رفضت منصة فاتورة رمز التحقق (OTP): غير صحيح أو انتهت صلاحيته. اطلب رمزًا جديدًا من بوابة فاتورة وأعد المحاولة. لم يتغير شيء، والشهادة الحالية ما زالت توقّع.',
    en: 'FATOORA refused the OTP: it is wrong or has expired. Get a new one from the FATOORA portal and try again. Nothing changed; the current certificate still signs.',
  },
  RENEW_REFUSED: {
    ar: 'رفضت منصة فاتورة تجديد الشهادة (أسبابها أدناه). لم يتغير شيء، والشهادة الحالية ما زالت توقّع.',
    en: 'FATOORA refused to renew the certificate (its reasons are below). Nothing changed; the current certificate still signs.',
  },
  RENEW_UNAUTHORIZED: {
    ar: 'لم تعد منصة فاتورة تقبل الشهادة الحالية (CSID)، فلا يمكن التجديد بها. اربط نقطة البيع من جديد برمز OTP جديد (nuqta zatca onboard).',
    en: 'FATOORA no longer accepts the current certificate (CSID), so it cannot renew with it. Onboard the till again with a new OTP (nuqta zatca onboard).',
  },
  RENEW_NO_ANSWER: {
    ar: 'لم يصل من منصة فاتورة رد صالح (الشبكة أو المنصة)، فلم يُجدَّد شيء ولم يتغير شيء، والشهادة الحالية ما زالت توقّع. تحقق من الاتصال وأعد المحاولة، برمز جديد إن انتهت صلاحية الرمز.',
    en: 'No usable answer came from FATOORA (the network or the platform), so nothing was renewed and nothing changed; the current certificate still signs. Check the connection and try again, with a new OTP if this one has expired.',
  },
  RENEW_ANSWER_INVALID: {
    ar: 'الشهادة التي أعادتها المنصة لا تخص المفتاح الجديد لهذه الوحدة أو هويتها، فلم تُحفظ. لم يتغير شيء؛ أعد المحاولة أو اتصل بالدعم.',
    en: "The certificate FATOORA sent back is not for this unit's new key or identity, so it was not kept. Nothing changed; try again or call support.",
  },
  RENEW_UNIT_CHANGED: {
    ar: 'تغيرت الوحدة أثناء التجديد (رُبطت من جديد أو جُددت)، فلم يُحفظ هذا التجديد.',
    en: 'The unit changed while renewing (onboarded again, or renewed meanwhile), so this renewal was not kept.',
  },
});
export type RenewalCode = keyof typeof renewalErrors.text;

export interface RenewDeps {
  db: Db;
  journal: Journal;
  secrets: SecretStore;
  settings: () => TillSettings;
  /** The platform of the unit's environment; null when there is none here (a demo unit outside the till). */
  client: PlatformClient | null;
  now?: () => Date;
  /** Tests: throw from one to crash between the storing steps. */
  hooks?: { afterSecretsStored?(): void; afterSwitch?(): void };
}

export interface RenewRequest {
  /** From the FATOORA portal, as typed (Arabic-Indic digits are accepted). */
  otp: string;
  /** The environment the settings name: only a unit onboarded there is renewed. */
  environment: UnitEnvironment | null;
  /** The unit's current production CSID (token and secret); null when its secret is gone. */
  current(unit: UnitRow): PlatformCredentials | null;
}

export type RenewStep = 'check' | 'csr' | 'renew-csid' | 'verify' | 'store';

export type RenewResult =
  | { ok: true; egsId: string; environment: UnitEnvironment; notAfter: string; previousNotAfter: string | null; requestId: string }
  /** Where it stopped, in both languages, and what the platform said; nothing was changed. */
  | { ok: false; step: RenewStep; code: string; message: Bilingual; detail: string; messages: PlatformMessage[] };

type Failure = Extract<RenewResult, { ok: false }>;

export function renewalFailure(step: RenewStep, code: RenewalCode, detail = '', messages: PlatformMessage[] = []): Failure {
  return { ok: false, step, code, message: renewalErrors.text[code], detail, messages };
}

/** The unit identity a stamp certificate carries in its subjectAltName: VAT number, EGS serial, document types. */
export function identityOfCertificate(certificateBase64: string): { vatNumber: string; egsSerial: string; invoiceTypes: string } | null {
  try {
    const cert = AsnConvert.parse(Buffer.from(certificateBase64, 'base64'), Certificate);
    const san = cert.tbsCertificate.extensions?.find((e) => e.extnID === OID.subjectAltName);
    const dir = san ? AsnConvert.parse(san.extnValue.buffer, SubjectAlternativeName).find((g) => g.directoryName)?.directoryName : undefined;
    if (!dir) return null;
    const values = new Map<string, string>();
    for (const rdn of dir) for (const atv of rdn) if (!values.has(atv.type)) values.set(atv.type, atv.value.toString());
    const vatNumber = values.get(OID.userId);
    const egsSerial = values.get(OID.surname);
    return vatNumber && egsSerial ? { vatNumber, egsSerial, invoiceTypes: values.get(OID.title) ?? '' } : null;
  } catch {
    return null;
  }
}

const EGS_SERIAL = /^1-([^|]+)\|2-([^|]+)\|3-([^|]+)$/;
const INVOICE_TYPES: readonly string[] = ['0100', '1100', '1000'] satisfies InvoiceTypes[];

/** The onboarding fields from today's settings, with the identity pinned to what the unit's certificate says. */
function renewalFields(settings: TillSettings, unit: UnitRow, identity: ReturnType<typeof identityOfCertificate>): CsrFields {
  const fields = { ...csrFields(settings, unit.serial), commonName: unit.common_name, invoiceTypes: unit.invoice_types };
  if (!identity) return fields;
  // The till's name may have changed since onboarding: the EGS serial must not, or ZATCA would see another unit.
  const m = EGS_SERIAL.exec(identity.egsSerial);
  return {
    ...fields,
    vatNumber: identity.vatNumber,
    ...(m ? { egs: { solution: m[1]!, model: m[2]!, serial: m[3]! } } : {}),
    ...(INVOICE_TYPES.includes(identity.invoiceTypes) ? { invoiceTypes: identity.invoiceTypes as InvoiceTypes } : {}),
  };
}

/** What a refused, unauthorized or unanswered PATCH means for the person renewing. */
function platformFailure(answer: Exclude<Awaited<ReturnType<PlatformClient['renewProductionCsid']>>, { kind: 'issued' }>): Failure {
  switch (answer.kind) {
    case 'refused': {
      if (answer.code === 'ZATCA_OTP_FORMAT') return { ...renewalFailure('renew-csid', 'RENEW_OTP_REFUSED', answer.detail), code: answer.code, message: platformText.text.ZATCA_OTP_FORMAT };
      // [inferred] ZATCA names a wrong or expired OTP in its error code or message (the simulator: Invalid-OTP).
      const otp = answer.errors.some((m) => /otp/i.test(m.code) || /\bOTP\b/.test(m.message));
      return renewalFailure('renew-csid', otp ? 'RENEW_OTP_REFUSED' : 'RENEW_REFUSED', answer.detail, answer.errors);
    }
    case 'unauthorized':
      return renewalFailure('renew-csid', 'RENEW_UNAUTHORIZED', answer.detail);
    case 'retry':
      return renewalFailure('renew-csid', 'RENEW_NO_ANSWER', `${answer.code}: ${answer.detail}`);
  }
}

const spkiOf = (key: KeyObject) => (key.type === 'public' ? key : createPublicKey(key)).export({ type: 'spki', format: 'der' });

export async function renewUnit(deps: RenewDeps, request: RenewRequest): Promise<RenewResult> {
  const { db, secrets } = deps;
  const now = deps.now ?? (() => new Date());
  const settings = deps.settings();
  const units = createUnitStore(db);
  const unit = units.active();
  if (!unit || unit.certificate === null || unit.environment !== request.environment || !settings.einvoicing) {
    return renewalFailure('check', 'RENEW_NOT_ONBOARDED', unit ? `the active unit is for ${unit.environment}, the settings name ${request.environment ?? 'none'}` : 'no active unit');
  }
  if (!deps.client) return renewalFailure('check', 'RENEW_NO_PLATFORM', unit.environment);
  const current = request.current(unit);
  if (!current) return renewalFailure('check', 'RENEW_CREDENTIALS_MISSING', unit.egs_id);
  const identity = identityOfCertificate(unit.certificate);
  if (identity && identity.vatNumber !== settings.vatNumber) return renewalFailure('check', 'RENEW_VAT_CHANGED', `${settings.vatNumber} ≠ ${identity.vatNumber}`);

  let csr: BuiltCsr;
  try {
    csr = buildCsr(renewalFields(settings, unit, identity), unit.environment);
  } catch (e) {
    if (!(e instanceof CsrError)) throw e;
    return { ok: false, step: 'csr', code: e.code, message: csrErrors.text[e.code], detail: e.message, messages: [] };
  }

  const answer = await deps.client.renewProductionCsid(current, request.otp, csr.base64);
  if (answer.kind !== 'issued') return platformFailure(answer);

  // The answer is believed only when it is a certificate for the key just made and for this same unit.
  let publicKeyMatches: boolean;
  try {
    publicKeyMatches = spkiOf(readStampCertificate(answer.certificate).publicKey).equals(spkiOf(csr.privateKey));
  } catch (e) {
    return renewalFailure('verify', 'RENEW_ANSWER_INVALID', e instanceof Error ? e.message : String(e));
  }
  if (!publicKeyMatches) return renewalFailure('verify', 'RENEW_ANSWER_INVALID', "the certificate does not carry the CSR's key");
  const renewedIdentity = identityOfCertificate(answer.certificate);
  if (identity && (renewedIdentity?.vatNumber !== identity.vatNumber || renewedIdentity.egsSerial !== identity.egsSerial)) {
    return renewalFailure('verify', 'RENEW_ANSWER_INVALID', `the certificate is for ${renewedIdentity ? `${renewedIdentity.vatNumber}|${renewedIdentity.egsSerial}` : 'no unit'}, not ${identity.vatNumber}|${identity.egsSerial}`);
  }
  if (Date.parse(answer.notAfter) <= now().getTime()) return renewalFailure('verify', 'RENEW_ANSWER_INVALID', `the certificate expired at ${answer.notAfter}`);

  const renewed = certificateSecretNames(unit.egs_id, answer.certificate);
  const dropRenewed = () => {
    secrets.delete(renewed.privateKey);
    secrets.delete(renewed.csidSecret);
  };
  // The secret before the key: a key under these names means the pair is complete (units.ts secretNamesOf).
  secrets.put(renewed.csidSecret, Buffer.from(answer.credentials.secret, 'utf8'));
  secrets.put(renewed.privateKey, csr.privateKeyPkcs8);
  deps.hooks?.afterSecretsStored?.();
  let switched: boolean;
  try {
    switched = db
      .transaction(() => {
        // Onboarded again, or renewed by someone else, while this one waited for FATOORA: not ours to replace.
        const still = units.byId(unit.egs_id);
        if (still?.state !== 'active' || still.certificate !== unit.certificate) return false;
        const entry = deps.journal.append(ENTRY.unitRenewed, { egsId: unit.egs_id, certificate: answer.certificate, notAfter: answer.notAfter, requestId: answer.requestId });
        units.renew(unit.egs_id, answer.certificate, answer.notAfter, entry.seq);
        return true;
      })
      .immediate();
  } catch (e) {
    // Rolled back: the row still names the old certificate, so the new pair is nobody's.
    dropRenewed();
    throw e;
  }
  if (!switched) {
    dropRenewed();
    return renewalFailure('store', 'RENEW_UNIT_CHANGED', unit.egs_id);
  }
  deps.hooks?.afterSwitch?.();
  // The old pair, and any a crashed renewal left behind: only the row's certificate's own pair stays.
  const prefix = `einvoicing.${unit.egs_id}.`;
  for (const name of secrets.names()) {
    if (name.startsWith(prefix) && name !== renewed.privateKey && name !== renewed.csidSecret) secrets.delete(name);
  }
  return { ok: true, egsId: unit.egs_id, environment: unit.environment, notAfter: answer.notAfter, previousNotAfter: unit.not_after, requestId: answer.requestId };
}

/** Every certificate the unit has had, oldest first (from its journal entries): documents signed with each may still wait. */
export function unitCertificates(db: Db, egsId: string): string[] {
  const rows = db.prepare<[string, string], { payload: string }>('SELECT payload FROM journal WHERE type IN (?, ?) ORDER BY seq').all(ENTRY.unitActivated, ENTRY.unitRenewed);
  const out: string[] = [];
  for (const { payload } of rows) {
    const p = JSON.parse(payload) as { egsId?: unknown; certificate?: unknown };
    if (p.egsId === egsId && typeof p.certificate === 'string' && !out.includes(p.certificate)) out.push(p.certificate);
  }
  return out;
}
