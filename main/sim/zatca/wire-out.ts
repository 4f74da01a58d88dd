// The simulator's answers, in FATOORA's shapes (main/einvoicing/platform/wire.ts describes them).
import type { CsidAnswerJson, ValidationAnswerJson, ValidationMessageJson } from '../../einvoicing/platform';
import type { FaultMessage, SimCsid } from './types';

const message = (type: ValidationMessageJson['type'], m: FaultMessage): ValidationMessageJson => ({
  type,
  code: m.code,
  category: m.category ?? 'KSA',
  message: m.message,
  status: type === 'INFO' ? 'PASS' : type,
});

const XSD_VALID: FaultMessage = { code: 'XSD_ZATCA_VALID', category: 'XSD validation', message: 'Complied with UBL 2.1 standards in line with ZATCA specifications' };

export interface ValidationOutcome {
  errors: FaultMessage[];
  warnings: FaultMessage[];
  /** Which status field the call fills: reporting, clearance, or both null (compliance of a CSR has none). */
  field: 'reporting' | 'clearance';
  clearedInvoice?: string;
}

export function validationAnswer(o: ValidationOutcome): ValidationAnswerJson {
  const failed = o.errors.length > 0;
  return {
    validationResults: {
      infoMessages: failed ? [] : [message('INFO', XSD_VALID)],
      warningMessages: o.warnings.map((w) => message('WARNING', w)),
      errorMessages: o.errors.map((e) => message('ERROR', e)),
      status: failed ? 'ERROR' : o.warnings.length > 0 ? 'WARNING' : 'PASS',
    },
    reportingStatus: o.field === 'reporting' ? (failed ? 'NOT_REPORTED' : 'REPORTED') : null,
    clearanceStatus: o.field === 'clearance' ? (failed ? 'NOT_CLEARED' : 'CLEARED') : null,
    ...(o.field === 'clearance' ? { clearedInvoice: failed ? null : (o.clearedInvoice ?? null) } : {}),
    qrSellertStatus: null,
    qrBuyertStatus: null,
  };
}

export const csidAnswer = (csid: SimCsid): CsidAnswerJson => ({
  requestID: Number(csid.requestId),
  dispositionMessage: 'ISSUED',
  binarySecurityToken: csid.binarySecurityToken,
  secret: csid.secret,
  errors: null,
  tokenType: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3',
});

/** A refusal outside document validation (OTP, CSR, request shape): {"errors": [{"code","message"}]}. [simulator] */
export const errorsBody = (...errors: FaultMessage[]) => ({ errors: errors.map((e) => ({ code: e.code, message: e.message })) });

export const unauthorizedBody = (now: Date) => ({ timestamp: now.getTime(), status: 401, error: 'Unauthorized', message: '' });

export const serverErrorBody = () => ({ category: 'HTTP-Errors', code: '500', message: 'Something went wrong and caused an Internal Server Error.' });
