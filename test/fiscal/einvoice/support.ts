// The ZATCA fixtures (copied from ../shared/fixtures/zatca: SDK samples signed with ZATCA's test certificate,
// that certificate and its key, the UBL 2.1 schemas) and xmllint, the independent canonicaliser and validator.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ZATCA_FIXTURES = path.resolve(__dirname, '../../fixtures/zatca');
export const SAMPLES = path.join(ZATCA_FIXTURES, 'sdk-samples');
/** The UBL 2.1 schemas ship with the app (resources/): `nuqta zatca validate` checks documents against them. */
export const UBL_INVOICE_XSD = path.resolve(__dirname, '../../../resources/ubl-2.1-xsd/maindoc/UBL-Invoice-2.1.xsd');

/** The six signed samples and the hashes the fixtures' README lists for them. */
export const SAMPLE_HASHES: Record<string, string> = {
  'Simplified-Invoice-Simplified_Invoice.xml': 'z5F9qsS6oWyDhehD8u8S0DaxV+2CUiUz9Y+UsR61JgQ=',
  'Simplified-Credit-Simplified_Credit_Note.xml': '2kBYLvmDlvKUxK/0ma+P8jFkKoiPh5VKBWjXERwUfxk=',
  'Simplified-Debit-Simplified_Debit_Note.xml': 'dfjtLDke0UXB4HBHzHKazFkI7X4v9xuC0IqhSEo1q4s=',
  'Simplified-Invoice-Simplified_Tax_Invoice_with_Zero_Rated_Item.xml': 'mEAt3zjZkWFMybqAd13/fzD9trjTH7IN/7fwCaY6x1w=',
  'Standard-Invoice-Standard_Invoice.xml': 'V4U5qlZ3yXQ/Si1AC/R8SLc3F+iNy27wdVe8IWRqFAQ=',
  'Standard-Credit-Standard_Credit_Note.xml': '5Xlh01O838SAab0AS6EGBMdBKI0ySC0ORnrCmnU1Zyc=',
};

export const sample = (name: string): string => fs.readFileSync(path.join(SAMPLES, name), 'utf8');

function requireXmllint(): void {
  if (spawnSync('xmllint', ['--version']).status !== 0) {
    throw new Error('xmllint is missing: install Debian package libxml2-utils (npm run test:all installs it)');
  }
}

function withTempFile<T>(text: string, fn: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-xml-'));
  const file = path.join(dir, 'doc.xml');
  fs.writeFileSync(file, text);
  try {
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** libxml2's C14N 1.1 of a document text. */
export function xmllintC14n11(xml: string): string {
  requireXmllint();
  return withTempFile(xml, (file) => execFileSync('xmllint', ['--c14n11', file]).toString('utf8'));
}

/**
 * Validates documents against the UBL 2.1 schema; returns xmllint's complaints (empty when all are valid).
 * libxml2 rejects integers longer than ~24 digits, so a signed document's 45-digit X509SerialNumber is replaced
 * by 1 in the copy validated (the fixtures' README).
 */
export function ublSchemaErrors(docs: string[]): string[] {
  requireXmllint();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-ubl-'));
  try {
    const files = docs.map((xml, i) => {
      const file = path.join(dir, `doc-${i}.xml`);
      fs.writeFileSync(file, xml.replace(/<ds:X509SerialNumber>\d+<\/ds:X509SerialNumber>/g, '<ds:X509SerialNumber>1</ds:X509SerialNumber>'));
      return file;
    });
    const run = spawnSync('xmllint', ['--noout', '--schema', UBL_INVOICE_XSD, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return run.stderr
      .split('\n')
      .filter((l) => l.trim() !== '' && !/ validates$/.test(l));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
