// Signed documents for any unit and any place in its chain: an SDK sample with its signature parts taken out
// (exactly what the builder hands the signer), given a new ICV, PIH and UUID, and signed with the till's own
// signer (main/fiscal/einvoice) under the unit's key and certificate.
import { randomUUID, type KeyObject } from 'node:crypto';
import { parseZatcaQr } from '../../../main/fiscal';
import { readStampCertificate, SEED_PIH, signInvoice } from '../../../main/fiscal/einvoice';
import { fromXml, sample, type Sample, type SampleName } from '../../einvoicing/platform/samples';

/** The sample without ext:UBLExtensions and the QR reference, the whitespace around them kept. */
export function unsign(xml: string): string {
  const extensions = /<ext:UBLExtensions>[\s\S]*?<\/ext:UBLExtensions>/;
  const qr = /<cac:AdditionalDocumentReference>\s*<cbc:ID>QR<\/cbc:ID>[\s\S]*?<\/cac:AdditionalDocumentReference>/;
  if (!extensions.test(xml) || !qr.test(xml)) throw new Error('not a signed sample');
  return xml.replace(extensions, '').replace(qr, '');
}

export interface UnitKeys {
  privateKey: KeyObject;
  /** Base64 DER (ds:X509Certificate form) or the binarySecurityToken form: readStampCertificate takes both. */
  certificate: string;
}

export interface ChainPlace {
  icv: number;
  pih: string;
  uuid?: string;
  /** Changes the unsigned text before signing (another amount, another line): a different document. */
  edit?: (unsignedXml: string) => string;
}

export function signedDocument(template: SampleName, unit: UnitKeys, place: ChainPlace): Sample {
  const original = sample(template).xml;
  const tags = parseZatcaQr(/<cbc:ID>QR<\/cbc:ID>\s*<cac:Attachment>\s*<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]*)</.exec(original)![1]!).tags;
  let unsigned = unsign(original)
    .replace(/(<cbc:ID>ICV<\/cbc:ID>\s*<cbc:UUID>)\d+(<\/cbc:UUID>)/, `$1${place.icv}$2`)
    .replace(/(<cbc:ID>PIH<\/cbc:ID>[\s\S]*?<cbc:EmbeddedDocumentBinaryObject[^>]*>)[^<]+(<)/, `$1${place.pih}$2`)
    .replace(/(<\/cbc:ID>\s*<cbc:UUID>)[0-9a-f-]{36}(<\/cbc:UUID>)/, `$1${place.uuid ?? randomUUID()}$2`);
  if (place.edit) unsigned = place.edit(unsigned);
  const at = (re: RegExp) => re.exec(unsigned)![1]!;
  const timestamp = `${at(/<cbc:IssueDate>([^<]+)</)}T${at(/<cbc:IssueTime>([^<]+)</)}`;
  const signed = signInvoice(unsigned, {
    privateKey: unit.privateKey,
    certificate: readStampCertificate(unit.certificate),
    signingTime: timestamp,
    qr: {
      sellerName: tags.get(1)!.toString('utf8'),
      vatNumber: tags.get(2)!.toString('utf8'),
      timestamp,
      totalWithVat: at(/<cbc:TaxInclusiveAmount[^>]*>([^<]+)</),
      vatTotal: at(/<cac:TaxTotal>\s*<cbc:TaxAmount[^>]*>([^<]+)</),
    },
  });
  return fromXml(signed.xml);
}

/** `count` simplified invoices chained after `start` (default: a new unit, ICV 1 with the seed PIH). */
export function chain(unit: UnitKeys, count: number, start = { icv: 0, hash: SEED_PIH }): Sample[] {
  const out: Sample[] = [];
  let previous = start;
  for (let i = 1; i <= count; i += 1) {
    const doc = signedDocument('simplifiedInvoice', unit, { icv: previous.icv + 1, pih: previous.hash });
    out.push(doc);
    previous = { icv: doc.icv, hash: doc.hash };
  }
  return out;
}
