// The phase 2 QR (tags 1-9), as ZATCA's SDK writes it (zatca.md §3): tags 1-5 as in phase 1, tag 6 the invoice
// hash as its Base64 TEXT, tag 7 the signature's Base64 TEXT, tag 8 the DER public key and tag 9 the CA's
// signature over the stamp certificate, both raw. The Sec-Std's "32 raw bytes" for tag 6 is not what the SDK
// (or ZATCA's validator) does. Tag 3 is IssueDate + 'T' + IssueTime, copied; tags 4 and 5 copy the XML's text.
import { TillError } from '../../errors';
import { encodeTlv, TLV_MAX_VALUE_BYTES } from '../tlv';
import { ZATCA_QR_MAX_CHARS } from '../zatca-qr';

export interface Phase2QrFields {
  sellerName: string;
  vatNumber: string;
  /** IssueDate 'T' IssueTime exactly as in the document. */
  timestamp: string;
  totalWithVat: string;
  vatTotal: string;
  invoiceHash: string;
  /** Base64 of the DER ECDSA signature. */
  signature: string;
  publicKeySpki: Buffer;
  certificateSignature: Buffer;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?$/;
const AMOUNT = /^\d+(\.\d{1,2})?$/;

export function zatcaPhase2Qr(f: Phase2QrFields): string {
  if (!TIMESTAMP.test(f.timestamp)) throw new RangeError(`QR tag 3: "${f.timestamp}" is not IssueDate'T'IssueTime`);
  if (!AMOUNT.test(f.totalWithVat) || !AMOUNT.test(f.vatTotal)) throw new RangeError('QR tags 4 and 5 must be amounts as the document writes them');
  const name = Buffer.byteLength(f.sellerName, 'utf8');
  if (f.sellerName.trim() === '') throw new RangeError('QR tag 1: the seller name is empty');
  // Over 255 bytes it cannot be one TLV value, and long before that the QR is over 700 characters.
  if (name > TLV_MAX_VALUE_BYTES) throw new TillError('EINVOICE_QR_TOO_LONG', `seller name is ${name} bytes`);
  const text = encodeTlv([
    { tag: 1, value: f.sellerName },
    { tag: 2, value: f.vatNumber },
    { tag: 3, value: f.timestamp },
    { tag: 4, value: f.totalWithVat },
    { tag: 5, value: f.vatTotal },
    { tag: 6, value: f.invoiceHash },
    { tag: 7, value: f.signature },
    { tag: 8, value: f.publicKeySpki },
    { tag: 9, value: f.certificateSignature },
  ]).toString('base64');
  // Sec-Std §4.1: at most 700 characters. A long bilingual name is what pushes it over.
  if (text.length > ZATCA_QR_MAX_CHARS) throw new TillError('EINVOICE_QR_TOO_LONG', `${text.length} Base64 characters (seller name ${name} bytes)`);
  return text;
}
