// How the client reads answers the simulator does not give: contradictory successes, 400s without a reason,
// other statuses, ZATCA's odd shapes (one info message instead of a list, a wrapped renewal, a 16-digit
// requestID). Through a transport handed in, so each answer is exactly the one under test.
import { describe, expect, it } from 'vitest';
import { createPlatformClient, platformBaseUrl, platformText, type PlatformTransport, type RawAnswer } from '../../../main/einvoicing/platform';
import { sample, TEST_CERTIFICATE } from './samples';

const creds = { binarySecurityToken: 'dG9rZW4=', secret: 'the-secret-value' };
const doc = sample('simplifiedInvoice').body;
const token = Buffer.from(TEST_CERTIFICATE, 'latin1').toString('base64');

function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const seen: Array<Parameters<PlatformTransport>[0]> = [];
  const transport: PlatformTransport = async (request) => {
    seen.push(request);
    const answer: RawAnswer = { kind: 'answer', status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
    return answer;
  };
  return { client: createPlatformClient({ baseUrl: 'https://fatoora.test/e-invoicing/core/', transport }), seen };
}

const validation = (over: Record<string, unknown> = {}, results: Record<string, unknown> = {}) => ({
  validationResults: { infoMessages: [], warningMessages: [], errorMessages: [], status: 'PASS', ...results },
  reportingStatus: 'REPORTED',
  clearanceStatus: null,
  ...over,
});

describe('reading report answers', () => {
  it('a 200 that says NOT_REPORTED, or carries errors, is not trusted: retry', async () => {
    expect(await answering(200, validation({ reportingStatus: 'NOT_REPORTED' })).client.reportSingle(creds, doc)).toMatchObject({ kind: 'retry', reason: 'malformed', status: 200 });
    expect(await answering(200, validation({}, { status: 'ERROR', errorMessages: [{ code: 'X', message: 'y' }] })).client.reportSingle(creds, doc)).toMatchObject({ kind: 'retry', reason: 'malformed' });
    expect(await answering(200, '<html>ok</html>').client.reportSingle(creds, doc)).toMatchObject({ kind: 'retry', reason: 'malformed' });
    expect(await answering(200, '').client.reportSingle(creds, doc)).toMatchObject({ kind: 'retry', reason: 'malformed' });
  });

  it('one info message instead of a list is read', async () => {
    const body = validation({}, { infoMessages: { type: 'INFO', code: 'XSD_ZATCA_VALID', category: 'XSD validation', message: 'ok', status: 'PASS' } });
    expect(await answering(200, body).client.reportSingle(creds, doc)).toEqual({ kind: 'reported', status: 200, warnings: [] });
  });

  it('a 400 with a reason is rejected; without one it is retried', async () => {
    expect(await answering(400, { code: 'Invalid-Request', message: 'uuid missing' }).client.reportSingle(creds, doc)).toMatchObject({
      kind: 'rejected',
      errors: [{ code: 'Invalid-Request', message: 'uuid missing', category: '', status: 'ERROR' }],
    });
    expect(await answering(400, { errors: ['first', { code: 'E2', message: 'second' }] }).client.reportSingle(creds, doc)).toMatchObject({
      kind: 'rejected',
      errors: [{ code: '', message: 'first' }, { code: 'E2', message: 'second' }],
    });
    expect(await answering(400, '<html>Bad Request</html>').client.reportSingle(creds, doc)).toMatchObject({ kind: 'retry', reason: 'malformed', status: 400 });
    expect(await answering(400, {}).client.reportSingle(creds, doc)).toMatchObject({ kind: 'retry', reason: 'malformed' });
  });

  it('statuses it has no meaning for are retried with the status named; 401 keeps ZATCA’s words', async () => {
    expect(await answering(406, 'Not Acceptable').client.reportSingle(creds, doc)).toMatchObject({ kind: 'retry', reason: 'unexpected_status', status: 406, detail: expect.stringContaining('Accept-Version') });
    expect(await answering(302, '').client.reportSingle(creds, doc)).toMatchObject({ kind: 'retry', reason: 'unexpected_status', status: 302 });
    expect(await answering(404, '').client.reportSingle(creds, doc)).toMatchObject({ kind: 'retry', status: 404 });
    expect(await answering(401, { timestamp: 1, status: 401, error: 'Unauthorized', message: 'Invalid credentials' }).client.reportSingle(creds, doc)).toEqual({
      kind: 'unauthorized',
      code: 'ZATCA_UNAUTHORIZED',
      detail: 'HTTP 401: Unauthorized Invalid credentials',
    });
    const at = new Date(Date.now() + 60_000).toUTCString();
    const r = await answering(503, 'down', { 'retry-after': at }).client.reportSingle(creds, doc);
    expect(r).toMatchObject({ kind: 'retry', reason: 'server_error', status: 503 });
    expect(r.kind === 'retry' && r.retryAfterMs).toBeGreaterThan(50_000);
  });

  it('every failure code has Arabic and English words', () => {
    for (const [code, text] of Object.entries(platformText.text)) {
      expect(text.ar, code).toMatch(/[\u0600-\u06FF]/);
      expect(text.en, code).toMatch(/[A-Za-z]/);
    }
  });
});

