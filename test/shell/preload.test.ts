// The preload bridge: one named function per contract method on its own channel, one onX per event that
// hands the listener the payload only, and no generic way to reach any other channel.
import { describe, expect, it, vi } from 'vitest';
import { buildCustomerDisplayApi, buildPreloadApi, type IpcRendererLike } from '../../preload/bridge';
import {
  CUSTOMER_DISPLAY_EVENTS,
  CUSTOMER_DISPLAY_METHODS,
  eventChannel,
  eventHandlerName,
  eventNames,
  methodChannel,
  methodNames,
} from '../../preload/contract';
import { errorData } from '../../main/errors';
import { emptySale } from './fake-till';

type Relay = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer(answer: (channel: string, input: unknown) => unknown = () => ({ ok: true, value: null })) {
  const listeners = new Map<string, Set<Relay>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => answer(channel, args[0])),
    on: vi.fn((channel: string, listener: Relay) => {
      const set = listeners.get(channel) ?? new Set<Relay>();
      set.add(listener);
      listeners.set(channel, set);
    }),
    removeListener: vi.fn((channel: string, listener: Relay) => {
      listeners.get(channel)?.delete(listener);
    }),
    /** What main's webContents.send would deliver: an IpcRendererEvent, then the payload. */
    emit(channel: string, ...args: unknown[]) {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'ipcRenderer', senderId: 0 }, ...args);
    },
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
  } satisfies IpcRendererLike & Record<string, unknown>;
  return ipc;
}

describe('buildPreloadApi', () => {
  it('has exactly one function per contract method and one onX per event, nothing else', () => {
    const api = buildPreloadApi(fakeIpcRenderer());
    const expected = [...methodNames, ...eventNames.map((e) => eventHandlerName(e))].sort();
    expect(Object.keys(api).sort()).toStrictEqual(expected);
    for (const key of expected) expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
    for (const generic of ['invoke', 'send', 'on', 'once', 'call', 'ipcRenderer', 'removeListener']) {
      expect(api).not.toHaveProperty(generic);
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it.each(methodNames)('%s invokes its own channel with the input and returns main’s answer', async (name) => {
    const ipc = fakeIpcRenderer((channel, input) => ({ ok: true, value: { channel, input } }));
    const api = buildPreloadApi(ipc);
    const call = api[name] as (input: unknown) => Promise<unknown>;
    const input = { marker: name };
    expect(await call(input)).toStrictEqual({ ok: true, value: { channel: methodChannel(name), input } });
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(methodChannel(name), input);
  });

  it('turns a failed invoke into the INTERNAL error Result, worded exactly as main’s', async () => {
    const ipc = fakeIpcRenderer(() => {
      throw new Error("No handler registered for 'nuqta:call:getSale'");
    });
    expect(await buildPreloadApi(ipc).getSale({})).toStrictEqual({ ok: false, error: errorData('INTERNAL') });
  });

  it('onSaleChanged hands the listener the payload only, and its unsubscribe works', () => {
    const ipc = fakeIpcRenderer();
    const api = buildPreloadApi(ipc);
    const listener = vi.fn();
    const off = api.onSaleChanged(listener);
    expect(ipc.on).toHaveBeenCalledWith(eventChannel('saleChanged'), expect.any(Function));

    ipc.emit(eventChannel('saleChanged'), emptySale);
    expect(listener).toHaveBeenCalledExactlyOnceWith(emptySale);

    ipc.emit('nuqta:event:other', emptySale);
    expect(listener).toHaveBeenCalledTimes(1);

    off();
    off(); // idempotent
    expect(ipc.removeListener).toHaveBeenCalledTimes(1);
    expect(ipc.count(eventChannel('saleChanged'))).toBe(0);
    ipc.emit(eventChannel('saleChanged'), emptySale);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps separate subscriptions separate', () => {
    const ipc = fakeIpcRenderer();
    const api = buildPreloadApi(ipc);
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.onSaleChanged(a);
    api.onSaleChanged(b);
    offA();
    ipc.emit(eventChannel('saleChanged'), emptySale);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledOnce();
  });

  it('rejects a non-function listener', () => {
    const api = buildPreloadApi(fakeIpcRenderer());
    expect(() => api.onSaleChanged('nope' as unknown as () => void)).toThrow(TypeError);
  });
});

describe('buildCustomerDisplayApi', () => {
  it('has exactly the read-only methods and the customer events, nothing else', () => {
    const api = buildCustomerDisplayApi(fakeIpcRenderer()) as unknown as Record<string, unknown>;
    const expected = [...CUSTOMER_DISPLAY_METHODS, ...CUSTOMER_DISPLAY_EVENTS.map((e) => eventHandlerName(e))].sort();
    expect(Object.keys(api).sort()).toStrictEqual(expected);
    const others = [
      ...methodNames.filter((m) => !(CUSTOMER_DISPLAY_METHODS as readonly string[]).includes(m)),
      ...eventNames.filter((e) => !(CUSTOMER_DISPLAY_EVENTS as readonly string[]).includes(e)).map((e) => eventHandlerName(e)),
    ];
    // The till's writes and the terminal panel's events are among what is left out.
    expect(others).toEqual(expect.arrayContaining(['payCard', 'returnSale', 'openDrawer', 'settleTerminal', 'onTerminalStatusChanged']));
    for (const name of others) expect(api, name).not.toHaveProperty(name);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('its methods and events use the same channels as the till window’s', async () => {
    const ipc = fakeIpcRenderer((channel, input) => ({ ok: true, value: { channel, input } }));
    const api = buildCustomerDisplayApi(ipc);
    expect(await api.getSale({})).toStrictEqual({ ok: true, value: { channel: methodChannel('getSale'), input: {} } });
    const listener = vi.fn();
    api.onSaleChanged(listener);
    ipc.emit(eventChannel('saleChanged'), emptySale);
    expect(listener).toHaveBeenCalledExactlyOnceWith(emptySale);
  });
});
