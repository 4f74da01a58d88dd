// The onboarding CSR: openssl reads and verifies it, its fields sit where ZATCA's SDK puts them (byte for byte
// what openssl makes from an SDK-shaped config with the same key), and unusable fields are refused by code.
import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AsnConvert } from '@peculiar/asn1-schema';
import { CertificationRequest } from '@peculiar/asn1-csr';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCsr, checkCsrFields, CsrError, readCsr, type CsrFields } from '../../../main/einvoicing/onboarding';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-csr-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const FIELDS: CsrFields = {
  commonName: 'TST-886431145-399999999900003',
  egs: { solution: 'Nuqta', model: 'POS-1', serial: 'ed22f1d8-e6a2-1118-9b58-d9a8f11e445f' },
  vatNumber: '399999999900003',
  branch: 'Riyadh Branch',
  taxpayer: 'Maximum Speed Tech Supply LTD',
  invoiceTypes: '0100',
  registeredAddress: 'RRRD2929',
  businessCategory: 'Supply activities',
};

const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** `openssl req -verify`'s verdict: OpenSSL 3.0 exits 0 either way and says it on stderr/stdout. */
function opensslVerify(file: string): string {
  const r = spawnSync('openssl', ['req', '-in', file, '-noout', '-verify'], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('buildCsr', () => {
  it('makes a secp256k1 PKCS#10 request openssl verifies, with ZATCA fields in the SDK layout', () => {
    const csr = buildCsr({ ...FIELDS, branch: 'فرع الرياض' }, 'simulation');
    const file = writeFile('a.csr', csr.pem);
    const out = openssl(['req', '-in', file, '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus_space']);
    expect(opensslVerify(file)).toMatch(/self-signature verify OK/);
    expect(out).toContain('ASN1 OID: secp256k1');
    expect(out).toContain('Signature Algorithm: ecdsa-with-SHA256');
    expect(out).toMatch(/Subject: CN=TST-886431145-399999999900003, OU=فرع الرياض, O=Maximum Speed Tech Supply LTD, C=SA/);
    expect(out).toContain('DirName:/SN=1-Nuqta|2-POS-1|3-ed22f1d8-e6a2-1118-9b58-d9a8f11e445f/UID=399999999900003/title=0100/registeredAddress=RRRD2929/businessCategory=Supply activities');
    expect(out).toMatch(/1\.3\.6\.1\.4\.1\.311\.20\.2:\s*\n\s*\.\.PREZATCA-Code-Signing/);
    // FATOORA's `csr` is Base64 of the PEM text.
    expect(Buffer.from(csr.base64, 'base64').toString('utf8')).toBe(csr.pem);
    expect(createPrivateKey({ key: csr.privateKeyPkcs8, format: 'der', type: 'pkcs8' }).asymmetricKeyDetails?.namedCurve).toBe('secp256k1');
  });

  it('openssl verifies the signature (and refuses a tampered request)', () => {
    const csr = buildCsr(FIELDS, 'sandbox');
    const good = writeFile('good.csr', csr.pem);
    expect(opensslVerify(good)).toMatch(/verify OK/);
    const der = Buffer.from(csr.der);
    // Flip a byte inside the subject's CN: the request no longer matches its signature.
    const at = der.indexOf(Buffer.from('TST-886431145'));
    der[at] = 'X'.charCodeAt(0);
    const bad = writeFile('bad.csr', `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE REQUEST-----\n`);
    expect(opensslVerify(bad)).toMatch(/verify failure/);
    expect(() => readCsr(der)).toThrow(expect.objectContaining({ code: 'CSR_SIGNATURE' }));
  });

  it('is byte for byte what openssl makes from the SDK-style config with the same key', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const keyFile = writeFile('k.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const config = writeFile(
      'sdk.cnf',
      [
        '[req]',
        'prompt = no',
        'utf8 = no',
        'distinguished_name = dn',
        'req_extensions = v3_req',
        '[ v3_req ]',
        '1.3.6.1.4.1.311.20.2 = ASN1:PRINTABLESTRING:ZATCA-Code-Signing',
        'subjectAltName=dirName:dir_sect',
        '[ dir_sect ]',
        `SN = 1-${FIELDS.egs.solution}|2-${FIELDS.egs.model}|3-${FIELDS.egs.serial}`,
        `UID = ${FIELDS.vatNumber}`,
        `title = ${FIELDS.invoiceTypes}`,
        `registeredAddress = ${FIELDS.registeredAddress}`,
        `businessCategory = ${FIELDS.businessCategory}`,
        '[dn]',
        `commonName = ${FIELDS.commonName}`,
        `organizationalUnitName = ${FIELDS.branch}`,
        `organizationName = ${FIELDS.taxpayer}`,
        'countryName = SA',
        '',
      ].join('\n'),
    );
    const theirs = openssl(['req', '-new', '-sha256', '-key', keyFile, '-config', config]);
    const ours = buildCsr(FIELDS, 'production', privateKey);
    const info = (pemText: string) => {
      const der = Buffer.from(pemText.replace(/-----[^-]+-----|\s+/g, ''), 'base64');
      return Buffer.from(AsnConvert.parse(der, CertificationRequest).certificationRequestInfoRaw!);
    };
    expect(info(ours.pem).toString('hex')).toBe(info(theirs).toString('hex'));
  });

  it('names the certificate template by environment', () => {
    const template = (env: 'production' | 'simulation' | 'sandbox' | 'simulator') => readCsr(buildCsr(FIELDS, env).base64).template;
    expect(template('production')).toBe('ZATCA-Code-Signing');
    expect(template('simulation')).toBe('PREZATCA-Code-Signing');
    expect(template('sandbox')).toBe('TSTZATCA-Code-Signing');
    expect(template('simulator')).toBe('TSTZATCA-Code-Signing');
  });

  it('reads back what it wrote (PEM, Base64 of PEM, DER)', () => {
    const csr = buildCsr({ ...FIELDS, invoiceTypes: '1100' }, 'sandbox');
    for (const input of [csr.pem, csr.base64, csr.der]) {
      expect(readCsr(input)).toMatchObject({
        commonName: FIELDS.commonName,
        branch: FIELDS.branch,
        taxpayer: FIELDS.taxpayer,
        country: 'SA',
        egsSerial: `1-Nuqta|2-POS-1|3-${FIELDS.egs.serial}`,
        vatNumber: FIELDS.vatNumber,
        invoiceTypes: '1100',
        registeredAddress: FIELDS.registeredAddress,
        businessCategory: FIELDS.businessCategory,
        template: 'TSTZATCA-Code-Signing',
      });
    }
    expect(() => readCsr('not a csr')).toThrow(CsrError);
  });

  it('refuses unusable fields with a code and the field, before making a key', () => {
    expect(checkCsrFields(FIELDS)).toEqual([]);
    const cases: Array<[Partial<CsrFields>, string, string]> = [
      [{ vatNumber: '300000000000000' }, 'CSR_VAT_NUMBER', 'vatNumber'],
      [{ vatNumber: '31111111110111' }, 'CSR_VAT_NUMBER', 'vatNumber'],
      [{ commonName: '  ' }, 'CSR_FIELD_MISSING', 'commonName'],
      [{ taxpayer: 'x'.repeat(65) }, 'CSR_FIELD_TOO_LONG', 'taxpayer'],
      [{ egs: { solution: 'Nuqta', model: 'a|b', serial: '1' } }, 'CSR_EGS_SERIAL', 'egs.model'],
      [{ egs: { solution: 'Nuqta', model: 'M', serial: '' } }, 'CSR_EGS_SERIAL', 'egs.serial'],
      [{ invoiceTypes: '0000' as CsrFields['invoiceTypes'] }, 'CSR_INVOICE_TYPES', 'invoiceTypes'],
      [{ country: 'Saudi' }, 'CSR_COUNTRY', 'country'],
    ];
    for (const [change, code, field] of cases) {
      expect(checkCsrFields({ ...FIELDS, ...change })[0], JSON.stringify(change)).toEqual({ code, field });
      expect(() => buildCsr({ ...FIELDS, ...change }, 'sandbox')).toThrow(expect.objectContaining({ code, detail: field }));
    }
    // Every code has both languages.
    const err = new CsrError('CSR_VAT_NUMBER');
    expect(err.toData().message_ar).toMatch(/[\u0600-\u06FF]/);
    expect(err.toData().message_en).toContain('VAT');
  });

  it('refuses a key that is not secp256k1', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expect(() => buildCsr(FIELDS, 'sandbox', privateKey)).toThrow(/secp256k1/);
  });
});
