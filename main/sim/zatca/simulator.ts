// A simulated FATOORA over real HTTPS on 127.0.0.1, for tests, training and development. Its own TLS CA (a
// client trusts that CA only) and its own secp256k1 e-invoicing CA, which issues stamp certificates from the
// CSRs it receives. It checks what ZATCA checks and a till can get wrong — credentials, Accept-Version, the
// body's shape, the sent hash against the document's, the signature and QR, that the signing certificate is one
// it issued to that unit, and each unit's ICV/PIH chain — and records everything it received. Scripted faults
// (types.ts) make the next answers fail in every way the reporting queue must survive.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { CsrError, readCsr, type CsrContents } from '../../einvoicing/onboarding';
import { PLATFORM_PATHS, type PlatformCredentials } from '../../einvoicing/platform';
import { SEED_PIH } from '../../fiscal/einvoice';
import { createChainBook } from './chain';
import { inspectDocument, type DocumentFacts } from './inspect';
import { createRegistry, egsOfCsr } from './registry';
import { checkSignatureAndQr } from './signature';
import { ZATCA_CALLS, type FaultMessage, type ReceivedDocument, type SimCsid, type SimEvent, type SimRecord, type SimRequest, type ZatcaCall, type ZatcaFault } from './types';
import { csidAnswer, errorsBody, serverErrorBody, unauthorizedBody, validationAnswer } from './wire-out';
import { makeAuthority, makeServerCertificate, type Authority } from './x509';

export const SIM_BASE_PATH = '/e-invoicing/simulator/';
/** The OTP ZATCA's developer portal accepts; the simulator's default. */
export const DEFAULT_OTP = '123345';
const MAX_REQUEST_BYTES = 5 * 1024 * 1024;

export interface ZatcaSimulatorOptions {
  /** 0 (default): any free port. Always 127.0.0.1. */
  port?: number;
  /** Faults scripted from the start. */
  faults?: ZatcaFault[];
  /** OTPs accepted by compliance and renewal (reusable). Default ['123345']. */
  otps?: string[];
  /** Accept a document whose previous ICV has not arrived yet (default false: refused as a gap). */
  outOfOrder?: boolean;
  /** The production CSID needs the unit's compliance samples to have passed (default true). */
  requireComplianceChecks?: boolean;
  /** Validity of the stamp certificates it issues. Default 365 days. */
  certificateDays?: number;
  /** The signature and QR checks (default: checkSignatureAndQr). */
  verifySignature?: (facts: DocumentFacts) => FaultMessage[];
  /** Write the record as JSON here after every request. */
  recordFile?: string;
  /** How many of the latest requests the record keeps (bodies carry whole documents). Default 1000. */
  keepRequests?: number;
  now?: () => Date;
}

export interface ZatcaSimulator {
  readonly port: number;
  /** https://127.0.0.1:PORT/e-invoicing/simulator/ — the client's baseUrl. */
  readonly baseUrl: string;
  /** The TLS CA (PEM): the only anchor a client should trust for the simulator. */
  readonly caPem: string;
  /** The e-invoicing CA (PEM) that signs the stamp certificates. */
  readonly einvoiceCaPem: string;
  readonly otps: readonly string[];
  script(...faults: ZatcaFault[]): void;
  clearScript(): void;
  pendingScript(): readonly ZatcaFault[];
  record(): SimRecord;
  requests(call?: ZatcaCall): SimRequest[];
  documents(egs: string): ReceivedDocument[];
  /**
   * Registers a certificate made elsewhere (ZATCA's published test certificate, which signed the SDK samples) as
   * a CSID of this simulator, and returns its credentials. `chain`: the unit's last document before the ones it
   * will send (ICV and hash), e.g. {icv: 9, hash: SEED_PIH} for a sample numbered 10 with the seed PIH.
   * `secret`: keep a till's existing credentials working (a restarted simulator); default a new one.
   */
  adoptCsid(options: { certificate: string; kind?: SimCsid['kind']; secret?: string; chain?: { icv: number; hash: string } }): PlatformCredentials & { egs: string; requestId: string };
  /** The unit's chain continues after a document the simulator never saw. */
  continueChain(egs: string, icv: number, hash: string): void;
  subscribe(listener: (event: SimEvent) => void): () => void;
  close(): Promise<void>;
}

