// What the reporting queue needs to know of one platform answer (ZATCA's reporting/single, zatca.md §5). The
// platform client classifies every HTTP answer, network failure and timeout into one of these.

/** One of ZATCA's validation results: a warning (202) or an error (400). */
export interface PlatformMessage {
  code: string;
  category: string;
  message: string;
  status: string;
}

export type ReportAnswer =
  /** 200, or 202 with warnings. Warnings are kept and shown; the document counts as reported. */
  | { kind: 'reported'; warnings: PlatformMessage[] }
  /** 409: reported successfully earlier (a resend after a lost answer). */
  | { kind: 'already-reported' }
  /** 400: not reported. Fixed only by a new document, never by editing this one. */
  | { kind: 'rejected'; errors: PlatformMessage[] }
  /** 401: the till's credentials were refused. Nothing is wrong with the document. */
  | { kind: 'unauthorized'; detail: string }
  /** 5xx, 429, timeout, connection failure, an answer that cannot be read: send the identical payload again later. */
  | { kind: 'retry'; detail: string };

/** The payload ZATCA's reporting API takes: the document's own hash and UUID, and its stored bytes in Base64. */
export interface ReportPayload {
  invoiceHash: string;
  uuid: string;
  invoice: string;
}

export interface Reporter {
  report(payload: ReportPayload): Promise<ReportAnswer>;
}

/** ZATCA's messages as a row keeps them (a JSON column): unreadable or absent text reads as none. */
export function parseMessages(text: string | null): PlatformMessage[] {
  if (text === null) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as PlatformMessage[]) : [];
  } catch {
    return [];
  }
}
