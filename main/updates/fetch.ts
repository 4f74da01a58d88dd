// Getting bytes from the feed: https only (every hop of a redirect too), with size limits and timeouts applied
// here, around whatever transport is used, so an injected one cannot skip them. The signature and the sha256
// make the transport's trust secondary, but https keeps what a shop's network sees to a minimum.
import https from 'node:https';
import { UpdateError, isUpdateError } from './errors';
import { OverSize, writeHashed, type Written } from './hashed-write';

export interface FetchResponse {
  status: number;
  body: AsyncIterable<Buffer>;
}

/** One GET: resolves with the status and body of the final response (redirects followed by the transport). */
export type UpdateFetch = (url: URL, signal: AbortSignal) => Promise<FetchResponse>;

export interface HttpsFetchOptions {
  /** PEM CA(s) to trust instead of Node's bundled roots (tests; a vendor feed behind its own CA). */
  ca?: string | Buffer;
  maxRedirects?: number;
}

const requireHttps = (url: URL): void => {
  if (url.protocol !== 'https:') throw new UpdateError('UPDATE_NOT_HTTPS', url.protocol);
};

/** The till's transport: node:https, following up to three redirects (release hosts redirect to storage), each https. */
export function httpsFetch(options: HttpsFetchOptions = {}): UpdateFetch {
  const maxRedirects = options.maxRedirects ?? 3;
  const get = (url: URL, signal: AbortSignal, left: number): Promise<FetchResponse> =>
    new Promise((resolve, reject) => {
      requireHttps(url);
      const req = https.get(url, { signal, ...(options.ca ? { ca: options.ca } : {}), headers: { 'accept-encoding': 'identity' } }, (res) => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (status >= 300 && status < 400 && location) {
          res.resume();
          if (left <= 0) return reject(new UpdateError('UPDATE_FEED_UNREACHABLE', `too many redirects at ${url.href}`));
          let next: URL;
          try {
            next = new URL(location, url);
            requireHttps(next);
          } catch (e) {
            return reject(isUpdateError(e) ? e : new UpdateError('UPDATE_FEED_UNREACHABLE', `bad redirect ${location}`));
          }
          return get(next, signal, left - 1).then(resolve, reject);
        }
        resolve({ status, body: res });
      });
      req.on('error', reject);
    });
  return (url, signal) => get(url, signal, maxRedirects);
}

export interface ByteLimits {
  maxBytes: number;
  /** The whole request, from asking to the last byte. */
  timeoutMs: number;
}

function unreachable(url: URL, e: unknown, signal: AbortSignal): UpdateError {
  if (isUpdateError(e)) return e;
  const why = signal.aborted ? 'timed out' : (e as Error).message;
  return new UpdateError('UPDATE_FEED_UNREACHABLE', `${url.href}: ${why}`);
}

/** The body of `url`, or null when the server says it has none (404: a missing signature is its own error). */
export async function fetchBytes(fetch: UpdateFetch, url: URL, limits: ByteLimits): Promise<Buffer | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    const res = await fetch(url, controller.signal);
    if (res.status === 404) return null;
    if (res.status !== 200) throw new UpdateError('UPDATE_FEED_UNREACHABLE', `${url.href}: HTTP ${res.status}`);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of res.body) {
      total += chunk.length;
      if (total > limits.maxBytes) {
        controller.abort();
        throw new UpdateError('UPDATE_TOO_LARGE', `${url.href}: over ${limits.maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } catch (e) {
    throw unreachable(url, e, controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

export interface FileLimits {
  /** The size the signed manifest promises: a byte more and the download stops. */
  maxBytes: number;
  /** No byte for this long ends the download (an installer on a slow shop line may take many minutes in all). */
  idleTimeoutMs: number;
}

/** Streams `url` into a new file (0600), hashing on the way. The caller compares size and sha256. */
export async function fetchToFile(fetch: UpdateFetch, url: URL, file: string, limits: FileLimits): Promise<Written> {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), limits.idleTimeoutMs);
  const stillAlive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), limits.idleTimeoutMs);
  };
  try {
    const res = await fetch(url, controller.signal);
    if (res.status !== 200) throw new UpdateError('UPDATE_FEED_UNREACHABLE', `${url.href}: HTTP ${res.status}`);
    return await writeHashed(res.body, file, limits.maxBytes, stillAlive);
  } catch (e) {
    if (e instanceof OverSize) {
      controller.abort();
      throw new UpdateError('UPDATE_FILE_MISMATCH', `${url.href}: ${e.message}`);
    }
    throw unreachable(url, e, controller.signal);
  } finally {
    clearTimeout(timer);
  }
}
