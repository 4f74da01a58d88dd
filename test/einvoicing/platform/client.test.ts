// The platform client against the platform simulator over real sockets: every kind of answer and every scripted
// fault comes back as the one result kind the reporting queue can act on, and nothing throws.
import https from 'node:https';
import net from 'node:net';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCsr } from '../../../main/einvoicing/onboarding';
import { createPlatformClient, type PlatformClient, type PlatformCredentials } from '../../../main/einvoicing/platform';
import type { Reporter } from '../../../main/einvoicing/reporting/answer';
import { startZatcaSimulator, type ZatcaSimulator, type ZatcaSimulatorOptions } from '../../../main/sim/zatca';
import { makeAuthority, makeServerCertificate } from '../../../main/sim/zatca/x509';
import { before, sample, TEST_CERTIFICATE, type Sample } from './samples';

const open: ZatcaSimulator[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

interface Rig {
  sim: ZatcaSimulator;
  client: PlatformClient;
  creds: PlatformCredentials & { egs: string; requestId: string };
  doc: Sample;
}

/** A fresh simulator that knows ZATCA's test certificate as a production CSID, its chain just before `doc`. */
async function rig(doc: Sample = sample('simplifiedInvoice'), options: ZatcaSimulatorOptions = {}, clientTimeoutMs = 3000): Promise<Rig> {
  const sim = await startZatcaSimulator(options);
  open.push(sim);
  const creds = sim.adoptCsid({ certificate: TEST_CERTIFICATE, chain: before(doc) });
  const client = createPlatformClient({ baseUrl: sim.baseUrl, ca: sim.caPem, timeoutMs: clientTimeoutMs });
  return { sim, client, creds, doc };
}

const CSR_FIELDS = {
  commonName: 'Till 1',
  egs: { solution: 'Nuqta', model: 'POS', serial: 'till-1' },
  vatNumber: '399999999900003',
  branch: 'Riyadh',
  taxpayer: 'Nuqta Test Shop',
  invoiceTypes: '0100' as const,
  registeredAddress: 'RRRD2929',
  businessCategory: 'Retail',
};

describe('reporting', () => {
  it('200 → reported, with ZATCA headers and the exact body', async () => {
    const { sim, client, creds, doc } = await rig();
    expect(await client.reportSingle(creds, doc.body)).toEqual({ kind: 'reported', status: 200, warnings: [] });
    const [request] = sim.requests('reporting');
    expect(request!.headers).toMatchObject({
      'accept-version': 'V2',
      'accept-language': 'en',
      'clearance-status': '0',
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${creds.binarySecurityToken}:${creds.secret}`).toString('base64')}`,
    });
    expect(request!.body).toEqual({ invoiceHash: doc.hash, uuid: doc.uuid, invoice: Buffer.from(doc.xml).toString('base64') });
    expect(sim.documents(creds.egs)).toMatchObject([{ icv: 10, fate: 'reported', hash: doc.hash }]);
  });

  it('the identical document again → already-reported (409)', async () => {
    const { sim, client, creds, doc } = await rig();
    await client.reportSingle(creds, doc.body);
    const again = await client.reportSingle(creds, doc.body);
    expect(again).toMatchObject({ kind: 'already-reported', detail: expect.stringContaining('409') });
    expect(sim.documents(creds.egs)).toMatchObject([{ icv: 10, fate: 'reported', received: 2 }]);
  });

  it('a scripted 409 → already-reported (and the simulator counts it reported)', async () => {
    const { sim, client, creds, doc } = await rig();
    sim.script({ call: 'reporting', action: 'already-reported' });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'already-reported', detail: expect.stringContaining('already Reported') });
    expect(sim.documents(creds.egs)).toMatchObject([{ icv: 10, fate: 'reported' }]);
  });

  it('an answer slower than the client waits → retry: timeout; it was processed, so the resend is a 409', async () => {
    const { sim, client, creds, doc } = await rig(undefined, {}, 300);
    sim.script({ action: 'slow', delayMs: 1500 });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'retry', reason: 'timeout' });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'already-reported' });
  });

  it('202 → reported with the warnings kept', async () => {
    const { sim, client, creds, doc } = await rig();
    sim.script({ call: 'reporting', action: 'warnings', warnings: [{ code: 'BR-KSA-98', category: 'KSA', message: 'Reported late' }] });
    expect(await client.reportSingle(creds, doc.body)).toEqual({
      kind: 'reported',
      status: 202,
      warnings: [{ code: 'BR-KSA-98', category: 'KSA', message: 'Reported late', status: 'WARNING' }],
    });
    expect(sim.documents(creds.egs)[0]!.fate).toBe('reported');
  });

  it('400 → rejected with ZATCA’s messages (scripted, and a real hash mismatch)', async () => {
    const { sim, client, creds, doc } = await rig();
    sim.script({ action: 'rejected', errors: [{ code: 'BR-KSA-37', category: 'KSA', message: 'Building number must be 4 digits' }] });
    expect(await client.reportSingle(creds, doc.body)).toEqual({
      kind: 'rejected',
      code: 'ZATCA_REJECTED',
      errors: [{ code: 'BR-KSA-37', category: 'KSA', message: 'Building number must be 4 digits', status: 'ERROR' }],
      warnings: [],
    });
    expect(sim.documents(creds.egs)).toMatchObject([{ icv: 10, fate: 'rejected', errors: ['BR-KSA-37'] }]);

    // A rejected document is re-checked when sent again: with a wrong hash in the body it fails on that.
    const wrongHash = await client.reportSingle(creds, { ...doc.body, invoiceHash: sample('simplifiedCredit').hash });
    expect(wrongHash).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'invalid-invoice-hash', category: 'INVOICE_HASHING_ERRORS' })] });
    // Sent right, it passes, and the simulator's record says so.
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'reported' });
    expect(sim.documents(creds.egs)[0]!.fate).toBe('reported');
  });

  it('401 → unauthorized: a wrong secret, a compliance CSID, a scripted 401', async () => {
    const { sim, client, creds, doc } = await rig();
    expect(await client.reportSingle({ ...creds, secret: 'nope' }, doc.body)).toMatchObject({ kind: 'unauthorized', code: 'ZATCA_UNAUTHORIZED', detail: expect.stringContaining('401') });
    const compliance = sim.adoptCsid({ certificate: TEST_CERTIFICATE, kind: 'compliance' });
    expect(await client.reportSingle(compliance, doc.body)).toMatchObject({ kind: 'unauthorized' });
    sim.script({ action: 'unauthorized' });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'unauthorized' });
    // None of it took effect.
    expect(sim.documents(creds.egs)).toEqual([]);
  });

  it('the next N answers 500 → retry each time, then reported', async () => {
    const { sim, client, creds, doc } = await rig();
    sim.script({ call: 'reporting', action: 'status', status: 500, count: 2 });
    for (let i = 0; i < 2; i += 1) {
      expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'retry', reason: 'server_error', code: 'ZATCA_SERVER_ERROR', status: 500, detail: expect.stringContaining('HTTP 500') });
    }
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'reported' });
  });

  it('a 503 after the document took effect → retry, and the resend → already-reported', async () => {
    const { sim, client, creds, doc } = await rig();
    sim.script({ action: 'status', status: 503, process: true });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'retry', reason: 'server_error', status: 503 });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'already-reported' });
  });

  it('429 → retry with Retry-After', async () => {
    const { sim, client, creds, doc } = await rig();
    sim.script({ action: 'rate-limited', retryAfterSeconds: 7 });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'retry', reason: 'rate_limited', status: 429, retryAfterMs: 7000 });
  });

  it('no answer in time (the socket held open) → retry: timeout, within the bound', async () => {
    const { sim, client, creds, doc } = await rig(undefined, {}, 400);
    sim.script({ action: 'timeout', process: true });
    const started = Date.now();
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'retry', reason: 'timeout', code: 'ZATCA_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(2000);
    // It took effect before the answer was lost: the resend is a 409.
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'already-reported' });
  });

  it('a dropped connection → retry: reset', async () => {
    const { sim, client, creds, doc } = await rig();
    sim.script({ action: 'reset' });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'retry', reason: 'reset' });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'reported' });
  });

  it('an unreadable body → retry: malformed', async () => {
    const { sim, client, creds, doc } = await rig();
    sim.script({ action: 'malformed' });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'retry', reason: 'malformed', status: 200 });
  });

  it('an answer over the size bound → retry: too_large', async () => {
    const { sim, client, creds, doc } = await rig();
    sim.script({ action: 'oversized' });
    expect(await client.reportSingle(creds, doc.body)).toMatchObject({ kind: 'retry', reason: 'too_large' });
    const small = createPlatformClient({ baseUrl: sim.baseUrl, ca: sim.caPem, maxBodyBytes: 100 });
    expect(await small.reportSingle(creds, doc.body)).toMatchObject({ kind: 'retry', reason: 'too_large' });
  });

  it('connection refused → retry: unreachable', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    const client = createPlatformClient({ baseUrl: `https://127.0.0.1:${port}/e-invoicing/simulator/`, timeoutMs: 2000 });
    expect(await client.reportSingle({ binarySecurityToken: 'x', secret: 'y' }, sample('simplifiedInvoice').body)).toMatchObject({ kind: 'retry', reason: 'unreachable', code: 'ZATCA_UNREACHABLE' });
  });

  it('trusts the simulator only through its CA: without it → retry: tls, and nothing arrives', async () => {
    const { sim, creds, doc } = await rig();
    const stranger = createPlatformClient({ baseUrl: sim.baseUrl });
    expect(await stranger.reportSingle(creds, doc.body)).toMatchObject({ kind: 'retry', reason: 'tls' });
    const otherCa = await startZatcaSimulator();
    open.push(otherCa);
    const wrongCa = createPlatformClient({ baseUrl: sim.baseUrl, ca: otherCa.caPem });
    expect(await wrongCa.reportSingle(creds, doc.body)).toMatchObject({ kind: 'retry', reason: 'tls' });
    expect(sim.requests()).toEqual([]);
  });

  it('a transport that throws still gives a result', async () => {
    const client = createPlatformClient({ baseUrl: 'https://127.0.0.1:1/', transport: () => Promise.reject(new Error('boom')) });
    expect(await client.reportSingle({ binarySecurityToken: 'x', secret: 'y' }, sample('simplifiedInvoice').body)).toMatchObject({ kind: 'retry', detail: expect.stringContaining('boom') });
  });

  it('serves the reporting queue as a Reporter', async () => {
    const { client, creds, doc } = await rig();
    const reporter: Reporter = client.reporter(creds);
    expect(await reporter.report(doc.body)).toMatchObject({ kind: 'reported' });
  });
});

