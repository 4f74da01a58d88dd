// IPC binding: one handler per contract method and nothing else; every handler checks the sender before
// anything reaches the till; events reach the window on their own channel.
import { describe, expect, it } from 'vitest';
import { CHANNEL_PREFIX, eventChannel, methodChannel, methodNames } from '../../preload/contract';
import { errorData } from '../../main/errors';
import type { InvokeEventLike } from '../../main/shell/electron-types';
import { DisposedFrame, FakeFrame } from './fake-electron';
import { emptySale, tillInfo } from './fake-till';
import { eventFrom, goodEvent, startWithFakes, type Started } from './harness';

const forbidden = { ok: false, error: errorData('FORBIDDEN_SENDER') };

describe('handler registration', () => {
  it('registers exactly one handler per contract method, on its contract channel', async () => {
    const { electron } = await startWithFakes();
    const registered = [...electron.ipcHandlers.keys()].sort();
    expect(registered).toStrictEqual(methodNames.map(methodChannel).sort());
    for (const channel of registered) expect(channel.startsWith(`${CHANNEL_PREFIX}call:`)).toBe(true);
  });
});

describe('a call from the app window', () => {
  it('reaches dispatch with the method name and input, and returns its Result', async () => {
    const { electron, till, win } = await startWithFakes();
    const result = await electron.invoke(methodChannel('getTill'), goodEvent(win), {});
    expect(result).toStrictEqual({ ok: true, value: tillInfo });
    expect(till.dispatch).toHaveBeenCalledWith('getTill', {});
  });

  it('passes only the first argument on as the input', async () => {
    const { electron, till, win } = await startWithFakes();
    await electron.invoke(methodChannel('getSale'), goodEvent(win), {}, 'extra', 42);
    expect(till.dispatch).toHaveBeenCalledExactlyOnceWith('getSale', {});
  });

  it('gets the dispatcher’s errors as data (invalid input, till errors)', async () => {
    const { electron, win } = await startWithFakes();
    expect(await electron.invoke(methodChannel('scanBarcode'), goodEvent(win), { barcode: 7 })).toStrictEqual({
      ok: false,
      error: errorData('INVALID_INPUT'),
    });
    expect(await electron.invoke(methodChannel('scanBarcode'), goodEvent(win), { barcode: '123' })).toStrictEqual({
      ok: false,
      error: errorData('BARCODE_UNKNOWN'),
    });
  });
});

describe('a call from anywhere else is refused without reaching dispatch', () => {
  const foreign: Array<[string, (s: Started) => InvokeEventLike]> = [
    ['no senderFrame (frame navigated away or destroyed)', ({ win }) => eventFrom(win.webContents, null)],
    [
      'the window’s main frame after navigating to another origin',
      ({ win }) => {
        win.webContents.mainFrame.url = 'https://evil.example/';
        return goodEvent(win);
      },
    ],
    [
      'a sub-frame, even one on app://nuqta',
      ({ win }) => eventFrom(win.webContents, new FakeFrame('app://nuqta/index.html', win.webContents.mainFrame)),
    ],
    [
      'a sub-frame from another origin',
      ({ win }) => eventFrom(win.webContents, new FakeFrame('https://evil.example/', win.webContents.mainFrame)),
    ],
    [
      'a look-alike main frame that is not the window’s own',
      ({ win }) => eventFrom(win.webContents, new FakeFrame('app://nuqta/index.html')),
    ],
    [
      'another webContents showing app://nuqta',
      ({ electron }) => {
        const other = electron.createWebContents();
        other.mainFrame.url = 'app://nuqta/index.html';
        return eventFrom(other, other.mainFrame);
      },
    ],
    [
      'the app’s main frame reported under another webContents',
      ({ electron, win }) => eventFrom(electron.createWebContents(), win.webContents.mainFrame),
    ],
    [
      'another host on the app scheme',
      ({ win }) => {
        win.webContents.mainFrame.url = 'app://evil/index.html';
        return goodEvent(win);
      },
    ],
    [
      'a file:// page',
      ({ win }) => {
        win.webContents.mainFrame.url = 'file:///home/cashier/evil.html';
        return goodEvent(win);
      },
    ],
    [
      'credentials smuggled into the app URL',
      ({ win }) => {
        win.webContents.mainFrame.url = 'app://user:pw@nuqta/index.html';
        return goodEvent(win);
      },
    ],
    ['a disposed frame whose getters throw', ({ win }) => eventFrom(win.webContents, new DisposedFrame())],
    [
      'the window after it was closed',
      ({ win }) => {
        const event = goodEvent(win);
        win.destroyed = true;
        win.webContents.destroyed = true;
        return event;
      },
    ],
  ];

  it.each(foreign)('%s', async (_label, makeEvent) => {
    const started = await startWithFakes();
    const event = makeEvent(started);
    for (const name of methodNames) {
      expect(await started.electron.invoke(methodChannel(name), event, {})).toStrictEqual(forbidden);
    }
    expect(started.till.dispatch).not.toHaveBeenCalled();
    expect(started.log.warn).toHaveBeenCalled();
  });
});

describe('events', () => {
  it('forwards till events to the window on the event’s channel, payload only', async () => {
    const { till, win } = await startWithFakes();
    till.emit('saleChanged', emptySale);
    expect(win.webContents.sent).toStrictEqual([{ channel: eventChannel('saleChanged'), args: [emptySale] }]);
  });

  it('drops events once the window is destroyed, without trying to send them', async () => {
    const { till, win, log } = await startWithFakes();
    win.webContents.destroyed = true;
    expect(() => till.emit('saleChanged', emptySale)).not.toThrow();
    expect(win.webContents.sent).toHaveLength(0);
    // A send to a destroyed webContents throws in Electron (so in the fake): it is skipped, not tried and
    // caught, which would log a warning for every event until the app quits.
    expect(log.warn).not.toHaveBeenCalled();
  });
});