const ROUTES: Record<string, Partial<Record<string, ZatcaCall>>> = {
  [PLATFORM_PATHS.compliance]: { POST: 'compliance' },
  [PLATFORM_PATHS.complianceInvoices]: { POST: 'compliance-invoices' },
  [PLATFORM_PATHS.productionCsids]: { POST: 'production-csid', PATCH: 'renew-csid' },
  [PLATFORM_PATHS.reporting]: { POST: 'reporting' },
  [PLATFORM_PATHS.clearance]: { POST: 'clearance' },
};

/**
 * A well-formed VAT number the simulator treats as registered to nobody: clearing a standard invoice naming it is
 * refused, as ZATCA refuses a buyer its register does not know ([simulator]; the real platform's check and code
 * may differ). The demo and the e2e tests use it to show a refused clearance.
 */
export const UNREGISTERED_BUYER_VAT = '399999999999993';
const UNREGISTERED_BUYER = { code: 'BR-KSA-44', category: 'KSA', message: "The buyer's VAT number is not registered with ZATCA." };

const ACTIONS = new Set(['status', 'timeout', 'reset', 'unauthorized', 'rejected', 'already-reported', 'warnings', 'clearance-off', 'rate-limited', 'malformed', 'oversized', 'slow']);

/** Faults also arrive as JSON from the CLI: refuse one that would silently do nothing. */
function checkFault(f: ZatcaFault): void {
  if (!f || typeof f !== 'object' || !ACTIONS.has(f.action)) throw new Error(`unknown fault ${JSON.stringify(f)}`);
  if (f.call !== undefined && !ZATCA_CALLS.includes(f.call)) throw new Error(`unknown call ${String(f.call)}`);
  if (f.count !== undefined && !(Number.isInteger(f.count) && f.count >= 1)) throw new Error('count must be a whole number ≥ 1');
  if (f.action === 'slow' && !(Number.isInteger(f.delayMs) && f.delayMs >= 0)) throw new Error('slow needs delayMs');
  if (f.action === 'status' && f.status !== undefined && !(Number.isInteger(f.status) && f.status >= 100 && f.status <= 599)) throw new Error('status must be an HTTP status');
}

/** Which compliance samples a unit must pass for its document types (zatca1.discourse.group t/5519). */
export function requiredChecks(invoiceTypes: string): string[] {
  const kinds = ['invoice', 'credit', 'debit'];
  const out: string[] = [];
  if (invoiceTypes[0] === '1') out.push(...kinds.map((k) => `standard-${k}`));
  if (invoiceTypes[1] === '1') out.push(...kinds.map((k) => `simplified-${k}`));
  return out;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  egs?: string | null;
  icv?: number | null;
}

const json = (status: number, body: unknown, extra: Partial<Answer> = {}): Answer => ({ status, body, ...extra });

const REQUEST_ERROR = (message: string): FaultMessage => ({ code: 'invalid-request', category: 'REQUEST', message });
/** What a `rejected` / `warnings` fault sends when it names none. */
const DEFAULT_REJECTION: FaultMessage = { code: 'BR-KSA-37', category: 'KSA', message: 'The seller address building number must contain 4 digits.' };
const DEFAULT_WARNING: FaultMessage = { code: 'BR-KSA-98', category: 'KSA', message: 'The simplified invoice should be submitted within 24 hours of issuing the invoice.' };

