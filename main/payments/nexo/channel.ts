// How a Terminal API message travels (payments.md §3):
//   cloud  — HTTPS POST of the JSON to <base>/sync (the answer is the result) or <base>/async (the answer is "ok";
//            the result comes as an event notification, notifications.ts), with the X-API-Key header.
//   local  — HTTPS POST straight to the terminal, https://<ip>:8443/nexo/, carrying a SaleToPOISecuredMessage
//            (crypto.ts); the answer is secured the same way, and an answer that is NOT secured with our key is
//            never believed (anyone on the LAN could have sent it).
// HTTP status: 200 → the body is read as an answer; 401/403 → the provider refused our key before taking the
// request (not sent); anything else (5xx, 404, …) → lost: the request may have been taken.
import type { NotSentCause } from './codes';
import { decryptMessage, encryptMessage, type NexoSecurityKey } from './crypto';
import { postJson, type HttpsEndpoint, type PostResult } from './http';
import { obj, parseJson } from './json';
import { parseAnswer, type Answer } from './response';
import type { TerminalApiRequest } from './types';

export type ChannelResult =
  | { kind: 'answer'; answer: Answer }
  | { kind: 'not-sent'; cause: NotSentCause; detail: string }
  | { kind: 'lost'; why: 'timeout' | 'disconnected' | 'cancelled' | 'corrupt'; detail: string };

export interface ExchangeOptions {
  /** Waiting for the answer once the request is written. */
  timeoutMs: number;
  connectTimeoutMs: number;
  signal?: AbortSignal;
  onWritten?: () => void;
}

export interface NexoChannel {
  readonly description: string;
  /** One request, its answer (cloud /sync or local /nexo/). */
  exchange(request: TerminalApiRequest, options: ExchangeOptions): Promise<ChannelResult>;
  /** cloud /async only: `accepted` when the provider said "ok" (the result arrives later). */
  submit?(request: TerminalApiRequest, options: ExchangeOptions): Promise<ChannelResult | { kind: 'accepted' }>;
}

function basePath(url: URL): string {
  return url.pathname.replace(/\/+$/, '');
}

function endpointOf(baseUrl: string, ca: Buffer | undefined, serverName: string | undefined): { endpoint: HttpsEndpoint; url: URL } {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:') throw new RangeError(`nexo base URL must be https: ${baseUrl}`);
  return { url, endpoint: { origin: new URL(url.origin), ca, serverName } };
}

function fromHttp(result: PostResult, read: (body: string) => Answer): ChannelResult {
  if (result.kind !== 'answer') return result;
  if (result.status === 401 || result.status === 403) return { kind: 'not-sent', cause: 'auth', detail: `HTTP ${result.status}` };
  if (result.status !== 200) return { kind: 'lost', why: 'corrupt', detail: `HTTP ${result.status} from the provider` };
  return { kind: 'answer', answer: read(result.body) };
}

export function cloudChannel(options: { baseUrl: string; apiKey?: string; ca?: Buffer; serverName?: string }): NexoChannel {
  const { endpoint, url } = endpointOf(options.baseUrl, options.ca, options.serverName);
  const headers: Record<string, string> = options.apiKey ? { 'x-api-key': options.apiKey } : {};
  const post = (suffix: string, request: TerminalApiRequest, o: ExchangeOptions) =>
    postJson(endpoint, {
      path: `${basePath(url)}${suffix}`,
      body: JSON.stringify(request),
      headers,
      connectTimeoutMs: o.connectTimeoutMs,
      responseTimeoutMs: o.timeoutMs,
      signal: o.signal,
      onWritten: o.onWritten,
    });
  return {
    description: `cloud ${url.origin}${basePath(url)}`,
    async exchange(request, o) {
      return fromHttp(await post('/sync', request, o), parseAnswer);
    },
    async submit(request, o) {
      const result = await post('/async', request, o);
      if (result.kind === 'answer' && result.status === 200 && result.body.trim() === 'ok') return { kind: 'accepted' };
      // Anything else is an immediate answer (Adyen: a failed async request returns the error as a response).
      return fromHttp(result, parseAnswer);
    },
  };
}

export function localChannel(options: { baseUrl: string; key: NexoSecurityKey; apiKey?: string; ca?: Buffer; serverName?: string }): NexoChannel {
  const { endpoint, url } = endpointOf(options.baseUrl, options.ca, options.serverName);
  const path = basePath(url) === '' ? '/nexo/' : url.pathname;
  const headers: Record<string, string> = options.apiKey ? { 'x-api-key': options.apiKey } : {};

  const read = (body: string): Answer => {
    if (body.trim() === '') return { kind: 'empty' };
    const parsed = parseJson(body);
    if (!parsed.ok) return { kind: 'corrupt', detail: `malformed JSON: ${parsed.detail}` };
    const root = obj(parsed.value);
    const secured = obj(root?.SaleToPOIResponse) ?? obj(root?.SaleToPOIRequest);
    if (!secured || typeof secured.NexoBlob !== 'string') return { kind: 'corrupt', detail: 'answer is not secured with our key: ignored' };
    const plain = decryptMessage(secured, options.key);
    if (!plain.ok) return { kind: 'corrupt', detail: plain.detail };
    return parseAnswer(plain.json);
  };

  return {
    description: `local ${url.origin}${path}`,
    async exchange(request, o) {
      const json = JSON.stringify(request);
      const secured = encryptMessage(request.SaleToPOIRequest.MessageHeader, json, options.key);
      const result = await postJson(endpoint, {
        path,
        body: JSON.stringify({ SaleToPOIRequest: secured }),
        headers,
        connectTimeoutMs: o.connectTimeoutMs,
        responseTimeoutMs: o.timeoutMs,
        signal: o.signal,
        onWritten: o.onWritten,
      });
      return fromHttp(result, read);
    },
  };
}
