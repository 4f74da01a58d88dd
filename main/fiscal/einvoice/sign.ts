// Signing an unsigned document (main/fiscal/einvoice/ubl.ts makes it): hash, ECDSA over the hash, the XAdES
// block and the QR, put in at the two places the hash leaves out — ext:UBLExtensions straight after the root
// start tag, the QR reference straight before cac:Signature — with no whitespace added, so the signed
// document's hash is the unsigned one's. ECDSA on secp256k1 with SHA-256 over the 32 RAW hash bytes (SHA-256
// is applied again inside the signature), not over ds:SignedInfo: what ZATCA's SDK does and checks. Node's
// crypto does secp256k1; WebCrypto refuses the curve.
import { sign, type KeyObject } from 'node:crypto';
import { TillError } from '../../errors';
import type { StampCertificate } from './certificate';
import { invoiceHash } from './hash';
import { zatcaPhase2Qr } from './qr';
import { certificateDigest, signedPropertiesDigest, ublExtensions } from './xades';

export interface SignOptions {
  privateKey: KeyObject;
  certificate: StampCertificate;
  /** xades:SigningTime: the issue moment, local time as the document writes it. */
  signingTime: string;
  qr: { sellerName: string; vatNumber: string; timestamp: string; totalWithVat: string; vatTotal: string };
  /**
   * The document's invoice hash when the caller already has it (ownDocumentHash for the till's own documents,
   * which needs no parse); otherwise it is computed the general way.
   */
  hash?: string;
}

export interface SignedInvoice {
  xml: string;
  hash: string;
  /** Base64 of the DER signature. */
  signature: string;
  qr: string;
}

const SIGNATURE_START = '<cac:Signature>';

export const qrReference = (qr: string): string =>
  `<cac:AdditionalDocumentReference>\n        <cbc:ID>QR</cbc:ID>\n        <cac:Attachment>\n            <cbc:EmbeddedDocumentBinaryObject mimeCode="text/plain">${qr}</cbc:EmbeddedDocumentBinaryObject>\n        </cac:Attachment>\n</cac:AdditionalDocumentReference>`;

export function signInvoice(unsignedXml: string, options: SignOptions): SignedInvoice {
  const rootEnd = unsignedXml.indexOf('>', unsignedXml.indexOf('<Invoice') + 1);
  const signatureAt = unsignedXml.indexOf(SIGNATURE_START);
  if (unsignedXml.indexOf('<Invoice') < 0 || signatureAt < 0 || unsignedXml.includes('<ext:UBLExtensions') || unsignedXml.includes('<cbc:ID>QR</cbc:ID>')) {
    throw new TillError('EINVOICE_SIGNING_FAILED', 'not an unsigned document (root, cac:Signature, no extensions, no QR)');
  }
  const hash = options.hash ?? invoiceHash(unsignedXml);
  const signature = sign('sha256', Buffer.from(hash, 'base64'), options.privateKey).toString('base64');
  const { certificate } = options;
  const props = {
    signingTime: options.signingTime,
    certDigest: certificateDigest(certificate),
    issuerName: certificate.issuerName,
    serialDecimal: certificate.serialDecimal,
  };
  const extensions = ublExtensions({
    ...props,
    invoiceHash: hash,
    signedPropertiesDigest: signedPropertiesDigest(props),
    signatureValue: signature,
    certificateBase64: certificate.base64,
  });
  const qr = zatcaPhase2Qr({
    ...options.qr,
    invoiceHash: hash,
    signature,
    publicKeySpki: certificate.publicKeySpki,
    certificateSignature: certificate.certificateSignature,
  });
  const xml =
    unsignedXml.slice(0, rootEnd + 1) +
    extensions +
    unsignedXml.slice(rootEnd + 1, signatureAt) +
    qrReference(qr) +
    unsignedXml.slice(signatureAt);
  return { xml, hash, signature, qr };
}
