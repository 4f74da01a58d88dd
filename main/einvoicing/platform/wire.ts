// FATOORA's JSON, both ways (ZATCA's sandbox API description 2.1.0 as the public clients read it: Odoo
// l10n_sa_edi, zatca-xml-js, fatoora-rs). The platform simulator writes the same shapes from these types.
//
// Requests
//   POST  compliance                   OTP header   {"csr": Base64(PEM)}
//   POST  compliance/invoices          Basic (CCSID) {"invoiceHash", "uuid", "invoice": Base64(XML)}
//   POST  production/csids             Basic (CCSID) {"compliance_request_id": "<requestID>"}
//   PATCH production/csids             Basic (PCSID) + OTP header   {"csr": Base64(PEM)}
//   POST  invoices/reporting/single    Basic (PCSID) {"invoiceHash", "uuid", "invoice"}
//   POST  invoices/clearance/single    Basic (PCSID) {"invoiceHash", "uuid", "invoice"}
// Answers
//   CSID         {"requestID": 1234567890123, "dispositionMessage": "ISSUED", "binarySecurityToken": Base64(Base64(DER)),
//                 "secret": "…", "errors": null, "tokenType": "…"}   (renewal sometimes wraps it: {"value": {…}})
//   validation   {"validationResults": {"infoMessages": [m…] | m, "warningMessages": [m…], "errorMessages": [m…],
//                 "status": "PASS" | "WARNING" | "ERROR"}, "reportingStatus": "REPORTED" | "NOT_REPORTED" | null,
//                 "clearanceStatus": "CLEARED" | "NOT_CLEARED" | null, "clearedInvoice": Base64(XML) | null}
//                m = {"type": "INFO" | "WARNING" | "ERROR", "code", "category", "message", "status"}
//   other errors {"code", "message"} · {"errors": [{"code", "message"} | "text", …]} · {"timestamp", "status", "error", "message"} (401)
import { z } from 'zod';
import type { PlatformMessage } from '../reporting/answer';

export interface DocumentBody {
  invoiceHash: string;
  uuid: string;
  /** Base64 of the document's stored bytes. */
  invoice: string;
}

export interface CsrBody {
  csr: string;
}

export interface ProductionCsidBody {
  compliance_request_id: string;
}

export interface ValidationMessageJson {
  type: 'INFO' | 'WARNING' | 'ERROR';
  code: string;
  category: string;
  message: string;
  status: string;
}

export interface ValidationAnswerJson {
  validationResults: {
    infoMessages: ValidationMessageJson[];
    warningMessages: ValidationMessageJson[];
    errorMessages: ValidationMessageJson[];
    status: 'PASS' | 'WARNING' | 'ERROR';
  };
  reportingStatus: 'REPORTED' | 'NOT_REPORTED' | null;
  clearanceStatus: 'CLEARED' | 'NOT_CLEARED' | null;
  clearedInvoice?: string | null;
  qrSellertStatus: null;
  qrBuyertStatus: null;
}

export interface CsidAnswerJson {
  requestID: number;
  dispositionMessage: string;
  binarySecurityToken: string;
  secret: string;
  errors: null;
  tokenType: string;
}

export type { PlatformMessage };

const text = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined ? '' : String(v)));
const messageShape = z.object({ type: text, code: text, category: text, message: text, status: text }).passthrough();
const messages = z
  .union([z.array(messageShape), messageShape, z.null(), z.undefined()])
  .transform((v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]));

const validationShape = z.object({
  validationResults: z.object({
    infoMessages: messages,
    warningMessages: messages,
    errorMessages: messages,
    status: text,
  }),
  reportingStatus: text,
  clearanceStatus: text,
  clearedInvoice: z.string().nullish(),
});

export interface ValidationAnswer {
  status: string;
  infos: PlatformMessage[];
  warnings: PlatformMessage[];
  errors: PlatformMessage[];
  reportingStatus: string;
  clearanceStatus: string;
  clearedInvoice: string | null;
}

const toMessage = (m: z.infer<typeof messageShape>, fallbackStatus: string): PlatformMessage => ({
  code: m.code,
  category: m.category,
  message: m.message,
  status: m.status || fallbackStatus,
});

