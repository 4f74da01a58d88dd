// A small fake of the Electron main-process API, shaped like main/shell/electron-types.ts. It records what
// the shell does (in order, in `calls`) and lets a test drive events: invoke an IPC handler with a chosen
// sender, fire navigation events, run the protocol handler, ask for permissions, close a window, plug in
// or unplug a display.
import type { SafeStorageLike } from '../../main/secrets';
import { fakeSafeStorage } from '../secrets/fake-safe-storage';
import { EventEmitter } from 'node:events';
import type {
  AppRequest,
  BluetoothPairingResponse,
  ChildProcessGoneDetails,
  DisplayLike,
  ElectronModule,
  FrameLike,
  InvokeEventLike,
  InvokeListener,
  PreventableEvent,
  SchemePrivileges,
  WebContentsLike,
  ProcessGoneReason,
  WindowOpenResponse,
  WindowOptions,
} from '../../main/shell/electron-types';

export class FakeFrame implements FrameLike {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

/** A frame whose getters throw, like an Electron WebFrameMain after its render frame was disposed. */
export class DisposedFrame implements FrameLike {
  get url(): string {
    throw new Error('Render frame was disposed before WebFrameMain could be accessed');
  }
  get parent(): FrameLike | null {
    throw new Error('Render frame was disposed before WebFrameMain could be accessed');
  }
}

export class FakeEvent implements PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter implements WebContentsLike {
  readonly mainFrame = new FakeFrame('');
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => WindowOpenResponse) | null = null;
  destroyed = false;

  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void {
    this.windowOpenHandler = handler;
  }
  /** Fires a cancellable webContents event; returns true when a handler prevented it. */
  fire(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = ''): boolean {
    const e = new FakeEvent();
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
  /** What navigator.bluetooth.requestDevice() makes Electron emit, with devices in range. */
  requestBluetoothDevice(devices: Array<{ deviceId: string; deviceName: string }>): DeviceChoice {
    return choose((e, callback) => this.emit('select-bluetooth-device', e, devices, callback));
  }
  /** The renderer process died (Electron's render-process-gone). */
  renderProcessGone(reason: ProcessGoneReason, exitCode = 1): void {
    this.emit('render-process-gone', new FakeEvent(), { reason, exitCode });
  }
}

/** How a chooser event was answered: prevented or not, and every value its callback was called with. */
export interface DeviceChoice {
  prevented: boolean;
  /** One entry per callback call, holding its arguments. */
  answers: unknown[][];
  /** True when nothing handled the event at all. */
  unhandled: boolean;
}

function choose(emit: (event: FakeEvent, callback: (...args: unknown[]) => void) => boolean): DeviceChoice {
  const e = new FakeEvent();
  const answers: unknown[][] = [];
  const handled = emit(e, (...args) => answers.push(args));
  return { prevented: e.defaultPrevented, answers, unhandled: !handled };
}

export interface FakeElectron extends ElectronModule {
  calls: string[];
  windows: FakeWindow[];
  schemes: Array<{ scheme: string; privileges: SchemePrivileges }>;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  ipcHandlers: Map<string, InvokeListener>;
  permissions: {
    request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null;
    check: ((contents: unknown, permission: string) => boolean) | null;
    device: ((details: unknown) => boolean) | null;
    bluetoothPairing: ((details: unknown, callback: (response: BluetoothPairingResponse) => void) => void) | null;
  };
  /** Emits a session chooser event the way Electron does when a page asks for a device. */
  requestDevice(kind: 'select-serial-port' | 'select-hid-device' | 'select-usb-device', from: FakeWebContents): DeviceChoice;
  /** A child process other than a renderer died (Electron's app child-process-gone). */
  childProcessGone(details: ChildProcessGoneDetails): void;
  errorBoxes: Array<{ title: string; content: string }>;
  /** What main/entry/electron.ts seals provider secrets with (not part of the shell's own slice). */
  safeStorage: SafeStorageLike;
  state: {
    ready: boolean;
    quit: boolean;
    exitCode: number | null;
    hasLock: boolean;
    relaunches: number;
    /** The OS login item (the user's Run key on Windows). */
    openAtLogin: boolean;
  };
  appEvents: EventEmitter;
  /** Calls the handler registered for `channel`, as ipcRenderer.invoke from `event`'s sender would. */
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown>;
  /** Runs the app:// handler the shell registered. */
  fetchApp(request: AppRequest): Promise<Response>;
  /** Creates a webContents the way Electron would for any new page (fires web-contents-created). */
  createWebContents(): FakeWebContents;
  /** The connected displays, primary first unless primaryDisplayId says otherwise. */
  displays: DisplayLike[];
  /** Connects a display and emits screen 'display-added'. */
  addDisplay(display: DisplayLike): void;
  /** Disconnects a display and emits screen 'display-removed'. */
  removeDisplay(id: number): void;
}

export type FakeWindow = InstanceType<FakeElectron['BrowserWindow']> & {
  options: WindowOptions;
  webContents: FakeWebContents;
  shown: boolean;
  maximized: boolean;
  /** How it was shown: show() activates the window, showInactive() does not. */
  shownWith: 'show' | 'showInactive' | null;
  focused: boolean;
  minimized: boolean;
  destroyed: boolean;
  loadedUrl: string | null;
  close(): void;
};

/** A 1366×768 till screen: the one display a plain till has. */
export const PRIMARY_DISPLAY: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } };
/** A 10" customer display to the right of the till screen. */
export const CUSTOMER_DISPLAY: DisplayLike = { id: 2, bounds: { x: 1366, y: 0, width: 1024, height: 600 } };

