// The FATOORA client: onboarding (compliance CSID, compliance checks, production CSID, renewal) and the two
// document calls (reporting, clearance). One request per call, never repeated here: the reporting queue decides
// when to send the identical payload again. Every call resolves to a result kind (types.ts) and never throws
// for anything the platform or the network does.
//
// Headers on every call: Accept-Version V2, Accept-Language en (or ar), JSON both ways; Basic auth from the
// CSID (token:secret) on all but the first; OTP on the first and on renewal.
// Clearance-Status: ZATCA's clients disagree ("0" in ERPGulf and zatca-xml-js, "1" in Odoo) and the header
// only matters where clearance could apply. We send "0" to reporting — a simplified document is reported, never
// cleared, so asking for clearance there would be a claim we do not mean — and "1" to clearance, where it says
// the taxpayer expects clearance to be on (ZATCA answers 303 when it is switched off).
import { toLatinDigits } from '../../../preload/contract';
import type { Reporter, ReportPayload } from '../reporting/answer';
import { clearResult, complianceCheckResult, csidResult, reportResult } from './answers';
import { httpsTransport, type HttpsTransportOptions, type PlatformRequest, type PlatformTransport } from './http';
import type { ClearResult, ComplianceCheckResult, CsidResult, PlatformCredentials, ReportResult } from './types';
import { encodeCsrBody, encodeDocumentBody, encodeProductionCsidBody, type DocumentBody } from './wire';

export const PLATFORM_PATHS = {
  compliance: 'compliance',
  complianceInvoices: 'compliance/invoices',
  productionCsids: 'production/csids',
  reporting: 'invoices/reporting/single',
  clearance: 'invoices/clearance/single',
} as const;

export interface PlatformClientOptions {
  /** https URL ending in '/' (platformBaseUrl()), e.g. the simulation portal or the simulator's. */
  baseUrl: string;
  /** Trust anchors (PEM) that replace the public roots: the simulator's CA. Ignored when `transport` is given. */
  ca?: HttpsTransportOptions['ca'];
  /** How requests travel (default: HTTPS with `ca`). */
  transport?: PlatformTransport;
  /** The whole exchange, connection to last byte. Default 30 s. */
  timeoutMs?: number;
  /** Largest answer read. Default 2 MiB (a cleared document comes back inside the answer). */
  maxBodyBytes?: number;
  /** Language of ZATCA's messages. Default en. */
  language?: 'en' | 'ar';
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface PlatformClient {
  readonly baseUrl: string;
  complianceCsid(otp: string, csrBase64: string): Promise<CsidResult>;
  complianceCheck(credentials: PlatformCredentials, document: DocumentBody): Promise<ComplianceCheckResult>;
  productionCsid(credentials: PlatformCredentials, complianceRequestId: string): Promise<CsidResult>;
  renewProductionCsid(credentials: PlatformCredentials, otp: string, csrBase64: string): Promise<CsidResult>;
  reportSingle(credentials: PlatformCredentials, document: DocumentBody): Promise<ReportResult>;
  clearSingle(credentials: PlatformCredentials, document: DocumentBody): Promise<ClearResult>;
  /** The reporting queue's view of reportSingle with these credentials. */
  reporter(credentials: PlatformCredentials): Reporter;
}

export const basicAuth = (c: PlatformCredentials): string => `Basic ${Buffer.from(`${c.binarySecurityToken}:${c.secret}`, 'utf8').toString('base64')}`;

/** An OTP as typed (Arabic-Indic digits and spaces allowed), or null when it is not digits. */
export function normaliseOtp(otp: string): string | null {
  const digits = toLatinDigits(String(otp ?? '')).replace(/\s/g, '');
  return /^\d{4,12}$/.test(digits) ? digits : null;
}

const otpRefused = (): CsidResult => ({
  kind: 'refused',
  code: 'ZATCA_OTP_FORMAT',
  status: null,
  errors: [],
  detail: 'not sent: the OTP is not digits',
});

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const base = new URL(options.baseUrl);
  if (base.protocol !== 'https:') throw new RangeError(`FATOORA is reached over https only, not ${base.protocol}`);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const transport = options.transport ?? httpsTransport({ ca: options.ca });
  const limits = { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES };
  const common = {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'Accept-Version': 'V2',
    'Accept-Language': options.language ?? 'en',
  };

  const send = (method: PlatformRequest['method'], path: string, headers: Record<string, string>, body: string) =>
    transport({ method, url: new URL(path, base), headers: { ...common, ...headers }, body }, limits).catch((err: unknown) => ({
      // A transport handed in from outside broke its promise not to throw: still an answer-less exchange.
      kind: 'failed' as const,
      reason: 'reset' as const,
      detail: `transport failed: ${err instanceof Error ? err.message : String(err)}`,
    }));

  const client: PlatformClient = {
    baseUrl: base.toString(),

    async complianceCsid(otp, csrBase64) {
      const code = normaliseOtp(otp);
      if (!code) return otpRefused();
      return csidResult(await send('POST', PLATFORM_PATHS.compliance, { OTP: code }, encodeCsrBody(csrBase64)), [code]);
    },

    async complianceCheck(credentials, document) {
      return complianceCheckResult(await send('POST', PLATFORM_PATHS.complianceInvoices, { Authorization: basicAuth(credentials) }, encodeDocumentBody(document)));
    },

    async productionCsid(credentials, complianceRequestId) {
      const raw = await send('POST', PLATFORM_PATHS.productionCsids, { Authorization: basicAuth(credentials) }, encodeProductionCsidBody(complianceRequestId));
      return csidResult(raw, [credentials.secret]);
    },

    async renewProductionCsid(credentials, otp, csrBase64) {
      const code = normaliseOtp(otp);
      if (!code) return otpRefused();
      const raw = await send('PATCH', PLATFORM_PATHS.productionCsids, { Authorization: basicAuth(credentials), OTP: code }, encodeCsrBody(csrBase64));
      return csidResult(raw, [code, credentials.secret]);
    },

    async reportSingle(credentials, document) {
      return reportResult(await send('POST', PLATFORM_PATHS.reporting, { Authorization: basicAuth(credentials), 'Clearance-Status': '0' }, encodeDocumentBody(document)));
    },

    async clearSingle(credentials, document) {
      return clearResult(await send('POST', PLATFORM_PATHS.clearance, { Authorization: basicAuth(credentials), 'Clearance-Status': '1' }, encodeDocumentBody(document)));
    },

    reporter: (credentials) => ({ report: (payload: ReportPayload) => client.reportSingle(credentials, payload) }),
  };
  return client;
}