function parseJson(body: string): unknown {
  try {
    return JSON.parse(quoteRequestId(body));
  } catch {
    return undefined;
  }
}

/** requestID as text before JSON.parse: a 16-digit id would otherwise lose digits as a double. */
export function quoteRequestId(raw: string): string {
  return raw.replace(/"(requestID|compliance_request_id)"(\s*:\s*)(\d+)(?=\s*[,}\]])/g, '"$1"$2"$3"');
}

/** A validation answer, or null when the body is not one. */
export function readValidationAnswer(body: string): ValidationAnswer | null {
  const parsed = validationShape.safeParse(parseJson(body));
  if (!parsed.success) return null;
  const r = parsed.data;
  return {
    status: r.validationResults.status,
    infos: r.validationResults.infoMessages.map((m) => toMessage(m, 'PASS')),
    warnings: r.validationResults.warningMessages.map((m) => toMessage(m, 'WARNING')),
    errors: r.validationResults.errorMessages.map((m) => toMessage(m, 'ERROR')),
    reportingStatus: r.reportingStatus,
    clearanceStatus: r.clearanceStatus,
    clearedInvoice: r.clearedInvoice ?? null,
  };
}

const csidShape = z.object({
  requestID: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform((v) => String(v)),
  dispositionMessage: text,
  binarySecurityToken: z.string().min(1),
  secret: z.string().min(1),
});

export interface CsidAnswer {
  requestId: string;
  dispositionMessage: string;
  binarySecurityToken: string;
  secret: string;
}

/** A CSID answer (bare, or wrapped in {"value": …} as the renewal sometimes is), or null. */
export function readCsidAnswer(body: string): CsidAnswer | null {
  const json = parseJson(body);
  const inner = json && typeof json === 'object' && 'value' in json && !('binarySecurityToken' in json) ? (json as { value: unknown }).value : json;
  const parsed = csidShape.safeParse(inner);
  if (!parsed.success) return null;
  const { requestID, ...rest } = parsed.data;
  return { requestId: requestID, ...rest };
}

/** {"code","message"}, {"errorCode","errorMessage"} or a bare string, as code and message; null for anything else. */
function errorItem(item: unknown): { code: string; message: string } | null {
  if (typeof item === 'string') return item ? { code: '', message: item } : null;
  if (!item || typeof item !== 'object') return null;
  const o = item as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const code = str(o.code) || str(o.errorCode);
  const message = str(o.message) || str(o.errorMessage);
  return code || message ? { code, message } : null;
}

/**
 * Whatever error messages a non-validation body carries: {"code","message"}, {"errors": […]}, {"message"} (401),
 * a validation answer's errorMessages, the disposition of a refused CSID. Empty when it carries none we can read.
 */
export function readErrorMessages(body: string): PlatformMessage[] {
  const validation = readValidationAnswer(body);
  if (validation && validation.errors.length > 0) return validation.errors;
  const json = parseJson(body);
  if (!json || typeof json !== 'object') return [];
  const o = json as Record<string, unknown>;
  const found: PlatformMessage[] = [];
  const push = (code: string, message: string) => {
    if (code || message) found.push({ code, category: '', message, status: 'ERROR' });
  };
  const inner = o.value && typeof o.value === 'object' ? (o.value as Record<string, unknown>) : {};
  const list = Array.isArray(o.errors) ? o.errors : Array.isArray(inner.errors) ? inner.errors : [];
  for (const item of list as unknown[]) {
    const e = errorItem(item);
    if (e) push(e.code, e.message);
  }
  if (found.length > 0) return found;
  const single = errorItem(o);
  // A 401's {"error": "Unauthorized", "message": …}: the error name is the closest thing to a code.
  if (single) push(single.code || (typeof o.error === 'string' ? o.error : ''), single.message);
  return found;
}

export const encodeDocumentBody = (doc: DocumentBody): string => JSON.stringify({ invoiceHash: doc.invoiceHash, uuid: doc.uuid, invoice: doc.invoice });
export const encodeCsrBody = (csrBase64: string): string => JSON.stringify({ csr: csrBase64 } satisfies CsrBody);
export const encodeProductionCsidBody = (requestId: string): string => JSON.stringify({ compliance_request_id: requestId } satisfies ProductionCsidBody);
