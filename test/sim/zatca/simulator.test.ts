// The platform simulator on its own terms: it onboards a unit from a CSR (the certificate it issues parses and
// carries the CSR's key, subject and subjectAltName), checks documents the way ZATCA does (hash, signature, QR,
// whose certificate), keeps each unit's ICV/PIH chain and refuses gaps and forks, and records what it received.
import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildCsr, readCsr, type CsrFields } from '../../../main/einvoicing/onboarding';
import { createPlatformClient, type PlatformClient, type PlatformCredentials } from '../../../main/einvoicing/platform';
import { SEED_PIH } from '../../../main/fiscal/einvoice';
import { startZatcaSimulator, type SimEvent, type ZatcaSimulator, type ZatcaSimulatorOptions } from '../../../main/sim/zatca';
import { sample, TEST_CERTIFICATE, before } from '../../einvoicing/platform/samples';
import { chain, signedDocument, type UnitKeys } from './documents';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-zatca-sim-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const open: ZatcaSimulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const FIELDS: CsrFields = {
  commonName: 'Nuqta till 1',
  egs: { solution: 'Nuqta', model: 'POS-1', serial: 'till-0001' },
  vatNumber: '399999999900003',
  branch: 'Riyadh Branch',
  taxpayer: 'Maximum Speed Tech Supply LTD',
  invoiceTypes: '0100',
  registeredAddress: 'RRRD2929',
  businessCategory: 'Retail',
};

async function simulator(options: ZatcaSimulatorOptions = {}): Promise<{ sim: ZatcaSimulator; client: PlatformClient }> {
  const sim = await startZatcaSimulator(options);
  open.push(sim);
  return { sim, client: createPlatformClient({ baseUrl: sim.baseUrl, ca: sim.caPem, timeoutMs: 5000 }) };
}

interface Unit extends UnitKeys {
  credentials: PlatformCredentials;
  egs: string;
}

/** CSR → compliance CSID → the three simplified samples → production CSID: a unit ready to report. */
async function onboard(sim: ZatcaSimulator, client: PlatformClient, fields: CsrFields = FIELDS): Promise<Unit> {
  const csr = buildCsr(fields, 'simulator');
  const compliance = await client.complianceCsid(sim.otps[0]!, csr.base64);
  if (compliance.kind !== 'issued') throw new Error(`compliance CSID: ${JSON.stringify(compliance)}`);
  const keys = { privateKey: csr.privateKey, certificate: compliance.certificate };
  for (const template of ['simplifiedInvoice', 'simplifiedCredit', 'simplifiedDebit'] as const) {
    const doc = signedDocument(template, keys, { icv: 1, pih: SEED_PIH });
    const checked = await client.complianceCheck(compliance.credentials, doc.body);
    if (checked.kind !== 'passed') throw new Error(`compliance check ${template}: ${JSON.stringify(checked)}`);
  }
  const production = await client.productionCsid(compliance.credentials, compliance.requestId);
  if (production.kind !== 'issued') throw new Error(`production CSID: ${JSON.stringify(production)}`);
  return { privateKey: csr.privateKey, certificate: production.certificate, credentials: production.credentials, egs: `${fields.vatNumber}|1-Nuqta|2-POS-1|3-${fields.egs.serial}` };
}

