// The CSIDs the simulator issued (or was handed by a test): certificate, token and secret, which EGS each
// belongs to, and the OTPs it accepts. An EGS is known by its VAT number and EGS serial (the subjectAltName's UID
// and SN), so a renewed certificate continues the same unit — and the same ICV/PIH chain.
import { randomBytes } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, SubjectAlternativeName } from '@peculiar/asn1-x509';
import { CSR_OID, type CsrContents } from '../../einvoicing/onboarding';
import type { SimCsid } from './types';
import { issueStampCertificate, type Authority } from './x509';

const SAN_OID = '2.5.29.17';

/** The EGS key and document types a certificate carries in its subjectAltName, or null without one. */
export function egsOfCertificate(der: Buffer): { egs: string; invoiceTypes: string } | null {
  try {
    const cert = AsnConvert.parse(der, Certificate);
    const san = cert.tbsCertificate.extensions?.find((e) => e.extnID === SAN_OID);
    if (!san) return null;
    const dir = AsnConvert.parse(san.extnValue.buffer, SubjectAlternativeName).find((g) => g.directoryName)?.directoryName;
    if (!dir) return null;
    const values = new Map<string, string>();
    for (const rdn of dir) for (const atv of rdn) values.set(atv.type, atv.value.toString());
    const vat = values.get(CSR_OID.userId);
    const serial = values.get(CSR_OID.surname);
    return vat && serial ? { egs: `${vat}|${serial}`, invoiceTypes: values.get(CSR_OID.title) ?? '' } : null;
  } catch {
    return null;
  }
}

export const egsOfCsr = (csr: CsrContents): string | null => (csr.vatNumber && csr.egsSerial ? `${csr.vatNumber}|${csr.egsSerial}` : null);

const tokenOf = (certificateBase64: string) => Buffer.from(certificateBase64, 'latin1').toString('base64');

export interface RegistryOptions {
  ca: Authority;
  certificateDays: number;
  now: () => Date;
}

export function createRegistry(options: RegistryOptions) {
  // A token is the certificate itself, and a test may adopt one certificate twice (as compliance and as
  // production CSID): the secret tells them apart.
  const byToken = new Map<string, SimCsid[]>();
  const all = (): SimCsid[] => [...byToken.values()].flat();
  // 13 digits like ZATCA's, counting up from a random start so two simulator runs do not repeat each other.
  let nextRequestId = 1_000_000_000_000 + Math.floor(Math.random() * 8_000_000_000_000);

  const add = (csid: Omit<SimCsid, 'binarySecurityToken' | 'secret' | 'requestId' | 'issuedAt' | 'passedChecks'>, secret?: string): SimCsid => {
    const full: SimCsid = {
      ...csid,
      requestId: String(nextRequestId++),
      binarySecurityToken: tokenOf(csid.certificate),
      secret: secret ?? randomBytes(32).toString('base64'),
      issuedAt: options.now().toISOString(),
      passedChecks: [],
    };
    byToken.set(full.binarySecurityToken, [...(byToken.get(full.binarySecurityToken) ?? []), full]);
    return full;
  };

  return {
    /** A new CSID for a (checked) CSR. */
    issue(kind: SimCsid['kind'], csr: CsrContents, egs: string): SimCsid {
      const der = issueStampCertificate(options.ca, csr, options.certificateDays, options.now());
      return add({ kind, egs, certificate: der.toString('base64'), invoiceTypes: csr.invoiceTypes ?? '', adopted: false });
    },
    /** Registers a certificate made elsewhere (ZATCA's published test certificate) as if issued here. */
    adopt(kind: SimCsid['kind'], certificateBase64: string, secret?: string): SimCsid {
      const certificate = certificateBase64.replace(/\s+/g, '');
      const facts = egsOfCertificate(Buffer.from(certificate, 'base64'));
      if (!facts) throw new Error('the certificate carries no EGS subjectAltName (UID and SN)');
      return add({ kind, egs: facts.egs, certificate, invoiceTypes: facts.invoiceTypes, adopted: true }, secret);
    },
    /** The CSID a Basic Authorization header names, when its secret matches; null otherwise. */
    authenticate(header: string | undefined): SimCsid | null {
      const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
      if (!m) return null;
      const pair = Buffer.from(m[1]!, 'base64').toString('utf8');
      const colon = pair.indexOf(':');
      if (colon < 0) return null;
      const secret = pair.slice(colon + 1);
      return byToken.get(pair.slice(0, colon))?.find((c) => c.secret === secret) ?? null;
    },
    /** Whether this certificate was issued (or adopted) for this EGS. */
    issuedTo(egs: string, certificateBase64: string): boolean {
      return all().some((c) => c.egs === egs && c.certificate === certificateBase64);
    },
    list: (): SimCsid[] => all().map((c) => structuredClone(c)),
  };
}
export type Registry = ReturnType<typeof createRegistry>;
