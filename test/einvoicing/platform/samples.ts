// ZATCA's signed SDK samples (test/fixtures/zatca) as documents to send, and the test certificate that signed
// them. Shared by the platform client's and the platform simulator's tests.
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentBody } from '../../../main/einvoicing/platform';
import { invoiceHash, SEED_PIH } from '../../../main/fiscal/einvoice';

const FIXTURES = path.resolve(__dirname, '../../fixtures/zatca');

export const SAMPLE_FILES = {
  simplifiedInvoice: 'Simplified-Invoice-Simplified_Invoice.xml',
  simplifiedCredit: 'Simplified-Credit-Simplified_Credit_Note.xml',
  simplifiedDebit: 'Simplified-Debit-Simplified_Debit_Note.xml',
  simplifiedZeroRated: 'Simplified-Invoice-Simplified_Tax_Invoice_with_Zero_Rated_Item.xml',
  standardInvoice: 'Standard-Invoice-Standard_Invoice.xml',
  standardCredit: 'Standard-Credit-Standard_Credit_Note.xml',
} as const;
export type SampleName = keyof typeof SAMPLE_FILES;

export interface Sample {
  xml: string;
  body: DocumentBody;
  uuid: string;
  icv: number;
  pih: string;
  hash: string;
}

/** A sample as the till would send it: its own hash and UUID, its bytes in Base64. */
export function sample(name: SampleName): Sample {
  const xml = fs.readFileSync(path.join(FIXTURES, 'sdk-samples', SAMPLE_FILES[name]), 'utf8');
  return fromXml(xml);
}

export function fromXml(xml: string): Sample {
  const uuid = /<cbc:UUID>([^<]+)<\/cbc:UUID>/.exec(xml)![1]!;
  const icv = Number(/<cbc:ID>ICV<\/cbc:ID>\s*<cbc:UUID>(\d+)<\/cbc:UUID>/.exec(xml)![1]);
  const pih = /<cbc:ID>PIH<\/cbc:ID>[\s\S]*?<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]+)</.exec(xml)![1]!;
  const hash = invoiceHash(xml);
  return { xml, uuid, icv, pih, hash, body: { invoiceHash: hash, uuid, invoice: Buffer.from(xml, 'utf8').toString('base64') } };
}

/** ZATCA's 2024 test certificate as ds:X509Certificate carries it (Base64 of the DER). */
export const TEST_CERTIFICATE = Buffer.from(fs.readFileSync(path.join(FIXTURES, 'sdk-test-credentials', 'cert_b64.txt'), 'utf8').trim(), 'base64').toString('latin1');

/** The chain position just before a sample (every SDK sample carries the seed PIH). */
export const before = (s: Sample) => ({ icv: s.icv - 1, hash: SEED_PIH });