describe('onboarding', () => {
  it('issues a certificate from the CSR: its key, subject and subjectAltName, signed by the simulator’s secp256k1 CA', async () => {
    const { sim, client } = await simulator();
    const csr = buildCsr(FIELDS, 'simulator');
    const result = await client.complianceCsid('123345', csr.base64);
    expect(result.kind).toBe('issued');
    if (result.kind !== 'issued') return;
    const cert = new X509Certificate(Buffer.from(result.certificate, 'base64'));
    const ca = new X509Certificate(sim.einvoiceCaPem);
    expect(cert.publicKey.export({ type: 'spki', format: 'der' })).toEqual(createPublicKey(csr.privateKey).export({ type: 'spki', format: 'der' }));
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('secp256k1');
    expect(cert.subject.split('\n')).toEqual(['CN=Nuqta till 1', 'OU=Riyadh Branch', 'O=Maximum Speed Tech Supply LTD', 'C=SA']);
    for (const part of ['SN=1-Nuqta|2-POS-1|3-till-0001', 'UID=399999999900003', 'title=0100', 'registeredAddress=RRRD2929', 'businessCategory=Retail']) {
      expect(cert.subjectAltName).toContain(part);
    }
    expect(ca.publicKey.asymmetricKeyDetails?.namedCurve).toBe('secp256k1');
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    // The token is Base64 of the certificate's Base64 text, as ZATCA hands it out.
    expect(Buffer.from(result.credentials.binarySecurityToken, 'base64').toString('latin1')).toBe(result.certificate);
    // openssl agrees the chain holds.
    fs.writeFileSync(path.join(tmp, 'ca.pem'), sim.einvoiceCaPem);
    fs.writeFileSync(path.join(tmp, 'unit.pem'), cert.toString());
    expect(execFileSync('openssl', ['verify', '-CAfile', path.join(tmp, 'ca.pem'), path.join(tmp, 'unit.pem')], { encoding: 'utf8' })).toContain('OK');
  });

  it('the production CSID waits for the compliance samples; then the unit reports its chain', async () => {
    const { sim, client } = await simulator();
    const csr = buildCsr(FIELDS, 'simulator');
    const compliance = await client.complianceCsid('123345', csr.base64);
    if (compliance.kind !== 'issued') throw new Error('not issued');
    const early = await client.productionCsid(compliance.credentials, compliance.requestId);
    expect(early).toMatchObject({ kind: 'refused', errors: [expect.objectContaining({ code: 'Missing-Compliance-Steps', message: expect.stringContaining('simplified-invoice, simplified-credit, simplified-debit') })] });
    // A simplified-only unit may not submit a standard sample.
    const keys = { privateKey: csr.privateKey, certificate: compliance.certificate };
    const standard = signedDocument('standardInvoice', keys, { icv: 1, pih: SEED_PIH });
    expect(await client.complianceCheck(compliance.credentials, standard.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'invalid-invoice-type' })] });

    const unit = await onboard(sim, client);
    expect(sim.record().csids.filter((c) => c.egs === unit.egs).map((c) => c.kind)).toEqual(['compliance', 'compliance', 'production']);
    const docs = chain(unit, 3);
    for (const doc of docs) expect(await client.reportSingle(unit.credentials, doc.body)).toEqual({ kind: 'reported', status: 200, warnings: [] });
    expect(sim.documents(unit.egs).map((d) => [d.icv, d.fate, d.hash])).toEqual(docs.map((d) => [d.icv, 'reported', d.hash]));
  });

  it('refuses a CSR it cannot use: wrong curve, missing fields, unreadable; no OTP', async () => {
    const { sim, client } = await simulator();
    // A P-256 CSR with ZATCA's fields, made by openssl.
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const keyFile = path.join(tmp, 'p256.pem');
    fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const conf = path.join(tmp, 'p256.cnf');
    fs.writeFileSync(conf, '[req]\nprompt = no\ndistinguished_name = dn\nreq_extensions = ext\n[ext]\n1.3.6.1.4.1.311.20.2 = ASN1:PRINTABLESTRING:TSTZATCA-Code-Signing\nsubjectAltName=dirName:dir\n[dir]\nSN = 1-a|2-b|3-c\nUID = 399999999900003\ntitle = 0100\nregisteredAddress = x\nbusinessCategory = y\n[dn]\nCN = t\nOU = b\nO = o\nC = SA\n');
    const pemText = execFileSync('openssl', ['req', '-new', '-sha256', '-key', keyFile, '-config', conf], { encoding: 'utf8' });
    expect(readCsr(pemText).vatNumber).toBe('399999999900003');
    expect(await client.complianceCsid('123345', Buffer.from(pemText).toString('base64'))).toMatchObject({ kind: 'refused', detail: expect.stringContaining('secp256k1') });
    // No subjectAltName at all.
    fs.writeFileSync(conf, '[req]\nprompt = no\ndistinguished_name = dn\n[dn]\nCN = t\nC = SA\n');
    const k1 = path.join(tmp, 'k1.pem');
    fs.writeFileSync(k1, generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const bare = execFileSync('openssl', ['req', '-new', '-sha256', '-key', k1, '-config', conf], { encoding: 'utf8' });
    expect(await client.complianceCsid('123345', Buffer.from(bare).toString('base64'))).toMatchObject({ kind: 'refused', detail: expect.stringMatching(/SN .*UID .*title/) });
    expect(await client.complianceCsid('123345', Buffer.from('hello').toString('base64'))).toMatchObject({ kind: 'refused', errors: [expect.objectContaining({ code: 'Invalid-CSR' })] });
    expect(sim.record().csids).toEqual([]);
  });
});

