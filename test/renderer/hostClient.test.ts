import { describe, expect, it } from 'vitest';
import type { Sale } from '../../preload/contract/schemas';
import { createHostClient, hostSocketUrl, readSecret, type SocketHandlers } from '../../renderer/api/hostClient';

class FakeSocket {
  sent: unknown[] = [];
  closed = false;
  constructor(
    readonly url: string,
    readonly protocols: string[],
    readonly handlers: SocketHandlers,
  ) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.closed = true;
  }
  reply(id: number, result: unknown): void {
    this.handlers.onMessage(JSON.stringify({ kind: 'reply', id, result }));
  }
}

function harness(secret: string | null = 'ab12') {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const client = createHostClient({
    url: 'ws://127.0.0.1:1234/rpc',
    secret,
    createSocket: (url, protocols, handlers) => {
      const s = new FakeSocket(url, protocols, handlers);
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => {
      timers.push({ fn, ms });
      return timers.length;
    },
    clearTimer: () => {},
  });
  const last = (): FakeSocket => {
    const s = sockets[sockets.length - 1];
    if (!s) throw new Error('no socket');
    return s;
  };
  return { client, sockets, timers, last };
}

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

const aSale = (revision: number): Sale => ({
  saleId: 'S1',
  status: 'open',
  openedAt: '2025-11-27T10:00:00Z',
  lines: [],
  totals: { subtotalHalalas: 0, vatHalalas: 0, totalHalalas: 0, breakdown: [] },
  tenders: [],
  dueHalalas: 0,
  payment: null,
  revision,
  buyer: null,
});

describe('host client', () => {
  it('offers the secret as the nuqta.<secret> subprotocol', () => {
    const { last } = harness('deadbeef');
    expect(last().url).toBe('ws://127.0.0.1:1234/rpc');
    expect(last().protocols).toEqual(['nuqta.deadbeef']);
  });

  it('sends call frames and resolves each call with its own reply', async () => {
    const { client, last } = harness();
    last().handlers.onOpen();
    expect(client.connection.getState()).toBe('connected');
    const a = client.api.getSale({});
    const b = client.api.scanBarcode({ barcode: '123' });
    expect(last().sent).toEqual([
      { kind: 'call', id: 1, method: 'getSale', input: {} },
      { kind: 'call', id: 2, method: 'scanBarcode', input: { barcode: '123' } },
    ]);
    const err = { code: 'BARCODE_UNKNOWN', message_ar: 'غير موجود', message_en: 'Unknown' };
    last().reply(2, { ok: false, error: err });
    last().reply(1, { ok: true, value: aSale(4) });
    expect(await a).toEqual({ ok: true, value: aSale(4) });
    expect(await b).toEqual({ ok: false, error: err });
  });

  it('ignores malformed frames and replies to unknown ids', async () => {
    const { client, last } = harness();
    last().handlers.onOpen();
    const p = client.api.getSale({});
    last().handlers.onMessage('not json');
    last().handlers.onMessage(JSON.stringify({ kind: 'reply', id: 'x' }));
    last().reply(99, { ok: true, value: 1 });
    last().reply(1, { ok: true, value: aSale(1) });
    expect((await p).ok).toBe(true);
  });

  it('delivers saleChanged events to subscribers until they unsubscribe', () => {
    const { client, last } = harness();
    last().handlers.onOpen();
    const seen: number[] = [];
    const off = client.api.onSaleChanged((s) => seen.push(s.revision));
    last().handlers.onMessage(JSON.stringify({ kind: 'event', event: 'saleChanged', payload: aSale(7) }));
    off();
    last().handlers.onMessage(JSON.stringify({ kind: 'event', event: 'saleChanged', payload: aSale(8) }));
    expect(seen).toEqual([7]);
  });

  it("raises saleChanged from a reply that is the sale, before the caller hears the reply, and not from others", async () => {
    const { client, last } = harness();
    last().handlers.onOpen();
    const heard: string[] = [];
    client.api.onSaleChanged((s) => heard.push(`event ${s.revision}`));
    const scanned = client.api.scanBarcode({ barcode: '123' }).then((r) => heard.push(`reply ${r.ok ? r.value.revision : r.error.code}`));
    const refused = client.api.scanBarcode({ barcode: '999' }).then((r) => heard.push(`reply ${r.ok ? r.value.revision : r.error.code}`));
    const status = client.api.getPrinterStatus({}).then(() => heard.push('printer'));
    last().reply(1, { ok: true, value: aSale(9) });
    last().reply(2, { ok: false, error: { code: 'BARCODE_UNKNOWN', message_ar: 'غير موجود', message_en: 'Unknown' } });
    last().reply(3, { ok: true, value: null });
    await Promise.all([scanned, refused, status]);
    expect(heard).toEqual(['event 9', 'reply 9', 'reply BARCODE_UNKNOWN', 'printer']);
  });

  it('delivers payment progress and terminal status events to their own subscribers', () => {
    const { client, last } = harness();
    last().handlers.onOpen();
    const stages: unknown[] = [];
    const health: unknown[] = [];
    client.api.onPaymentProgress((p) => stages.push(p.stage));
    client.api.onTerminalStatusChanged((s) => health.push(s.health));
    const progress = { intentId: 'I1', saleId: 'S1', state: 'awaiting', stage: 'sent' };
    last().handlers.onMessage(JSON.stringify({ kind: 'event', event: 'paymentProgress', payload: progress }));
    const status = { configured: true, protocol: 'mada-ecr', transport: 'simulator', health: 'connected', detail: null, recovering: false, last: null, needsAttention: [] };
    last().handlers.onMessage(JSON.stringify({ kind: 'event', event: 'terminalStatusChanged', payload: status }));
    expect(stages).toEqual(['sent']);
    expect(health).toEqual(['connected']);
  });

  it('delivers preferencesChanged (the till switched language or digits) to its subscribers', () => {
    const { client, last } = harness();
    last().handlers.onOpen();
    const seen: unknown[] = [];
    client.api.onPreferencesChanged((p) => seen.push(p));
    last().handlers.onMessage(JSON.stringify({ kind: 'event', event: 'preferencesChanged', payload: { locale: 'en', digits: 'arabic' } }));
    expect(seen).toEqual([{ locale: 'en', digits: 'arabic' }]);
  });

  it('carries the card payment methods like any other call', () => {
    const { client, last } = harness();
    last().handlers.onOpen();
    void client.api.payCard({ amountHalalas: 1234 });
    void client.api.cancelCardPayment({ intentId: 'I1' });
    void client.api.settleTerminal({ managerPin: '1234' });
    expect(last().sent).toEqual([
      { kind: 'call', id: 1, method: 'payCard', input: { amountHalalas: 1234 } },
      { kind: 'call', id: 2, method: 'cancelCardPayment', input: { intentId: 'I1' } },
      { kind: 'call', id: 3, method: 'settleTerminal', input: { managerPin: '1234' } },
    ]);
  });

  it('fails calls made while disconnected, in both languages, without sending anything', async () => {
    const { client, last } = harness();
    const r = await client.api.getSale({});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CONNECTION_LOST');
    expect(r.error.message_ar).toMatch(/[\u0600-\u06FF]/);
    expect(r.error.message_en).toMatch(/connection/i);
    expect(last().sent).toEqual([]);
  });

  it('fails calls in flight when the socket drops and never resends them', async () => {
    const { client, sockets, timers, last } = harness();
    last().handlers.onOpen();
    const pending = client.api.tenderCash({ tenderedHalalas: 5000 });
    last().handlers.onClose();
    expect((await pending).ok).toBe(false);
    expect(client.connection.getState()).toBe('lost');

    expect(timers).toHaveLength(1);
    timers[0]?.fn();
    expect(sockets).toHaveLength(2);
    last().handlers.onOpen();
    expect(client.connection.getState()).toBe('connected');
    expect(last().sent).toEqual([]); // the tender is not replayed on the new socket
  });

  it('backs off between attempts and resets after a successful connection', () => {
    const { timers, last } = harness();
    last().handlers.onClose();
    timers[0]?.fn();
    last().handlers.onClose();
    timers[1]?.fn();
    last().handlers.onClose();
    expect(timers.map((t) => t.ms)).toEqual([250, 500, 1000]);
    timers[2]?.fn();
    last().handlers.onOpen();
    last().handlers.onClose();
    expect(timers[3]?.ms).toBe(250);
  });

  it('tells listeners about every (re)connection so the view can re-read the sale', async () => {
    const { client, timers, last } = harness();
    let connected = 0;
    client.connection.onConnected(() => connected++);
    last().handlers.onOpen();
    last().handlers.onClose();
    timers[0]?.fn();
    last().handlers.onOpen();
    expect(connected).toBe(2);
    let late = 0;
    client.connection.onConnected(() => late++);
    await flush();
    expect(late).toBe(1); // already connected: called once right away
  });

  it('stays lost without a secret and never opens a socket', () => {
    const { client, sockets } = harness(null);
    expect(client.connection.getState()).toBe('lost');
    expect(sockets).toHaveLength(0);
  });

  it('ignores a late close from a socket it already replaced', () => {
    const { client, sockets, timers, last } = harness();
    last().handlers.onClose();
    timers[0]?.fn();
    last().handlers.onOpen();
    sockets[0]?.handlers.onClose();
    expect(client.connection.getState()).toBe('connected');
  });
});

describe('host location helpers', () => {
  it('reads the hex secret from the fragment', () => {
    expect(readSecret('#secret=0a1B2c')).toBe('0a1B2c');
    expect(readSecret('#foo=1&secret=ff')).toBe('ff');
    expect(readSecret('#secret=not-hex')).toBeNull();
    expect(readSecret('')).toBeNull();
  });

  it('builds the socket URL on the page origin', () => {
    expect(hostSocketUrl({ host: '127.0.0.1:4312' })).toBe('ws://127.0.0.1:4312/rpc');
  });
});
