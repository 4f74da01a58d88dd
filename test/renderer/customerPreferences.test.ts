// The customer display follows the till's language and digits: main's preferencesChanged event at once, a
// getTill read at start and after every reconnect, never a poll. Over the browser host's client (a fake
// socket), so the event's wiring on the wire is exercised too.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Preferences, TillInfo } from '../../preload/contract/schemas';
import { createHostClient, type SocketHandlers } from '../../renderer/api/hostClient';
import { followTillPreferences } from '../../renderer/customer/tillPreferences';
import { followTraining } from '../../renderer/customer/followTraining';

class FakeSocket {
  sent: Array<{ kind: string; id: number; method: string }> = [];
  constructor(readonly handlers: SocketHandlers) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {}
  reply(id: number, result: unknown): void {
    this.handlers.onMessage(JSON.stringify({ kind: 'reply', id, result }));
  }
  event(event: string, payload: unknown): void {
    this.handlers.onMessage(JSON.stringify({ kind: 'event', event, payload }));
  }
}

const till = (preferences: Preferences): TillInfo => ({
  tillId: 'T01',
  shopNameAr: 'بقالة',
  shopNameEn: 'Grocery',
  vatNumber: '300000000000003',
  pricesIncludeVat: true,
  currency: 'SAR',
  host: 'browser',
  simulated: true,
  training: false,
  liveSaleRefused: false,
  cardPayments: false,
  stcPayPayments: false,
  preferences,
});

const EN = { locale: 'en', digits: 'latin' } as const;
const EN_ARABIC = { locale: 'en', digits: 'arabic' } as const;
const AR = { locale: 'ar', digits: 'latin' } as const;

function harness() {
  const sockets: FakeSocket[] = [];
  const carrier = createHostClient({
    url: 'ws://127.0.0.1:1234/rpc',
    secret: 'ab12',
    createSocket: (_url, _protocols, handlers) => {
      const s = new FakeSocket(handlers);
      sockets.push(s);
      return s;
    },
    setTimer: () => 0,
    clearTimer: () => {},
  });
  const shown: Preferences[] = [];
  const follower = followTillPreferences(carrier, (prefs) => shown.push(prefs));
  const socket = (): FakeSocket => sockets[sockets.length - 1]!;
  const getTillCalls = () => sockets.flatMap((s) => s.sent).filter((f) => f.method === 'getTill');
  return { carrier, follower, shown, socket, getTillCalls };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the customer display and the till\'s preferences', () => {
  it('follows preferencesChanged the moment it arrives, and stops when told', () => {
    const { follower, shown, socket } = harness();
    socket().handlers.onOpen();
    const stop = follower.listen();
    socket().event('preferencesChanged', EN);
    expect(shown).toEqual([EN]);
    socket().event('preferencesChanged', EN_ARABIC);
    expect(shown).toEqual([EN, EN_ARABIC]);
    stop();
    socket().event('preferencesChanged', AR);
    expect(shown).toEqual([EN, EN_ARABIC]);
  });

  it('shows what a getTill read through it answers (at start, after a reconnect)', async () => {
    const { follower, shown, socket } = harness();
    socket().handlers.onOpen();
    follower.listen();
    const read = follower.carrier.api.getTill({});
    socket().reply(1, { ok: true, value: till(EN) });
    expect(await read).toEqual({ ok: true, value: till(EN) }); // the session still gets the till as it is
    expect(shown).toEqual([EN]);
  });

  it('drops a getTill answer overtaken by an event heard after the question', async () => {
    const { follower, shown, socket } = harness();
    socket().handlers.onOpen();
    follower.listen();
    const read = follower.carrier.api.getTill({});
    // The cashier pressed F9 while the read was on its way; main's event comes in, then the older answer.
    socket().event('preferencesChanged', EN);
    socket().reply(1, { ok: true, value: till(AR) });
    await read;
    expect(shown).toEqual([EN]);
    // The next read (a reconnect) is shown again.
    const again = follower.carrier.api.getTill({});
    socket().reply(2, { ok: true, value: till(EN_ARABIC) });
    await again;
    expect(shown).toEqual([EN, EN_ARABIC]);
  });

  it('shows nothing for a failed read', async () => {
    const { follower, shown, socket } = harness();
    socket().handlers.onOpen();
    const read = follower.carrier.api.getTill({});
    socket().handlers.onClose(); // the link dropped: the call ends as CONNECTION_LOST
    expect((await read).ok).toBe(false);
    expect(shown).toEqual([]);
  });

  it('never polls: listening sends no calls, however long the display stays up', async () => {
    vi.useFakeTimers();
    const { follower, socket, getTillCalls } = harness();
    socket().handlers.onOpen();
    follower.listen();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(socket().sent).toEqual([]);
    expect(getTillCalls()).toEqual([]);
  });

  it('passes every other call and event through to the carrier untouched', () => {
    const { carrier, follower } = harness();
    expect(follower.carrier.connection).toBe(carrier.connection);
    expect(follower.carrier.api.getSale).toBe(carrier.api.getSale);
    expect(follower.carrier.api.onSaleChanged).toBe(carrier.api.onSaleChanged);
  });
});

describe('the customer display and training mode', () => {
  it('reads the till again when main says the till switched into or out of training', () => {
    const { carrier, socket, getTillCalls } = harness();
    socket().handlers.onOpen();
    const reloads: number[] = [];
    const stop = followTraining(carrier.api, async () => {
      reloads.push(reloads.length);
      await carrier.api.getTill({});
    });
    const before = getTillCalls().length;
    socket().event('trainingChanged', { training: true });
    socket().event('trainingChanged', { training: false });
    expect(reloads).toHaveLength(2);
    expect(getTillCalls()).toHaveLength(before + 2);
    stop();
    socket().event('trainingChanged', { training: true });
    expect(reloads).toHaveLength(2);
  });
});