describe('document checks', () => {
  it('the signing certificate must be one issued to that unit', async () => {
    const { sim, client } = await simulator();
    const unit = await onboard(sim, client);
    // ZATCA's own test certificate signed this sample, not the simulator's CA for this unit.
    const foreign = sample('simplifiedInvoice');
    sim.continueChain(unit.egs, 9, SEED_PIH);
    expect(await client.reportSingle(unit.credentials, foreign.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'certificate-not-issued' })] });
    // A second unit's certificate is not this unit's either.
    const other = await onboard(sim, client, { ...FIELDS, egs: { ...FIELDS.egs, serial: 'till-0002' } });
    const signedByOther = signedDocument('simplifiedInvoice', other, { icv: 1, pih: SEED_PIH });
    const fresh = await onboard(sim, client, { ...FIELDS, egs: { ...FIELDS.egs, serial: 'till-0003' } });
    expect(await client.reportSingle(fresh.credentials, signedByOther.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'certificate-not-issued' })] });
  });

  it('a document changed after signing fails its hash, signature and QR; a wrong uuid is named', async () => {
    const { sim, client } = await simulator();
    const unit = await onboard(sim, client);
    const [doc] = chain(unit, 1);
    const tamperedXml = doc!.xml.replace('<cbc:PayableAmount currencyID="SAR">231.15</cbc:PayableAmount>', '<cbc:PayableAmount currencyID="SAR">1.15</cbc:PayableAmount>');
    expect(tamperedXml).not.toBe(doc!.xml);
    const tampered = { invoiceHash: doc!.hash, uuid: doc!.uuid, invoice: Buffer.from(tamperedXml).toString('base64') };
    const result = await client.reportSingle(unit.credentials, tampered);
    expect(result.kind).toBe('rejected');
    const codes = result.kind === 'rejected' ? result.errors.map((e) => e.code) : [];
    expect(codes).toEqual(expect.arrayContaining(['invalid-invoice-hash', 'signature', 'qrcode-hash']));
    // A forgery takes no place in the unit's chain: the real document with that ICV still goes through.
    expect(sim.documents(unit.egs)).toEqual([]);
    expect(await client.reportSingle(unit.credentials, { ...doc!.body, uuid: 'another' })).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'invalid-uuid' })] });
    expect(await client.reportSingle(unit.credentials, doc!.body)).toMatchObject({ kind: 'reported' });
  });

  it('Accept-Version other than V2 → 406; a body of the wrong shape → 400; unknown paths → 404', async () => {
    const { sim } = await simulator();
    const creds = sim.adoptCsid({ certificate: TEST_CERTIFICATE, chain: before(sample('simplifiedInvoice')) });
    const auth = `Basic ${Buffer.from(`${creds.binarySecurityToken}:${creds.secret}`).toString('base64')}`;
    const post = (p: string, headers: Record<string, string>, body: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = https.request(new URL(p, sim.baseUrl), { method: 'POST', ca: sim.caPem, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.end(body);
      });
    const body = JSON.stringify(sample('simplifiedInvoice').body);
    expect((await post('invoices/reporting/single', { Authorization: auth, 'Accept-Version': 'V1' }, body)).status).toBe(406);
    expect((await post('invoices/reporting/single', { Authorization: auth }, body)).status).toBe(406);
    const shape = await post('invoices/reporting/single', { Authorization: auth, 'Accept-Version': 'V2' }, JSON.stringify({ uuid: 'x' }));
    expect(shape.status).toBe(400);
    expect(JSON.parse(shape.body)).toMatchObject({ reportingStatus: 'NOT_REPORTED', validationResults: { errorMessages: [{ code: 'invalid-request' }] } });
    expect((await post('invoices/reporting/single', { Authorization: auth, 'Accept-Version': 'V2' }, 'not json')).status).toBe(400);
    const notXml = await post('invoices/reporting/single', { Authorization: auth, 'Accept-Version': 'V2' }, JSON.stringify({ invoiceHash: 'x', uuid: 'y', invoice: Buffer.from('<Invoice').toString('base64') }));
    expect(JSON.parse(notXml.body)).toMatchObject({ validationResults: { errorMessages: [{ category: 'XSD_SCHEMA_ERROR' }] } });
    // Authentication comes before everything else.
    expect((await post('invoices/reporting/single', { 'Accept-Version': 'V2' }, body)).status).toBe(401);
    expect((await post('invoices/reporting/nothing', { Authorization: auth, 'Accept-Version': 'V2' }, body)).status).toBe(404);
    expect(sim.requests().map((r) => r.status)).toEqual([406, 406, 400, 400, 400, 401, 404]);
    // None of it entered the chain.
    expect(sim.documents(creds.egs)).toEqual([]);
  });

  it('a 406 reaches the client as retry: unexpected_status', async () => {
    const { sim } = await simulator();
    const creds = sim.adoptCsid({ certificate: TEST_CERTIFICATE, chain: before(sample('simplifiedInvoice')) });
    const base = createPlatformClient({ baseUrl: sim.baseUrl, ca: sim.caPem });
    // A transport that sends V1: the simulator answers 406, the client names it.
    const v1 = createPlatformClient({
      baseUrl: sim.baseUrl,
      transport: async (request, limits) => {
        const { httpsTransport } = await import('../../../main/einvoicing/platform');
        return httpsTransport({ ca: sim.caPem })({ ...request, headers: { ...request.headers, 'Accept-Version': 'V1' } }, limits);
      },
    });
    expect(await v1.reportSingle(creds, sample('simplifiedInvoice').body)).toMatchObject({ kind: 'retry', reason: 'unexpected_status', status: 406, detail: expect.stringContaining('Accept-Version') });
    expect(await base.reportSingle(creds, sample('simplifiedInvoice').body)).toMatchObject({ kind: 'reported' });
  });
});