describe('reading CSID answers', () => {
  it('a 16-digit requestID keeps its digits; a wrapped renewal answer is read', async () => {
    const raw = `{"requestID": 1234567890123456789, "dispositionMessage": "ISSUED", "binarySecurityToken": "${token}", "secret": "s3cret", "errors": null}`;
    expect(await answering(200, raw).client.productionCsid(creds, '1')).toMatchObject({ kind: 'issued', requestId: '1234567890123456789', credentials: { binarySecurityToken: token, secret: 's3cret' }, certificate: TEST_CERTIFICATE });
    const wrapped = { value: { requestID: 42, dispositionMessage: 'ISSUED', binarySecurityToken: token, secret: 's', errors: null } };
    expect(await answering(200, wrapped).client.renewProductionCsid(creds, '123456', 'Y3Ny')).toMatchObject({ kind: 'issued', requestId: '42', notAfter: '2029-01-09T09:19:30.000Z' });
  });

  it('a token that is not a certificate, or missing fields, is retried; a 4xx is refused with ZATCA’s words', async () => {
    expect(await answering(200, { requestID: 1, binarySecurityToken: Buffer.from('garbage').toString('base64'), secret: 's' }).client.productionCsid(creds, '1')).toMatchObject({ kind: 'retry', reason: 'malformed' });
    expect(await answering(200, { requestID: 1, secret: 's' }).client.productionCsid(creds, '1')).toMatchObject({ kind: 'retry', reason: 'malformed' });
    expect(await answering(400, { errorCode: 'Invalid-CSR', errorMessage: 'bad' }).client.complianceCsid('123456', 'Y3Ny')).toMatchObject({ kind: 'refused', status: 400, errors: [{ code: 'Invalid-CSR', message: 'bad' }] });
    expect(await answering(428, { value: { dispositionMessage: 'NOT_COMPLIANT', errors: [{ code: 'NOT_COMPLIANT', message: 'steps' }] } }).client.renewProductionCsid(creds, '123456', 'Y3Ny')).toMatchObject({ kind: 'refused', status: 428, errors: [{ code: 'NOT_COMPLIANT' }] });
  });

  it('the OTP and the secret never reach a detail', async () => {
    const echo = answering(400, { code: 'Invalid-OTP', message: 'OTP 246810 for the-secret-value is wrong' });
    const r = await echo.client.renewProductionCsid(creds, '246810', 'Y3Ny');
    expect(r.kind === 'refused' && r.detail).toBeTruthy();
    expect(JSON.stringify(r.kind === 'refused' ? r.detail : '')).not.toMatch(/246810|the-secret-value/);
    // The header carried it.
    expect(echo.seen[0]!.headers.OTP).toBe('246810');
    expect(echo.seen[0]!.method).toBe('PATCH');
  });
});

describe('compliance answers', () => {
  it('errors in a 200 fail the check; warnings pass it as WARNING', async () => {
    expect(await answering(200, validation({}, { status: 'ERROR', errorMessages: [{ code: 'BR-KSA-37', message: 'x' }] })).client.complianceCheck(creds, doc)).toMatchObject({ kind: 'rejected', errors: [{ code: 'BR-KSA-37' }] });
    expect(await answering(200, validation({}, { warningMessages: [{ code: 'BR-KSA-98', message: 'late' }] })).client.complianceCheck(creds, doc)).toMatchObject({ kind: 'passed', status: 'WARNING' });
  });
});

describe('platformBaseUrl', () => {
  it('names the three FATOORA environments and takes a custom https URL for the simulator', () => {
    expect(platformBaseUrl('sandbox')).toBe('https://gw-fatoora.zatca.gov.sa/e-invoicing/developer-portal/');
    expect(platformBaseUrl('simulation')).toBe('https://gw-fatoora.zatca.gov.sa/e-invoicing/simulation/');
    expect(platformBaseUrl('production')).toBe('https://gw-fatoora.zatca.gov.sa/e-invoicing/core/');
    expect(platformBaseUrl('simulator', 'https://127.0.0.1:4443/e-invoicing/simulator')).toBe('https://127.0.0.1:4443/e-invoicing/simulator/');
    expect(() => platformBaseUrl('simulator')).toThrow(RangeError);
    expect(() => platformBaseUrl('production', 'http://fatoora.example/')).toThrow(/https/);
    expect(() => createPlatformClient({ baseUrl: 'http://127.0.0.1/' })).toThrow(/https/);
  });

  it('appends the call paths to the base URL', async () => {
    const { client, seen } = answering(200, validation());
    await client.reportSingle(creds, doc);
    await client.clearSingle(creds, doc);
    await client.complianceCheck(creds, doc);
    await client.productionCsid(creds, '77');
    expect(seen.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'POST /e-invoicing/core/invoices/reporting/single',
      'POST /e-invoicing/core/invoices/clearance/single',
      'POST /e-invoicing/core/compliance/invoices',
      'POST /e-invoicing/core/production/csids',
    ]);
    expect(seen[3]!.body).toBe('{"compliance_request_id":"77"}');
  });
});