describe('transport bounds', () => {
  /** A bare HTTPS server with a certificate from a fresh CA, answering as `respond` says. */
  async function bareServer(respond: (res: import('node:http').ServerResponse) => void) {
    const ca = makeAuthority('prime256v1', 'Test CA');
    const cert = makeServerCertificate(ca);
    const server = https.createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
      req.resume();
      req.on('end', () => respond(res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as net.AddressInfo).port;
    const client = (maxBodyBytes?: number) => createPlatformClient({ baseUrl: `https://127.0.0.1:${port}/`, ca: ca.pem, timeoutMs: 3000, ...(maxBodyBytes ? { maxBodyBytes } : {}) });
    return { client, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it('a chunked answer that grows past the bound is cut off: retry too_large', async () => {
    const bare = await bareServer((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = 'x'.repeat(1000);
      res.write(chunk);
      res.write(chunk);
      res.end(chunk);
    });
    try {
      expect(await bare.client(1500).reportSingle({ binarySecurityToken: 'x', secret: 'y' }, sample('simplifiedInvoice').body)).toMatchObject({ kind: 'retry', reason: 'too_large' });
    } finally {
      await bare.close();
    }
  });

  it('an answer cut off half way: retry reset', async () => {
    const bare = await bareServer((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000' });
      res.write('{"validationResults":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    try {
      expect(await bare.client().reportSingle({ binarySecurityToken: 'x', secret: 'y' }, sample('simplifiedInvoice').body)).toMatchObject({ kind: 'retry', reason: 'reset' });
    } finally {
      await bare.close();
    }
  });
});

describe('clearance', () => {
  it('200 → cleared with the stamped document; Clearance-Status 1', async () => {
    const { sim, client, creds, doc } = await rig(sample('standardInvoice'));
    const result = await client.clearSingle(creds, doc.body);
    expect(result).toMatchObject({ kind: 'cleared', status: 200, warnings: [] });
    expect(result.kind === 'cleared' && Buffer.from(result.clearedInvoice, 'base64').toString('utf8')).toBe(doc.xml);
    expect(sim.requests('clearance')[0]!.headers['clearance-status']).toBe('1');
    expect(await client.clearSingle(creds, doc.body)).toMatchObject({ kind: 'already-cleared' });
  });

  it('clearance refused: switched off (303) → clearance-off; NOT_CLEARED (400) → rejected', async () => {
    const { sim, client, creds, doc } = await rig(sample('standardInvoice'));
    sim.script({ call: 'clearance', action: 'clearance-off' });
    expect(await client.clearSingle(creds, doc.body)).toMatchObject({ kind: 'clearance-off', code: 'ZATCA_CLEARANCE_OFF', detail: expect.stringContaining('invoices/reporting/single') });
    sim.script({ call: 'clearance', action: 'rejected', errors: [{ code: 'BR-KSA-42', message: 'Buyer VAT number missing' }] });
    expect(await client.clearSingle(creds, doc.body)).toMatchObject({ kind: 'rejected', errors: [{ code: 'BR-KSA-42', message: 'Buyer VAT number missing' }] });
    expect(await client.clearSingle(creds, doc.body)).toMatchObject({ kind: 'cleared', status: 200 });
  });

  it('a standard document sent to reporting, or a simplified one to clearance → rejected', async () => {
    const standard = await rig(sample('standardInvoice'));
    expect(await standard.client.reportSingle(standard.creds, standard.doc.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'invalid-invoice-type' })] });
    const simplified = await rig(sample('simplifiedInvoice'));
    expect(await simplified.client.clearSingle(simplified.creds, simplified.doc.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'invalid-invoice-type' })] });
  });
});