describe('the ICV/PIH chain per unit', () => {
  it('a gap is refused; the missing document fills it; the identical document again is a 409', async () => {
    const { sim, client } = await simulator();
    const unit = await onboard(sim, client);
    const [d1, d2, d3] = chain(unit, 3);
    expect(await client.reportSingle(unit.credentials, d1!.body)).toMatchObject({ kind: 'reported' });
    expect(await client.reportSingle(unit.credentials, d3!.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'invoice-counter-gap', message: expect.stringContaining('ICV 2 never did') })] });
    expect(await client.reportSingle(unit.credentials, d2!.body)).toMatchObject({ kind: 'reported' });
    expect(await client.reportSingle(unit.credentials, d3!.body)).toMatchObject({ kind: 'reported' });
    expect(await client.reportSingle(unit.credentials, d2!.body)).toMatchObject({ kind: 'already-reported' });
    expect(sim.documents(unit.egs).map((d) => [d.icv, d.received])).toEqual([[1, 1], [2, 2], [3, 1]]);
  });

  it('a fork is refused: a second document with a used ICV, a PIH that is not the previous hash', async () => {
    const { sim, client } = await simulator();
    const unit = await onboard(sim, client);
    const [d1, d2] = chain(unit, 2);
    await client.reportSingle(unit.credentials, d1!.body);
    await client.reportSingle(unit.credentials, d2!.body);
    const reuse = signedDocument('simplifiedCredit', unit, { icv: 2, pih: d1!.hash });
    expect(await client.reportSingle(unit.credentials, reuse.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'invoice-counter-reused' })] });
    const wrongPih = signedDocument('simplifiedInvoice', unit, { icv: 3, pih: d1!.hash });
    expect(await client.reportSingle(unit.credentials, wrongPih.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'previous-invoice-hash-mismatch' })] });
    const seedAgain = signedDocument('simplifiedInvoice', unit, { icv: 3, pih: SEED_PIH });
    expect(await client.reportSingle(unit.credentials, seedAgain.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'previous-invoice-hash-mismatch' })] });
    // The first document of a unit must carry the seed PIH.
    const other = await onboard(sim, client, { ...FIELDS, egs: { ...FIELDS.egs, serial: 'till-0009' } });
    const badStart = signedDocument('simplifiedInvoice', other, { icv: 1, pih: d1!.hash });
    expect(await client.reportSingle(other.credentials, badStart.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'previous-invoice-hash-mismatch' })] });
    // Each unit has its own chain: the other unit starts at 1 with the seed.
    expect(await client.reportSingle(other.credentials, chain(other, 1)[0]!.body)).toMatchObject({ kind: 'reported' });
    expect(sim.documents(unit.egs).map((d) => d.icv)).toEqual([1, 2]);
  });

  it('a rejected document still holds its place: the next PIH is its hash', async () => {
    const { sim, client } = await simulator();
    const unit = await onboard(sim, client);
    const [d1, d2] = chain(unit, 2);
    sim.script({ action: 'rejected' });
    expect(await client.reportSingle(unit.credentials, d1!.body)).toMatchObject({ kind: 'rejected' });
    expect(await client.reportSingle(unit.credentials, d2!.body)).toMatchObject({ kind: 'reported' });
    expect(sim.documents(unit.egs).map((d) => d.fate)).toEqual(['rejected', 'reported']);
  });

  it('with outOfOrder, a later document may come first; a fork is still caught from either side', async () => {
    const { sim, client } = await simulator({ outOfOrder: true });
    const unit = await onboard(sim, client);
    const [d1, d2, d3] = chain(unit, 3);
    expect(await client.reportSingle(unit.credentials, d3!.body)).toMatchObject({ kind: 'reported' });
    expect(await client.reportSingle(unit.credentials, d1!.body)).toMatchObject({ kind: 'reported' });
    // A different ICV 2 whose hash is not the PIH ICV 3 carries.
    const impostor = signedDocument('simplifiedDebit', unit, { icv: 2, pih: d1!.hash });
    expect(await client.reportSingle(unit.credentials, impostor.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'previous-invoice-hash-mismatch', message: expect.stringContaining('ICV 3') })] });
    expect(await client.reportSingle(unit.credentials, d2!.body)).toMatchObject({ kind: 'reported' });
  });

  it('the SDK samples, numbered 10/15/16, chain only where the simulator is told they start', async () => {
    const { sim, client } = await simulator();
    const invoice = sample('simplifiedInvoice');
    const credit = sample('simplifiedCredit');
    const debit = sample('simplifiedDebit');
    const creds = sim.adoptCsid({ certificate: TEST_CERTIFICATE, chain: before(invoice) });
    expect(await client.reportSingle(creds, invoice.body)).toMatchObject({ kind: 'reported' });
    expect(await client.reportSingle(creds, credit.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'invoice-counter-gap' })] });
    sim.continueChain(creds.egs, 14, SEED_PIH);
    expect(await client.reportSingle(creds, credit.body)).toMatchObject({ kind: 'reported' });
    // The debit note (16) names the seed as its PIH, not the credit note's hash: a fork.
    expect(await client.reportSingle(creds, debit.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'previous-invoice-hash-mismatch' })] });
  });
});

