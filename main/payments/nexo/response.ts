// Answers from the provider or terminal, read defensively: a body is either a SaleToPOIResponse with a header we
// can check against what we sent, a provider event (Adyen's EventNotification "Reject" in place of a response),
// empty (Adyen answers an Abort with nothing), or corrupt. Nothing here decides what an answer means for money —
// outcome.ts does.
import { obj, parseJson, str, type JsonObject } from './json';
import type { MessageHeader } from './types';

export interface AnswerHeader {
  category: string;
  type: string;
  serviceId: string;
  saleId: string;
  poiId: string;
}

export type Answer =
  | { kind: 'response'; header: AnswerHeader; message: JsonObject }
  | { kind: 'event'; event: string; details: string; serviceId: string }
  | { kind: 'empty' }
  | { kind: 'corrupt'; detail: string };

export function readHeader(value: unknown): AnswerHeader | null {
  const h = obj(value);
  if (!h) return null;
  const category = str(h.MessageCategory);
  const type = str(h.MessageType);
  if (!category || !type) return null;
  return { category, type, serviceId: str(h.ServiceID) ?? '', saleId: str(h.SaleID) ?? '', poiId: str(h.POIID) ?? '' };
}

/** A TerminalApiResponse already parsed from JSON (cloud body, decrypted local blob, notification). */
export function readAnswer(value: unknown): Answer {
  const root = obj(value);
  if (!root) return { kind: 'corrupt', detail: 'answer is not a JSON object' };
  const response = obj(root.SaleToPOIResponse);
  if (response) {
    const header = readHeader(response.MessageHeader);
    if (!header) return { kind: 'corrupt', detail: 'SaleToPOIResponse without a readable MessageHeader' };
    return { kind: 'response', header, message: response };
  }
  const request = obj(root.SaleToPOIRequest);
  const event = obj(request?.EventNotification);
  if (request && event) {
    return {
      kind: 'event',
      event: str(event.EventToNotify) ?? '?',
      details: decodeDetails(str(event.EventDetails) ?? ''),
      serviceId: str(obj(request.MessageHeader)?.ServiceID) ?? '',
    };
  }
  return { kind: 'corrupt', detail: 'neither SaleToPOIResponse nor an EventNotification' };
}

export function parseAnswer(text: string): Answer {
  if (text.trim() === '') return { kind: 'empty' };
  const parsed = parseJson(text);
  if (!parsed.ok) return { kind: 'corrupt', detail: `malformed JSON: ${parsed.detail}` };
  return readAnswer(parsed.value);
}

/** The response body named `name` (e.g. "PaymentResponse"), when the answer is one. */
export function bodyOf(answer: Answer, name: string): JsonObject | null {
  return answer.kind === 'response' ? obj(answer.message[name]) : null;
}

/**
 * Null when the answer's header belongs to the request we sent; otherwise why not. A stale or misrouted answer
 * must never be applied to our request.
 */
export function headerMismatch(answer: AnswerHeader, sent: MessageHeader): string | null {
  if (answer.category !== sent.MessageCategory) return `answer is for ${answer.category}, not ${sent.MessageCategory}`;
  if (answer.type !== 'Response') return `answer is a ${answer.type}, not a Response`;
  if (answer.serviceId !== sent.ServiceID) return `answer is for ServiceID ${answer.serviceId || '(none)'}, not ${sent.ServiceID}`;
  if (answer.saleId !== sent.SaleID) return `answer is for SaleID ${answer.saleId || '(none)'}, not ${sent.SaleID}`;
  if (answer.poiId !== '' && answer.poiId !== sent.POIID) return `answer is from POIID ${answer.poiId}, not ${sent.POIID}`;
  return null;
}

/** Adyen's AdditionalResponse / EventDetails: URL-encoded key=value pairs. */
export function additionalFields(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!text.includes('=')) return out;
  try {
    for (const [k, v] of new URLSearchParams(text)) out.set(k, v);
  } catch {
    // not form-encoded: no fields
  }
  return out;
}

function decodeDetails(text: string): string {
  const fields = additionalFields(text);
  return fields.get('message') ?? text;
}
