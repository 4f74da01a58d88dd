// The listener for cloud /async results: the provider POSTs the SaleToPOIResponse of an async request as an event
// notification. We run it on 127.0.0.1 only (a relay or tunnel from the provider's public endpoint ends here) and
// require HTTP Basic credentials on every POST — the provider is configured with them (Adyen: notification
// username/password) and a local process without them cannot inject a result.
//
// A notification is only ever applied to the request it names: the waiter is registered BEFORE the request is
// sent (the result may arrive before /async has even answered "ok"), keyed by SaleID + ServiceID, and the
// connector then checks the header and the SaleTransactionID like any other answer. Notifications nobody waits
// for (a late one after the till gave up, events such as display updates) are acknowledged and dropped: the
// till learns those outcomes by TransactionStatus.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseJson } from './json';
import { readAnswer, type Answer } from './response';

export interface NotificationListenerOptions {
  /** 0 (default) = any free port. */
  port?: number;
  path?: string;
  /** Basic credentials the provider must send; random when not given (read them from `credentials`). */
  username?: string;
  password?: string;
}

export interface NotificationListener {
  /** Where the provider must POST: http://127.0.0.1:<port><path>. */
  readonly url: string;
  readonly credentials: { username: string; password: string };
  /** Waits for the response to (saleId, serviceId). Register before sending; cancel when no longer waiting. */
  expect(saleId: string, serviceId: string): { answer: Promise<Answer>; cancel(): void };
  /** Counters, for the status panel and tests. */
  stats(): { accepted: number; unmatched: number; unauthorised: number };
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const key = (saleId: string, serviceId: string) => `${saleId}\u0000${serviceId}`;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function createNotificationListener(options: NotificationListenerOptions = {}): Promise<NotificationListener> {
  const credentials = {
    username: options.username ?? 'nuqta',
    password: options.password ?? randomBytes(18).toString('base64url'),
  };
  const expectedAuth = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const route = options.path ?? '/nexo/notifications';
  const waiters = new Map<string, (answer: Answer) => void>();
  const counts = { accepted: 0, unmatched: 0, unauthorised: 0 };

  const server = http.createServer((req, res) => {
    const reply = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(text);
    };
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== route) return reply(404, 'not found');
    if (!sameText(req.headers.authorization ?? '', expectedAuth)) {
      counts.unauthorised += 1;
      req.resume();
      return reply(401, 'unauthorised');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const parsed = parseJson(Buffer.concat(chunks).toString('utf8'));
      if (!parsed.ok) return reply(400, 'malformed JSON');
      const answer = readAnswer(parsed.value);
      if (answer.kind === 'response') {
        const resolve = waiters.get(key(answer.header.saleId, answer.header.serviceId));
        if (resolve) {
          waiters.delete(key(answer.header.saleId, answer.header.serviceId));
          counts.accepted += 1;
          resolve(answer);
        } else counts.unmatched += 1;
      } else counts.unmatched += 1;
      reply(200, 'ok');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}${route}`,
    credentials,
    expect(saleId, serviceId) {
      const k = key(saleId, serviceId);
      let cancel = () => {};
      const answer = new Promise<Answer>((resolve) => {
        waiters.set(k, resolve);
        cancel = () => {
          if (waiters.get(k) === resolve) waiters.delete(k);
        };
      });
      return { answer, cancel: () => cancel() };
    },
    stats: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve) => {
        waiters.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