describe('record and control', () => {
  it('records requests, issues events, writes the record file; refuses bad scripts', async () => {
    const recordFile = path.join(tmp, 'record.json');
    const { sim, client } = await simulator({ recordFile, faults: [{ call: 'reporting', action: 'status', status: 502 }] });
    const events: SimEvent[] = [];
    sim.subscribe((e) => events.push(e));
    const creds = sim.adoptCsid({ certificate: TEST_CERTIFICATE, chain: before(sample('simplifiedInvoice')) });
    expect(sim.pendingScript()).toEqual([{ call: 'reporting', action: 'status', status: 502, count: 1 }]);
    expect(await client.reportSingle(creds, sample('simplifiedInvoice').body)).toMatchObject({ kind: 'retry', status: 502 });
    expect(await client.reportSingle(creds, sample('simplifiedInvoice').body)).toMatchObject({ kind: 'reported' });
    expect(events.filter((e) => e.event === 'request').map((e) => e.event === 'request' && [e.call, e.status, e.fault])).toEqual([
      ['reporting', 502, 'status'],
      ['reporting', 200, null],
    ]);
    expect(events.some((e) => e.event === 'document' && e.document.fate === 'reported')).toBe(true);
    const onDisk = JSON.parse(fs.readFileSync(recordFile, 'utf8'));
    expect(onDisk.requests.map((r: { status: number }) => r.status)).toEqual([502, 200]);
    expect(onDisk.documents[creds.egs]).toMatchObject([{ icv: 10, fate: 'reported' }]);
    expect(() => sim.script({ action: 'explode' } as never)).toThrow(/unknown fault/);
    expect(() => sim.script({ action: 'status', count: 0 })).toThrow(/count/);
    expect(() => sim.script({ action: 'status', call: 'nowhere' as never })).toThrow(/unknown call/);
    sim.script({ action: 'reset', count: 3 });
    sim.clearScript();
    expect(sim.pendingScript()).toEqual([]);
  });

  it('keeps only the latest requests (a long training run), the chains whole', async () => {
    const { sim, client } = await simulator({ keepRequests: 2 });
    const creds = sim.adoptCsid({ certificate: TEST_CERTIFICATE, chain: before(sample('simplifiedInvoice')) });
    for (let i = 0; i < 3; i += 1) await client.reportSingle(creds, sample('simplifiedInvoice').body);
    expect(sim.requests().map((r) => r.seq)).toEqual([2, 3]);
    expect(sim.documents(creds.egs)).toMatchObject([{ icv: 10, received: 3 }]);
  });

  it('a restarted simulator takes a till’s unit back: its certificate, its secret, its chain’s tip', async () => {
    const first = await simulator();
    const unit = await onboard(first.sim, first.client);
    const [d1, d2] = chain(unit, 2);
    await first.client.reportSingle(unit.credentials, d1!.body);
    await first.sim.close();
    const second = await simulator();
    expect(await second.client.reportSingle(unit.credentials, d2!.body)).toMatchObject({ kind: 'unauthorized' });
    second.sim.adoptCsid({ certificate: unit.certificate, secret: unit.credentials.secret, chain: { icv: d1!.icv, hash: d1!.hash } });
    expect(await second.client.reportSingle(unit.credentials, d2!.body)).toMatchObject({ kind: 'reported' });
  });
});