export async function startZatcaSimulator(options: ZatcaSimulatorOptions = {}): Promise<ZatcaSimulator> {
  const now = options.now ?? (() => new Date());
  const otps = options.otps ?? [DEFAULT_OTP];
  const tlsCa = makeAuthority('prime256v1', 'Nuqta ZATCA Simulator TLS CA');
  const server = makeServerCertificate(tlsCa);
  const einvoiceCa: Authority = makeAuthority('secp256k1', 'NUQTA-SIM-EINVOICE-CA', ['local', 'nuqta', 'simulator'], 3650);
  const registry = createRegistry({ ca: einvoiceCa, certificateDays: options.certificateDays ?? 365, now });
  const chains = createChainBook({ seedPih: SEED_PIH, outOfOrder: options.outOfOrder ?? false });
  const verifySignature = options.verifySignature ?? checkSignatureAndQr;
  const requireChecks = options.requireComplianceChecks ?? true;
  /** The CSR behind each compliance CSID (by requestID): the production CSID is issued for the same key. */
  const csrOf = new Map<string, CsrContents>();
  const queue: Array<ZatcaFault & { left: number }> = [];
  const requests: SimRequest[] = [];
  const keepRequests = options.keepRequests ?? 1000;
  let seq = 0;
  const listeners = new Set<(event: SimEvent) => void>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const emit = (event: SimEvent) => {
    for (const l of listeners) l(event);
  };

  const record = (): SimRecord => ({ requests: structuredClone(requests), csids: registry.list(), documents: chains.all() });
  const save = () => {
    if (!options.recordFile) return;
    const tmp = `${options.recordFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(record(), null, 1));
    fs.renameSync(tmp, options.recordFile);
  };

  for (const f of options.faults ?? []) checkFault(f);
  queue.push(...(options.faults ?? []).map((f) => ({ ...f, left: f.count ?? 1 })));

  const takeFault = (call: ZatcaCall): ZatcaFault | null => {
    const i = queue.findIndex((f) => !f.call || f.call === call);
    if (i < 0) return null;
    const f = queue[i]!;
    f.left -= 1;
    if (f.left <= 0) queue.splice(i, 1);
    const { left: _left, ...fault } = f;
    return fault;
  };

  // ---- checks shared by the document calls ----------------------------------------------------------------

  const versionRefused = (req: IncomingMessage): Answer | null =>
    req.headers['accept-version'] === 'V2' ? null : json(406, { code: 'Invalid-Version', message: `Accept-Version must be V2, not ${String(req.headers['accept-version'] ?? '(none)')}` });

  const otpRefused = (req: IncomingMessage): Answer | null => {
    const otp = req.headers.otp;
    return typeof otp === 'string' && otps.includes(otp) ? null : json(400, errorsBody({ code: 'Invalid-OTP', message: 'The provided OTP is invalid or has expired.' }));
  };

  /** The CSR in a {"csr"} body, checked for ZATCA's fields; or the 400 answer. */
  const csrFrom = (body: unknown): { csr: CsrContents; egs: string } | Answer => {
    const csrText = body && typeof body === 'object' ? (body as { csr?: unknown }).csr : undefined;
    if (typeof csrText !== 'string' || csrText === '') return json(400, errorsBody(REQUEST_ERROR('The body must be {"csr": Base64 of the CSR}.')));
    let csr: CsrContents;
    try {
      csr = readCsr(csrText);
    } catch (err) {
      return json(400, errorsBody({ code: 'Invalid-CSR', message: err instanceof CsrError ? err.message : 'The CSR cannot be read.' }));
    }
    const missing: string[] = [];
    if (!csr.commonName) missing.push('CN');
    if (!csr.egsSerial || !/^1-[^|]+\|2-[^|]+\|3-[^|]+$/.test(csr.egsSerial)) missing.push('SN (1-…|2-…|3-…)');
    if (!csr.vatNumber || !/^3\d{13}3$/.test(csr.vatNumber)) missing.push('UID (VAT number)');
    if (!csr.invoiceTypes || requiredChecks(csr.invoiceTypes).length === 0 || !/^[01]{4}$/.test(csr.invoiceTypes)) missing.push('title (invoice types)');
    if (csr.country !== 'SA') missing.push('C (SA)');
    if (!csr.template || !/^(?:TST|PRE)?ZATCA-Code-Signing$/.test(csr.template)) missing.push('certificate template');
    if (csr.publicKey.asymmetricKeyDetails?.namedCurve !== 'secp256k1') missing.push('a secp256k1 key');
    if (missing.length > 0) return json(400, errorsBody({ code: 'Invalid-CSR', message: `The CSR lacks or misstates: ${missing.join(', ')}.` }));
    return { csr, egs: egsOfCsr(csr)! };
  };

  /** The {"invoiceHash","uuid","invoice"} body, decoded and read; or the 400 answer (the document is not recorded). */
  const documentFrom = (body: unknown, field: 'reporting' | 'clearance'): { facts: DocumentFacts; invoiceHash: string; uuid: string } | Answer => {
    const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    if (typeof b.invoiceHash !== 'string' || typeof b.uuid !== 'string' || typeof b.invoice !== 'string' || !/^[A-Za-z0-9+/]+=*$/.test(b.invoice)) {
      return json(400, validationAnswer({ field, errors: [REQUEST_ERROR('The body must be {"invoiceHash", "uuid", "invoice": Base64 of the XML}.')], warnings: [] }));
    }
    try {
      return { facts: inspectDocument(Buffer.from(b.invoice, 'base64').toString('utf8')), invoiceHash: b.invoiceHash, uuid: b.uuid };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return json(400, validationAnswer({ field, errors: [{ code: 'SAXParseException', category: 'XSD_SCHEMA_ERROR', message }], warnings: [] }));
    }
  };

  /**
   * Content checks: the body against the document, the signature and QR, the certificate against the unit.
   * `authentic`: the unit provably made this document (its signature verifies under a certificate issued to it).
   * Only an authentic document takes a place in the unit's chain, whatever else is wrong with it — a forgery
   * must not block the unit's real document with the same ICV.
   */
  const contentErrors = (csid: SimCsid, facts: DocumentFacts, invoiceHash: string, uuid: string): { errors: FaultMessage[]; authentic: boolean } => {
    const errors: FaultMessage[] = [];
    if (facts.uuid !== uuid) errors.push({ code: 'invalid-uuid', category: 'REQUEST', message: `The request's uuid ${uuid} is not the document's UUID ${facts.uuid ?? '(none)'}.` });
    if (facts.hash !== invoiceHash) {
      errors.push({ code: 'invalid-invoice-hash', category: 'INVOICE_HASHING_ERRORS', message: 'The invoice hash API body does not match the (calculated) Hash of the XML' });
    }
    const signature = verifySignature(facts);
    errors.push(...signature);
    const issued = !!facts.certificate && registry.issuedTo(csid.egs, facts.certificate);
    if (facts.certificate && !issued) {
      errors.push({ code: 'certificate-not-issued', category: 'CERTIFICATE_ERRORS', message: 'The signing certificate was not issued to this unit (EGS).' });
    }
    return { errors, authentic: issued && !signature.some((e) => e.category === 'SIGNATURE_ERRORS' || e.category === 'XSD_SCHEMA_ERROR') };
  };

  // ---- the calls -----------------------------------------------------------------------------------------

  const compliance = (req: IncomingMessage, body: unknown): Answer => {
    const refused = versionRefused(req) ?? otpRefused(req);
    if (refused) return refused;
    const read = csrFrom(body);
    if ('status' in read) return read;
    const csid = registry.issue('compliance', read.csr, read.egs);
    csrOf.set(csid.requestId, read.csr);
    emit({ event: 'csid', kind: 'compliance', egs: csid.egs, requestId: csid.requestId });
    return json(200, csidAnswer(csid), { egs: csid.egs });
  };

  const complianceInvoice = (req: IncomingMessage, body: unknown, csid: SimCsid, fault: ZatcaFault | null): Answer => {
    const field = 'reporting';
    const read = documentFrom(body, field);
    if ('status' in read) return read;
    const { facts } = read;
    const resultField = facts.profile === 'standard' ? 'clearance' : 'reporting';
    const { errors } = contentErrors(csid, facts, read.invoiceHash, read.uuid);
    const check = `${facts.profile}-${facts.kind}`;
    if (!requiredChecks(csid.invoiceTypes).includes(check)) {
      errors.push({ code: 'invalid-invoice-type', category: 'KSA', message: `This unit (document types ${csid.invoiceTypes}) may not issue a ${facts.profile} ${facts.kind}.` });
    }
    if (fault?.action === 'rejected') errors.push(...(fault.errors ?? [DEFAULT_REJECTION]));
    const warnings = fault?.action === 'warnings' ? (fault.warnings ?? [DEFAULT_WARNING]) : [];
    if (errors.length === 0 && !csid.passedChecks.includes(check)) csid.passedChecks.push(check);
    const answer = validationAnswer({ field: resultField, errors, warnings, clearedInvoice: Buffer.from(facts.xml, 'utf8').toString('base64') });
    return json(errors.length > 0 ? 400 : warnings.length > 0 ? 202 : 200, answer, { egs: csid.egs, icv: facts.icv });
  };

  const productionCsid = (req: IncomingMessage, body: unknown, csid: SimCsid): Answer => {
    const raw = body && typeof body === 'object' ? (body as Record<string, unknown>).compliance_request_id : undefined;
    const requestId = typeof raw === 'number' || typeof raw === 'string' ? String(raw) : '';
    if (requestId !== csid.requestId) {
      return json(400, errorsBody({ code: 'Invalid-Request-ID', message: `compliance_request_id ${requestId || '(none)'} is not this compliance CSID's request.` }));
    }
    const missing = requireChecks && !csid.adopted ? requiredChecks(csid.invoiceTypes).filter((c) => !csid.passedChecks.includes(c)) : [];
    if (missing.length > 0) {
      return json(400, errorsBody({ code: 'Missing-Compliance-Steps', message: `These compliance samples have not passed yet: ${missing.join(', ')}.` }));
    }
    const csr = csrOf.get(csid.requestId);
    const issued = csr ? registry.issue('production', csr, csid.egs) : registry.adopt('production', csid.certificate);
    emit({ event: 'csid', kind: 'production', egs: issued.egs, requestId: issued.requestId });
    return json(200, csidAnswer(issued), { egs: issued.egs });
  };

  const renewCsid = (req: IncomingMessage, body: unknown, csid: SimCsid): Answer => {
    const refused = otpRefused(req);
    if (refused) return refused;
    const read = csrFrom(body);
    if ('status' in read) return read;
    if (read.egs !== csid.egs) return json(400, errorsBody({ code: 'Invalid-CSR', message: `A renewal is for the same unit (${csid.egs}), not ${read.egs}.` }));
    const issued = registry.issue('production', read.csr, read.egs);
    emit({ event: 'csid', kind: 'production', egs: issued.egs, requestId: issued.requestId });
    return json(200, csidAnswer(issued), { egs: issued.egs });
  };

  const documentCall = (call: 'reporting' | 'clearance', body: unknown, csid: SimCsid, fault: ZatcaFault | null): Answer => {
    const field = call;
    const read = documentFrom(body, field);
    if ('status' in read) return read;
    const { facts } = read;
    const where = { egs: csid.egs, icv: facts.icv };
    const verdict = chains.check(csid.egs, facts);
    if (verdict.kind === 'broken') return json(400, validationAnswer({ field, errors: [verdict.error], warnings: [] }), where);
    if (verdict.kind === 'duplicate' && verdict.document.fate !== 'rejected') {
      const doc = chains.record(csid.egs, facts, verdict.document.fate, []);
      emit({ event: 'document', egs: csid.egs, document: doc });
      const said = call === 'reporting' ? 'Invoice was already Reported successfully earlier.' : 'Invoice was already Cleared successfully earlier.';
      return json(409, validationAnswer({ field, errors: [], warnings: [{ code: 'Invoice-Already-Submitted', category: 'KSA', message: said }] }), where);
    }
    const { errors, authentic } = contentErrors(csid, facts, read.invoiceHash, read.uuid);
    const wanted = call === 'reporting' ? 'simplified' : 'standard';
    if (facts.profile !== wanted) {
      errors.push({ code: 'invalid-invoice-type', category: 'KSA', message: `Only ${wanted} documents go to ${call === 'reporting' ? 'reporting' : 'clearance'}; this one is ${facts.profile}.` });
    } else if (!requiredChecks(csid.invoiceTypes).includes(`${facts.profile}-${facts.kind}`)) {
      // The CSID's document types (the CSR's title) say what the unit may issue: a 0100 unit issues no standard ones.
      errors.push({ code: 'invalid-invoice-type', category: 'KSA', message: `This unit (document types ${csid.invoiceTypes}) may not issue a ${facts.profile} ${facts.kind}.` });
    }
    if (fault?.action === 'rejected') errors.push(...(fault.errors ?? [DEFAULT_REJECTION]));
    // [simulator] A buyer no taxpayer register knows: the demo's and the e2e tests' way to see a refused clearance.
    if (call === 'clearance' && facts.buyerVat === UNREGISTERED_BUYER_VAT) errors.push({ ...UNREGISTERED_BUYER });
    const warnings = fault?.action === 'warnings' ? (fault.warnings ?? [DEFAULT_WARNING]) : [];
    const fate = errors.length > 0 ? 'rejected' : call === 'reporting' ? 'reported' : 'cleared';
    if (authentic) {
      const doc = chains.record(csid.egs, facts, fate, errors.map((e) => e.code));
      emit({ event: 'document', egs: csid.egs, document: doc });
    }
    const answer = validationAnswer({ field, errors, warnings, clearedInvoice: Buffer.from(facts.xml, 'utf8').toString('base64') });
    return json(errors.length > 0 ? 400 : warnings.length > 0 ? 202 : 200, answer, where);
  };

  /** Authentication and version come first; then the call itself. */
  const respond = (call: ZatcaCall, req: IncomingMessage, body: unknown, fault: ZatcaFault | null): Answer => {
    if (call === 'compliance') return compliance(req, body);
    const csid = registry.authenticate(req.headers.authorization);
    const wantedKind = call === 'compliance-invoices' || call === 'production-csid' ? 'compliance' : 'production';
    if (!csid || csid.kind !== wantedKind) return json(401, unauthorizedBody(now()));
    const refused = versionRefused(req);
    if (refused) return { ...refused, egs: csid.egs };
    switch (call) {
      case 'compliance-invoices':
        return complianceInvoice(req, body, csid, fault);
      case 'production-csid':
        return productionCsid(req, body, csid);
      case 'renew-csid':
        return renewCsid(req, body, csid);
      case 'reporting':
      case 'clearance':
        return documentCall(call, body, csid, fault);
    }
  };

  // ---- HTTP -----------------------------------------------------------------------------------------------

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed || res.writableEnded) return;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const contentType = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const handle = (call: ZatcaCall, req: IncomingMessage, res: ServerResponse, entry: SimRequest) => {
    const fault = takeFault(call);
    entry.fault = fault?.action ?? null;
    /** `answer`: what was worked out (null: nothing was); `status`: what went back (null: nothing did). */
    const finish = (answer: Answer | null, status: number | null = answer?.status ?? null) => {
      entry.status = status;
      entry.egs = answer?.egs ?? entry.egs;
      entry.icv = answer?.icv ?? entry.icv;
      emit({ event: 'request', seq: entry.seq, call, status: entry.status, fault: entry.fault, egs: entry.egs, icv: entry.icv });
      save();
    };
    const run = () => respond(call, req, entry.body, fault);
    const answerWith = (answer: Answer | null, override?: { status: number; body: unknown; headers?: Record<string, string> }) => {
      const out = override ?? answer!;
      finish(answer, out.status);
      send(res, out.status, out.body, out.headers);
    };
    if (!fault) return answerWith(run());
    switch (fault.action) {
      case 'status': {
        return answerWith(fault.process ? run() : null, { status: fault.status ?? 500, body: fault.body ?? serverErrorBody() });
      }
      case 'timeout':
        // The connection stays open, unanswered, until the client gives up or the simulator closes.
        finish(fault.process ? run() : null, null);
        return;
      case 'reset':
        finish(fault.process ? run() : null, null);
        req.socket.destroy();
        return;
      case 'unauthorized':
        return answerWith(json(401, unauthorizedBody(now())));
      case 'rejected':
      case 'warnings':
        return answerWith(run());
      case 'already-reported': {
        return answerWith(run(), { status: 409, body: validationAnswer({ field: call === 'clearance' ? 'clearance' : 'reporting', errors: [], warnings: [{ code: 'Invoice-Already-Submitted', category: 'KSA', message: 'Invoice was already Reported successfully earlier.' }] }) });
      }
      case 'clearance-off':
        return answerWith(json(303, { code: 'Clearance-Deactivated', message: 'Clearance is deactivated. Please use the /invoices/reporting/single endpoint instead.' }, { headers: { Location: `${SIM_BASE_PATH}${PLATFORM_PATHS.reporting}` } }));
      case 'rate-limited':
        return answerWith(json(429, { code: 'Too-Many-Requests', message: 'Rate limit exceeded.' }, { headers: { 'Retry-After': String(fault.retryAfterSeconds ?? 1) } }));
      case 'malformed': {
        return answerWith(fault.process ? run() : null, { status: 200, body: '{"validationResults":{"status":"PA' });
      }
      case 'oversized':
        return answerWith(json(200, { padding: 'x'.repeat(4 * 1024 * 1024) }));
      case 'slow': {
        const answer = run();
        return later(fault.delayMs, () => answerWith(answer));
      }
    }
  };

  const httpsServer = https.createServer({ key: server.keyPem, cert: server.certPem, minVersion: 'TLSv1.2' }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://sim');
    const path = url.pathname.startsWith(SIM_BASE_PATH) ? url.pathname.slice(SIM_BASE_PATH.length) : null;
    const call = path === null ? undefined : ROUTES[path]?.[req.method ?? ''];
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const entry: SimRequest = { seq: (seq += 1), call: call ?? 'unknown', method: req.method ?? '', path: url.pathname, headers, body: null, status: null, fault: null, egs: null, icv: null };
    requests.push(entry);
    // A training till may run for days: the oldest requests go, the chains (small) stay whole.
    if (requests.length > keepRequests) requests.splice(0, requests.length - keepRequests);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        entry.body = text === '' ? null : JSON.parse(text);
      } catch {
        entry.body = text;
      }
      if (!call) {
        entry.status = path !== null && ROUTES[path] ? 405 : 404;
        emit({ event: 'request', seq: entry.seq, call: 'unknown', status: entry.status, fault: null, egs: null, icv: null });
        return send(res, entry.status, { code: String(entry.status), message: `No ${req.method} ${url.pathname}` });
      }
      if (size > MAX_REQUEST_BYTES) {
        entry.status = 413;
        return send(res, 413, { code: '413', message: 'Request too large' });
      }
      handle(call, req, res, entry);
    });
  });
  httpsServer.on('secureConnection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  httpsServer.on('tlsClientError', () => {});

  const port = await new Promise<number>((resolve, reject) => {
    httpsServer.once('error', reject);
    httpsServer.listen(options.port ?? 0, '127.0.0.1', () => {
      httpsServer.off('error', reject);
      resolve((httpsServer.address() as AddressInfo).port);
    });
  });

  return {
    port,
    baseUrl: `https://127.0.0.1:${port}${SIM_BASE_PATH}`,
    caPem: tlsCa.pem,
    einvoiceCaPem: einvoiceCa.pem,
    otps,
    script(...faults) {
      for (const f of faults) checkFault(f);
      queue.push(...faults.map((f) => ({ ...f, left: f.count ?? 1 })));
    },
    clearScript: () => {
      queue.length = 0;
    },
    pendingScript: () => queue.map(({ left, ...f }) => ({ ...f, count: left })),
    record,
    requests: (call) => structuredClone(call ? requests.filter((r) => r.call === call) : requests),
    documents: (egs) => chains.documents(egs),
    adoptCsid({ certificate, kind = 'production', secret, chain }) {
      const csid = registry.adopt(kind, certificate, secret);
      if (chain) chains.continueFrom(csid.egs, chain.icv, chain.hash);
      return { binarySecurityToken: csid.binarySecurityToken, secret: csid.secret, egs: csid.egs, requestId: csid.requestId };
    },
    continueChain: (egs, icv, hash) => chains.continueFrom(egs, icv, hash),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => httpsServer.close(() => resolve()));
    },
  };
}

/** SHA-256 fingerprint of a PEM certificate, for the CLI's ready line. */
export const fingerprint = (pemText: string): string =>
  createHash('sha256').update(Buffer.from(pemText.replace(/-----[^-]+-----|\s+/g, ''), 'base64')).digest('hex');
