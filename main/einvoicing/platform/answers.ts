// Reading an HTTP exchange as one of the result kinds (types.ts). The rule everywhere: a success is only what
// reads as one; anything ambiguous — a 200 that says NOT_REPORTED, a 400 carrying no readable reason, a body
// that is not JSON — is `retry`, so the identical document goes again and the next answer decides. ZATCA
// answers a resend of a reported document with 409, so retrying is always safe.
import { X509Certificate } from 'node:crypto';
import { redact } from '../../secrets';
import type { RawAnswer } from './http';
import { RETRY_CODE, type RetryReason } from './reasons';
import type { ClearResult, ComplianceCheckResult, CsidResult, Rejected, ReportResult, Retry, Unauthorized } from './types';
import { readCsidAnswer, readErrorMessages, readValidationAnswer, type PlatformMessage } from './wire';

type Answer = Extract<RawAnswer, { kind: 'answer' }>;

const EXCERPT = 240;

/** A short, single-line, redacted excerpt of a body for details. */
export function excerpt(body: string, secrets: readonly string[] = []): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const cut = flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
  return redact(cut, secrets);
}

const describeMessages = (list: PlatformMessage[]) => list.map((m) => [m.code, m.message].filter(Boolean).join(' ')).join('; ');

export function retry(reason: RetryReason, detail: string, status: number | null = null, retryAfterMs: number | null = null): Retry {
  return { kind: 'retry', reason, code: RETRY_CODE[reason], detail, status, retryAfterMs };
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
function retryAfter(headers: Answer['headers'], now = Date.now()): number | null {
  const v = headers['retry-after']?.trim();
  if (!v) return null;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** What every call reads the same way: no answer, 401, 429, 5xx. Undefined: the call's own statuses decide. */
function common(raw: RawAnswer, secrets: readonly string[]): Retry | Unauthorized | undefined {
  if (raw.kind === 'failed') return retry(raw.reason, raw.detail);
  const { status, body } = raw;
  if (status === 401) {
    const said = describeMessages(readErrorMessages(body));
    return { kind: 'unauthorized', code: 'ZATCA_UNAUTHORIZED', detail: `HTTP 401${said ? `: ${redact(said, secrets)}` : body ? `: ${excerpt(body, secrets)}` : ''}` };
  }
  if (status === 429) return retry('rate_limited', `HTTP 429${body ? `: ${excerpt(body, secrets)}` : ''}`, status, retryAfter(raw.headers));
  if (status >= 500) return retry('server_error', `HTTP ${status}${body ? `: ${excerpt(body, secrets)}` : ''}`, status, retryAfter(raw.headers));
  return undefined;
}

const unexpected = (raw: Answer, secrets: readonly string[]): Retry => {
  const hint = raw.status === 406 ? ' (Accept-Version refused)' : '';
  return retry('unexpected_status', `HTTP ${raw.status}${hint}${raw.body ? `: ${excerpt(raw.body, secrets)}` : ''}`, raw.status);
};

/** A 400 that names its reasons is a rejection; one that names none is not understood (retry). */
function rejection(raw: Answer, secrets: readonly string[]): Rejected | Retry {
  const validation = readValidationAnswer(raw.body);
  const errors = validation?.errors.length ? validation.errors : readErrorMessages(raw.body);
  if (errors.length === 0) return retry('malformed', `HTTP 400 without a readable reason${raw.body ? `: ${excerpt(raw.body, secrets)}` : ''}`, 400);
  return { kind: 'rejected', code: 'ZATCA_REJECTED', errors, warnings: validation?.warnings ?? [] };
}

/** A 409's detail: what ZATCA said (its messages), else an excerpt of the body. */
function conflictDetail(answer: Answer): string {
  const v = readValidationAnswer(answer.body);
  const said = v ? describeMessages([...v.errors, ...v.warnings]) : describeMessages(readErrorMessages(answer.body));
  return `HTTP 409${said ? `: ${said}` : answer.body ? `: ${excerpt(answer.body)}` : ''}`;
}

export function reportResult(raw: RawAnswer): ReportResult {
  const c = common(raw, []);
  if (c) return c;
  const answer = raw as Answer;
  switch (answer.status) {
    case 200:
    case 202: {
      const v = readValidationAnswer(answer.body);
      if (!v) return retry('malformed', `HTTP ${answer.status} without a validation result: ${excerpt(answer.body)}`, answer.status);
      if (v.errors.length > 0 || v.status === 'ERROR' || v.reportingStatus === 'NOT_REPORTED') {
        return retry('malformed', `HTTP ${answer.status} contradicts itself (status ${v.status || '-'}, ${v.reportingStatus || '-'}, ${v.errors.length} error(s))`, answer.status);
      }
      return { kind: 'reported', status: answer.status, warnings: v.warnings };
    }
    case 409:
      return { kind: 'already-reported', detail: conflictDetail(answer) };
    case 400:
      return rejection(answer, []);
    default:
      return unexpected(answer, []);
  }
}

export function clearResult(raw: RawAnswer): ClearResult {
  const c = common(raw, []);
  if (c) return c;
  const answer = raw as Answer;
  switch (answer.status) {
    case 200:
    case 202: {
      const v = readValidationAnswer(answer.body);
      if (!v) return retry('malformed', `HTTP ${answer.status} without a validation result: ${excerpt(answer.body)}`, answer.status);
      if (v.errors.length > 0 || v.status === 'ERROR' || v.clearanceStatus === 'NOT_CLEARED') {
        return retry('malformed', `HTTP ${answer.status} contradicts itself (status ${v.status || '-'}, ${v.clearanceStatus || '-'}, ${v.errors.length} error(s))`, answer.status);
      }
      if (!v.clearedInvoice) return retry('malformed', `HTTP ${answer.status} without the cleared document`, answer.status);
      return { kind: 'cleared', status: answer.status, warnings: v.warnings, clearedInvoice: v.clearedInvoice };
    }
    case 303:
      return { kind: 'clearance-off', code: 'ZATCA_CLEARANCE_OFF', detail: `HTTP 303${answer.headers.location ? ` → ${answer.headers.location}` : ''}` };
    case 409:
      return { kind: 'already-cleared', detail: conflictDetail(answer) };
    case 400:
      return rejection(answer, []);
    default:
      return unexpected(answer, []);
  }
}

export function complianceCheckResult(raw: RawAnswer): ComplianceCheckResult {
  const c = common(raw, []);
  if (c) return c;
  const answer = raw as Answer;
  if (answer.status === 400) return rejection(answer, []);
  if (answer.status !== 200 && answer.status !== 202) return unexpected(answer, []);
  const v = readValidationAnswer(answer.body);
  if (!v) return retry('malformed', `HTTP ${answer.status} without a validation result: ${excerpt(answer.body)}`, answer.status);
  // The compliance check reports a failed document in its body; a 200 with errors is a failed check.
  if (v.errors.length > 0 || v.status === 'ERROR') return { kind: 'rejected', code: 'ZATCA_REJECTED', errors: v.errors, warnings: v.warnings };
  return { kind: 'passed', status: v.warnings.length > 0 || v.status === 'WARNING' ? 'WARNING' : 'PASS', warnings: v.warnings, reportingStatus: v.reportingStatus, clearanceStatus: v.clearanceStatus };
}

/** The certificate inside a binarySecurityToken (Base64 of the Base64 DER text), or null when it is not one. */
export function certificateOfToken(token: string): { certificate: string; notAfter: string } | null {
  try {
    const certificate = Buffer.from(token, 'base64').toString('latin1').trim();
    if (!/^[A-Za-z0-9+/=\s]+$/.test(certificate)) return null;
    const x509 = new X509Certificate(Buffer.from(certificate, 'base64'));
    return { certificate: certificate.replace(/\s+/g, ''), notAfter: new Date(x509.validTo).toISOString() };
  } catch {
    return null;
  }
}

/** `secrets`: what must never appear in a detail (the OTP, the CSID secret). */
export function csidResult(raw: RawAnswer, secrets: readonly string[]): CsidResult {
  const c = common(raw, secrets);
  if (c) return c;
  const answer = raw as Answer;
  if (answer.status === 200) {
    const csid = readCsidAnswer(answer.body);
    if (!csid) return retry('malformed', 'HTTP 200 without a usable CSID (requestID, binarySecurityToken, secret)', 200);
    const cert = certificateOfToken(csid.binarySecurityToken);
    if (!cert) return retry('malformed', 'HTTP 200 whose binarySecurityToken is not a certificate', 200);
    return {
      kind: 'issued',
      requestId: csid.requestId,
      dispositionMessage: csid.dispositionMessage,
      credentials: { binarySecurityToken: csid.binarySecurityToken, secret: csid.secret },
      certificate: cert.certificate,
      notAfter: cert.notAfter,
    };
  }
  if (answer.status >= 400 && answer.status < 500) {
    // Onboarding is a person at the screen, not a queue: a refusal is shown with whatever ZATCA said.
    const errors = readErrorMessages(answer.body);
    const said = errors.length > 0 ? redact(describeMessages(errors), secrets) : excerpt(answer.body, secrets);
    return { kind: 'refused', code: 'ZATCA_CSID_REFUSED', status: answer.status, errors, detail: `HTTP ${answer.status}${said ? `: ${said}` : ''}` };
  }
  return unexpected(answer, secrets);
}
