// The signature and QR checks the simulator makes on a document: the till's own verifier
// (main/fiscal/einvoice verifySignedInvoice), its findings turned into validation messages in ZATCA's style
// (zatca.md §8 names signed-properties-hashing, certificate-hashing, invoiceTimeStamp_QRCODE_INVALID; the other
// codes are [simulator] conventions).
import { parseZatcaQr } from '../../fiscal';
import { verifySignedInvoice } from '../../fiscal/einvoice';
import type { DocumentFacts } from './inspect';
import type { FaultMessage } from './types';

const CODES: Readonly<Record<string, string>> = {
  xml: 'SAXParseException',
  'invoice-hash': 'invalid-invoice-hash',
  certificate: 'certificate-missing',
  'certificate-digest': 'certificate-hashing',
  issuer: 'certificate-issuer-name',
  serial: 'certificate-serial-number',
  'signed-properties': 'signed-properties-hashing',
  signature: 'signature',
  qr: 'qrcode-missing',
  'qr-time': 'invoiceTimeStamp_QRCODE_INVALID',
};

/** Whether the document's QR has tag 9 (ZATCA's signature over the certificate). */
function qrHasTag9(xml: string): boolean {
  const qr = /<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]*)</.exec(xml)?.[1];
  try {
    return !!qr && parseZatcaQr(qr).tags.has(9);
  } catch {
    return false;
  }
}

export function checkSignatureAndQr(facts: DocumentFacts): FaultMessage[] {
  // Tag 9 belongs to simplified documents only (zatca.md §1; the SDK's standard samples have none): a standard
  // document without it is right, whatever the verifier says about its absence.
  const tag9Optional = facts.profile === 'standard' && !qrHasTag9(facts.xml);
  const findings = verifySignedInvoice(facts.xml).findings.filter((f) => !(tag9Optional && f.check === 'qr-certificate-signature'));
  return findings.map((f) => ({
    code: CODES[f.check] ?? (f.check.startsWith('qr-') ? `qrcode-${f.check.slice(3)}` : f.check),
    category: f.check === 'xml' ? 'XSD_SCHEMA_ERROR' : f.check.startsWith('qr') ? 'QRCODE_ERRORS' : 'SIGNATURE_ERRORS',
    message: f.detail,
  }));
}