export function createFakeElectron(
  options: { hasLock?: boolean; displays?: DisplayLike[]; primaryDisplayId?: number; openAtLogin?: boolean } = {},
): FakeElectron {
  const calls: string[] = [];
  const appEvents = new EventEmitter();
  const state = {
    ready: false,
    quit: false,
    exitCode: null as number | null,
    hasLock: options.hasLock ?? true,
    relaunches: 0,
    openAtLogin: options.openAtLogin ?? false,
  };
  const windows: FakeWindow[] = [];
  const schemes: FakeElectron['schemes'] = [];
  const protocolHandlers: FakeElectron['protocolHandlers'] = new Map();
  const ipcHandlers: FakeElectron['ipcHandlers'] = new Map();
  const permissions: FakeElectron['permissions'] = { request: null, check: null, device: null, bluetoothPairing: null };
  const sessionEvents = new EventEmitter();
  const errorBoxes: FakeElectron['errorBoxes'] = [];
  const displays: DisplayLike[] = [...(options.displays ?? [PRIMARY_DISPLAY])];
  const screenEvents = new EventEmitter();
  // Electron emits window-all-closed once, when the last open window goes.
  let allClosedEmitted = false;
  const copy = (d: DisplayLike): DisplayLike => ({ id: d.id, bounds: { ...d.bounds } });
  const primary = (): DisplayLike => {
    const found = displays.find((d) => d.id === (options.primaryDisplayId ?? displays[0]?.id));
    if (!found) throw new Error('no primary display');
    return copy(found);
  };
  const beforeReady = (what: string) => {
    // Electron: "This module cannot be used until the ready event of the app module is emitted."
    if (!state.ready) throw new Error(`screen.${what} before ready`);
  };

  const createWebContents = (): FakeWebContents => {
    const contents = new FakeWebContents();
    appEvents.emit('web-contents-created', new FakeEvent(), contents);
    return contents;
  };

  const app: ElectronModule['app'] = {
    commandLine: {
      appendSwitch(name: string, value?: string) {
        calls.push(`app.commandLine.appendSwitch ${name}${value === undefined ? '' : `=${value}`}`);
        if (state.ready) throw new Error('command-line switches after ready have no effect');
      },
    },
    enableSandbox() {
      calls.push('app.enableSandbox');
      // Electron: "This method can only be called before app is ready."
      if (state.ready) throw new Error('enableSandbox after ready');
    },
    requestSingleInstanceLock() {
      calls.push('app.requestSingleInstanceLock');
      return state.hasLock;
    },
    async whenReady() {
      calls.push('app.whenReady');
      state.ready = true;
    },
    quit() {
      calls.push('app.quit');
      const e = new FakeEvent();
      appEvents.emit('before-quit', e);
      if (!e.defaultPrevented) state.quit = true;
    },
    exit(code = 0) {
      calls.push(`app.exit(${code})`);
      state.exitCode = code;
    },
    relaunch() {
      calls.push('app.relaunch');
      state.relaunches += 1;
    },
    getLoginItemSettings() {
      return { openAtLogin: state.openAtLogin };
    },
    setLoginItemSettings(settings) {
      calls.push(`app.setLoginItemSettings openAtLogin=${String(settings.openAtLogin)}`);
      state.openAtLogin = settings.openAtLogin;
    },
    on(event: string, listener: (...args: never[]) => void) {
      appEvents.on(event, listener as (...args: unknown[]) => void);
      return app;
    },
  };

  class BrowserWindow extends EventEmitter {
    readonly webContents: FakeWebContents;
    shown = false;
    maximized = false;
    shownWith: 'show' | 'showInactive' | null = null;
    focused = false;
    minimized = false;
    destroyed = false;
    loadedUrl: string | null = null;

    constructor(readonly options: WindowOptions) {
      super();
      calls.push('BrowserWindow.new');
      if (!state.ready) throw new Error('BrowserWindow before ready');
      this.webContents = createWebContents();
      windows.push(this as unknown as FakeWindow);
      allClosedEmitted = false;
    }
    async loadURL(url: string): Promise<void> {
      calls.push(`loadURL ${url}`);
      this.loadedUrl = url;
      this.webContents.mainFrame.url = url;
      this.emit('ready-to-show');
    }
    show() {
      calls.push('BrowserWindow.show');
      this.shown = true;
      this.shownWith = 'show';
    }
    maximize() {
      calls.push('BrowserWindow.maximize');
      // Electron: maximize() also shows a hidden window, without focusing it.
      this.maximized = true;
      this.shown = true;
    }
    showInactive() {
      this.shown = true;
      this.shownWith = 'showInactive';
    }
    focus() {
      this.focused = true;
    }
    restore() {
      this.minimized = false;
    }
    isMinimized() {
      return this.minimized;
    }
    isDestroyed() {
      return this.destroyed;
    }
    close() {
      calls.push('BrowserWindow.close');
      this.teardown();
    }
    destroy() {
      calls.push('BrowserWindow.destroy');
      this.teardown();
    }
    private teardown() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
      if (!allClosedEmitted && windows.every((w) => w.destroyed)) {
        allClosedEmitted = true;
        appEvents.emit('window-all-closed');
      }
    }
  }

  const fake: FakeElectron = {
    safeStorage: fakeSafeStorage({ available: true, backend: 'gnome_libsecret' }),
    calls,
    windows,
    schemes,
    protocolHandlers,
    ipcHandlers,
    permissions,
    errorBoxes,
    state,
    appEvents,
    app,
    BrowserWindow,
    ipcMain: {
      handle(channel, listener) {
        calls.push(`ipcMain.handle ${channel}`);
        // Electron refuses a second handler on the same channel.
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, listener);
      },
      removeHandler(channel) {
        ipcHandlers.delete(channel);
      },
    },
    protocol: {
      registerSchemesAsPrivileged(list) {
        calls.push('protocol.registerSchemesAsPrivileged');
        if (state.ready) throw new Error('registerSchemesAsPrivileged after ready');
        schemes.push(...list);
      },
      handle(scheme, handler) {
        calls.push(`protocol.handle ${scheme}`);
        if (!state.ready) throw new Error('protocol.handle before ready');
        protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler(handler) {
          permissions.request = handler;
        },
        setPermissionCheckHandler(handler) {
          permissions.check = handler;
        },
        setDevicePermissionHandler(handler) {
          permissions.device = handler;
        },
        setBluetoothPairingHandler(handler) {
          calls.push('session.setBluetoothPairingHandler');
          permissions.bluetoothPairing = handler;
        },
        on(event: string, listener: (...args: never[]) => void) {
          calls.push(`session.on ${event}`);
          sessionEvents.on(event, listener as (...args: unknown[]) => void);
          return fake.session.defaultSession;
        },
      },
    },
    requestDevice(kind, from) {
      // Electron's order: (event, portList, webContents, callback) for serial; (event, details, callback) else.
      return choose((e, callback) =>
        kind === 'select-serial-port'
          ? sessionEvents.emit(kind, e, [{ portId: 'p1', portName: 'ttyUSB0' }], from, callback)
          : sessionEvents.emit(kind, e, { deviceList: [{ deviceId: 'd1', name: 'device' }], frame: null }, callback),
      );
    },
    childProcessGone(details) {
      appEvents.emit('child-process-gone', new FakeEvent(), details);
    },
    Menu: {
      setApplicationMenu(menu) {
        calls.push(`Menu.setApplicationMenu(${String(menu)})`);
      },
    },
    dialog: {
      showErrorBox(title, content) {
        errorBoxes.push({ title, content });
      },
    },
    async invoke(channel, event, ...args) {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, ...args);
    },
    async fetchApp(request) {
      const handler = protocolHandlers.get('app');
      if (!handler) throw new Error('app:// not handled');
      return handler(request as Request);
    },
    createWebContents,
    screen: {
      getAllDisplays() {
        beforeReady('getAllDisplays');
        return displays.map(copy);
      },
      getPrimaryDisplay() {
        beforeReady('getPrimaryDisplay');
        return primary();
      },
      on(event: string, listener: (...args: never[]) => void) {
        screenEvents.on(event, listener as (...args: unknown[]) => void);
        return fake.screen;
      },
    },
    displays,
    addDisplay(display) {
      displays.push(display);
      screenEvents.emit('display-added', new FakeEvent(), copy(display));
    },
    removeDisplay(id) {
      const at = displays.findIndex((d) => d.id === id);
      const [removed] = at === -1 ? [] : displays.splice(at, 1);
      if (!removed) throw new Error(`no display ${id}`);
      screenEvents.emit('display-removed', new FakeEvent(), removed);
    },
  };
  return fake;
}
