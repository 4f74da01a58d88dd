// The slice of Electron the shell uses, as narrow structural types. The shell takes the electron module as a
// parameter typed with these, so tests can hand it a small fake, and the real module still type-checks
// against them in main/entry/electron.ts (a drift in Electron's API shows up there at compile time).

/** An Electron event a handler can cancel (navigation, webview attach, quit). */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface FrameLike {
  /** The URL the frame has committed; what we compare against the app origin. */
  readonly url: string;
  /** null for a main frame. */
  readonly parent: FrameLike | null;
}

export type WindowOpenResponse = { action: 'deny' };

/** Why a renderer or child process went away; 'clean-exit' is a normal end (a window closing). */
export type ProcessGoneReason =
  | 'clean-exit'
  | 'abnormal-exit'
  | 'killed'
  | 'crashed'
  | 'oom'
  | 'launch-failed'
  | 'integrity-failure'
  | 'memory-eviction';

export interface RenderProcessGoneDetails {
  readonly reason: ProcessGoneReason;
  readonly exitCode: number;
}

/** A child process other than a renderer (GPU, utility services…). */
export interface ChildProcessGoneDetails {
  readonly type: string;
  readonly reason: ProcessGoneReason;
  readonly exitCode: number;
  readonly name?: string;
}

export interface WebContentsLike {
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  /**
   * navigator.bluetooth.requestDevice(): unless the event is prevented, Electron picks the first device
   * itself; callback('') cancels the request.
   */
  on(
    event: 'select-bluetooth-device',
    listener: (event: PreventableEvent, devices: unknown[], callback: (deviceId: string) => void) => void,
  ): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: RenderProcessGoneDetails) => void): unknown;
}

/** What Electron hands an ipcMain.handle listener; senderFrame is null once the frame navigated or died. */
export interface InvokeEventLike {
  readonly sender: WebContentsLike;
  readonly senderFrame: FrameLike | null;
}

export type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

export interface IpcMainLike {
  handle(channel: string, listener: InvokeListener): void;
  removeHandler(channel: string): void;
}

export interface WebPreferencesOptions {
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  spellcheck: boolean;
  preload: string;
}

/** What both windows share, every field set explicitly. */
interface BaseWindowOptions {
  width: number;
  height: number;
  show: boolean;
  kiosk: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: WebPreferencesOptions;
}

/** The cashier's window. */
export interface TillWindowOptions extends BaseWindowOptions {
  minWidth: number;
  minHeight: number;
  fullscreen: boolean;
}

/** The read-only customer-facing display. x/y are absent only in the windowed (testing) placement. */
export interface CustomerWindowOptions extends BaseWindowOptions {
  x?: number;
  y?: number;
  frame: boolean;
  fullscreen: boolean;
  /** false: the cashier's keyboard and clicks never give it focus. */
  focusable: false;
  skipTaskbar: boolean;
}

export type WindowOptions = TillWindowOptions | CustomerWindowOptions;

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  show(): void;
  /** Also shows a hidden window (without focusing it). */
  maximize(): void;
  /** Shows without activating: the customer display never takes focus from the till window. */
  showInactive(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  /** Closes at once, without beforeunload (which could veto a close()); 'closed' is still emitted. */
  destroy(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

export type BrowserWindowCtor = new (options: WindowOptions) => BrowserWindowLike;

export interface SchemePrivileges {
  standard: boolean;
  secure: boolean;
  supportFetchAPI: boolean;
  bypassCSP: boolean;
  corsEnabled: boolean;
  allowServiceWorkers: boolean;
}

/** The request fields the app:// handler reads; a global Request satisfies it. */
export type AppRequest = Pick<Request, 'method' | 'url'>;

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: SchemePrivileges }>): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** What a Bluetooth pairing handler answers: confirmed false refuses the pairing. */
export interface BluetoothPairingResponse {
  confirmed: boolean;
  pin?: string | null;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  /** Windows and Linux: a device that asks for a PIN or a confirmation to pair. */
  setBluetoothPairingHandler(
    handler: (details: unknown, callback: (response: BluetoothPairingResponse) => void) => void,
  ): void;
  /** navigator.serial.requestPort(): callback('') cancels. */
  on(
    event: 'select-serial-port',
    listener: (event: PreventableEvent, portList: unknown[], webContents: unknown, callback: (portId: string) => void) => void,
  ): unknown;
  /** navigator.hid.requestDevice(): callback with no device cancels. */
  on(
    event: 'select-hid-device',
    listener: (event: PreventableEvent, details: unknown, callback: (deviceId?: string | null) => void) => void,
  ): unknown;
  /** navigator.usb.requestDevice(): callback() cancels. */
  on(
    event: 'select-usb-device',
    listener: (event: PreventableEvent, details: unknown, callback: (deviceId?: string) => void) => void,
  ): unknown;
}

export interface AppLike {
  enableSandbox(): void;
  readonly commandLine: { appendSwitch(name: string, value?: string): void };
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  quit(): void;
  exit(code?: number): void;
  /** Starts the app again once this process exits (app.exit() must follow). */
  relaunch(): void;
  /** Windows and macOS: whether the OS starts the app when this user logs in. */
  getLoginItemSettings(): { openAtLogin: boolean };
  /** Windows and macOS (the user's Run key on Windows); does nothing on Linux. */
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  on(event: 'child-process-gone', listener: (event: unknown, details: ChildProcessGoneDetails) => void): unknown;
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  readonly id: number;
  /** In DIP, like BrowserWindow bounds; a display left of or above the primary has negative x/y. */
  readonly bounds: Rectangle;
}

/** Electron's screen module; usable only after app 'ready'. */
export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
  on(event: 'display-added', listener: (event: unknown, display: DisplayLike) => void): unknown;
  on(event: 'display-removed', listener: (event: unknown, display: DisplayLike) => void): unknown;
}

export interface ElectronModule {
  app: AppLike;
  BrowserWindow: BrowserWindowCtor;
  ipcMain: IpcMainLike;
  protocol: ProtocolLike;
  session: { readonly defaultSession: SessionLike };
  Menu: { setApplicationMenu(menu: null): void };
  dialog: { showErrorBox(title: string, content: string): void };
  screen: ScreenLike;
}