describe('onboarding', () => {
  it('compliance CSID: OTP and CSR → issued, with a certificate for the CSR’s key', async () => {
    const sim = await startZatcaSimulator();
    open.push(sim);
    const client = createPlatformClient({ baseUrl: sim.baseUrl, ca: sim.caPem });
    const csr = buildCsr(CSR_FIELDS, 'simulator');
    const result = await client.complianceCsid('١٢٣٣٤٥', csr.base64);
    expect(result).toMatchObject({ kind: 'issued', dispositionMessage: 'ISSUED', requestId: expect.stringMatching(/^\d{13}$/) });
    if (result.kind !== 'issued') return;
    expect(Buffer.from(result.credentials.binarySecurityToken, 'base64').toString('latin1')).toBe(result.certificate);
    const cert = new X509Certificate(Buffer.from(result.certificate, 'base64'));
    expect(cert.publicKey.export({ type: 'spki', format: 'der' })).toEqual(createPublicKey(csr.privateKey).export({ type: 'spki', format: 'der' }));
    expect(result.notAfter).toBe(new Date(cert.validTo).toISOString());
    const [request] = sim.requests('compliance');
    expect(request!.headers).toMatchObject({ otp: '123345', 'accept-version': 'V2' });
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.body).toEqual({ csr: csr.base64 });
  });

  it('a wrong OTP → refused with ZATCA’s message; a non-digit OTP is refused without sending', async () => {
    const sim = await startZatcaSimulator();
    open.push(sim);
    const client = createPlatformClient({ baseUrl: sim.baseUrl, ca: sim.caPem });
    const csr = buildCsr(CSR_FIELDS, 'simulator');
    expect(await client.complianceCsid('999999', csr.base64)).toMatchObject({ kind: 'refused', code: 'ZATCA_CSID_REFUSED', status: 400, errors: [expect.objectContaining({ code: 'Invalid-OTP' })] });
    expect(await client.complianceCsid('12a456', csr.base64)).toMatchObject({ kind: 'refused', code: 'ZATCA_OTP_FORMAT', status: null });
    expect(sim.requests('compliance')).toHaveLength(1);
    // Neither the OTP nor anything secret leaks into the detail.
    const refused = await client.complianceCsid('987654', csr.base64);
    expect(refused.kind === 'refused' && refused.detail).not.toContain('987654');
  });

  it('compliance checks, then the production CSID; renewal with PATCH', async () => {
    const { sim, client, doc } = await rig();
    const compliance = sim.adoptCsid({ certificate: TEST_CERTIFICATE, kind: 'compliance' });
    expect(await client.complianceCheck(compliance, doc.body)).toEqual({ kind: 'passed', status: 'PASS', warnings: [], reportingStatus: 'REPORTED', clearanceStatus: '' });
    sim.script({ call: 'compliance-invoices', action: 'warnings' });
    expect(await client.complianceCheck(compliance, doc.body)).toMatchObject({ kind: 'passed', status: 'WARNING', warnings: [expect.objectContaining({ code: 'BR-KSA-98' })] });
    sim.script({ call: 'compliance-invoices', action: 'rejected' });
    expect(await client.complianceCheck(compliance, doc.body)).toMatchObject({ kind: 'rejected', errors: [expect.objectContaining({ code: 'BR-KSA-37' })] });
    // A production CSID on the compliance endpoint is refused.
    const production = sim.adoptCsid({ certificate: TEST_CERTIFICATE });
    expect(await client.complianceCheck(production, doc.body)).toMatchObject({ kind: 'unauthorized' });

    const issued = await client.productionCsid(compliance, compliance.requestId);
    expect(issued).toMatchObject({ kind: 'issued' });
    expect(sim.requests('production-csid')[0]!.body).toEqual({ compliance_request_id: compliance.requestId });
    expect(await client.productionCsid(compliance, '1')).toMatchObject({ kind: 'refused', errors: [expect.objectContaining({ code: 'Invalid-Request-ID' })] });
  });

  it('renewal: PATCH with the production CSID, an OTP and a new CSR for the same unit', async () => {
    const sim = await startZatcaSimulator({ requireComplianceChecks: false });
    open.push(sim);
    const client = createPlatformClient({ baseUrl: sim.baseUrl, ca: sim.caPem });
    const first = await client.complianceCsid('123345', buildCsr(CSR_FIELDS, 'simulator').base64);
    if (first.kind !== 'issued') throw new Error(JSON.stringify(first));
    const production = await client.productionCsid(first.credentials, first.requestId);
    if (production.kind !== 'issued') throw new Error(JSON.stringify(production));
    const next = buildCsr(CSR_FIELDS, 'simulator');
    const renewed = await client.renewProductionCsid(production.credentials, '123345', next.base64);
    expect(renewed).toMatchObject({ kind: 'issued' });
    const request = sim.requests('renew-csid')[0]!;
    expect(request.method).toBe('PATCH');
    expect(request.headers.otp).toBe('123345');
    if (renewed.kind === 'issued') {
      // The new certificate carries the new key.
      const key = new X509Certificate(Buffer.from(renewed.certificate, 'base64')).publicKey.export({ type: 'spki', format: 'der' });
      expect(key).toEqual(createPublicKey(next.privateKey).export({ type: 'spki', format: 'der' }));
      expect(renewed.certificate).not.toBe(production.certificate);
    }
    // Another unit's CSR, or the compliance CSID, is refused.
    const other = buildCsr({ ...CSR_FIELDS, egs: { ...CSR_FIELDS.egs, serial: 'till-2' } }, 'simulator');
    expect(await client.renewProductionCsid(production.credentials, '123345', other.base64)).toMatchObject({ kind: 'refused', errors: [expect.objectContaining({ code: 'Invalid-CSR' })] });
    expect(await client.renewProductionCsid(first.credentials, '123345', next.base64)).toMatchObject({ kind: 'unauthorized' });
  });
});
