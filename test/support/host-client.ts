// A Node client for the browser host's socket: what a test (or a bench) uses to drive a till process.
import WebSocket from 'ws';
import type { MethodInput, MethodName, MethodOutput, Result } from '../../preload/contract';

export interface HostClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Resolves when the socket closes (the till went away). */
  closed: Promise<void>;
  close(): void;
}

/** An open socket to the browser host at `url` (the page's address, with its secret after #secret=). */
export async function openHostSocket(url: string): Promise<WebSocket> {
  const { origin, hash } = new URL(url);
  const secret = hash.replace('#secret=', '');
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/rpc`, [`nuqta.${secret}`], { origin });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
}

export async function connectHost(url: string): Promise<HostClient> {
  const ws = await openHostSocket(url);
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const closed = new Promise<void>((resolve) =>
    ws.once('close', () => {
      for (const settle of pending.values()) {
        settle({ ok: false, error: { code: 'CONNECTION_LOST', message_ar: '', message_en: 'connection lost' } });
      }
      pending.clear();
      resolve();
    }),
  );
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { kind: string; id?: number; result?: Result<unknown> };
    if (frame.kind === 'reply' && frame.id !== undefined) {
      pending.get(frame.id)?.(frame.result!);
      pending.delete(frame.id);
    }
  });
  let nextId = 1;
  return {
    closed,
    close: () => ws.close(),
    call: (method, input) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve as (r: Result<unknown>) => void);
        ws.send(JSON.stringify({ kind: 'call', id, method, input }));
      }),
  };
}
