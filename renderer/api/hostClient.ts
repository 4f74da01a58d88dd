// The NuqtaApi over the browser host's WebSocket. Same methods, same Results, same events as the Electron
// preload; only the transport differs. The per-launch secret travels as the WebSocket subprotocol.
//
// A call never outlives its socket: if the link drops, every call in flight and every call made while it is
// down resolves to a CONNECTION_LOST error. Nothing is queued or resent, because a resent sale command (a
// scan, a tender) could act twice. After every reconnection the view re-reads the sale instead.
import './zodJitless'; // Before the wire schemas are built; see there.
import type { NuqtaApi, NuqtaCalls, Result } from '../../preload/contract/api';
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../preload/contract/methods';
import { SALE_REPLY_METHODS } from '../../preload/contract/sale-replies';
import { SECRET_PROTOCOL_PREFIX, ServerFrame, WS_PATH } from '../../preload/contract/wire';
import { clientError } from '../i18n/messages';
import { backoffDelay } from './backoff';
import type { Carrier, Connection, ConnectionState } from './carrier';

export interface SocketHandlers {
  onOpen(): void;
  onMessage(data: string): void;
  onClose(): void;
}

export interface SocketLink {
  send(data: string): void;
  close(): void;
}

/** Opens a socket; injected so the client can be tested without a network. Handlers fire asynchronously. */
export type SocketFactory = (url: string, protocols: string[], handlers: SocketHandlers) => SocketLink;

export interface HostClientOptions {
  url: string;
  secret: string | null;
  createSocket: SocketFactory;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  delayFor?: (attempt: number) => number;
}

export interface HostCarrier extends Carrier {
  /** Closes the socket for good (tests, page teardown). */
  dispose(): void;
}

export const browserSocket: SocketFactory = (url, protocols, handlers) => {
  const ws = new WebSocket(url, protocols);
  ws.onopen = () => handlers.onOpen();
  ws.onmessage = (e: MessageEvent) => {
    if (typeof e.data === 'string') handlers.onMessage(e.data);
  };
  ws.onclose = () => handlers.onClose();
  return { send: (data) => ws.send(data), close: () => ws.close() };
};

/** `ws://<host>/rpc` for the page's own origin. */
export function hostSocketUrl(loc: Pick<Location, 'host'>): string {
  return `ws://${loc.host}${WS_PATH}`;
}

/** Reads `#secret=<hex>` from the fragment; it stays there so a reload can reconnect. */
export function readSecret(hash: string): string | null {
  const secret = new URLSearchParams(hash.replace(/^#/, '')).get('secret');
  return secret && /^[0-9a-fA-F]+$/.test(secret) ? secret : null;
}

type AnyResult = Result<unknown>;
type Listener = (payload: unknown) => void;

export function createHostClient(options: HostClientOptions): HostCarrier {
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const delayFor = options.delayFor ?? backoffDelay;

  let state: ConnectionState = 'connecting';
  let link: SocketLink | null = null;
  let open = false;
  let attempt = 0;
  let timer: unknown = null;
  let disposed = false;
  let nextId = 1;
  const pending = new Map<number, { method: MethodName; resolve: (result: AnyResult) => void }>();
  const stateListeners = new Set<() => void>();
  const connectedListeners = new Set<() => void>();
  const eventListeners = new Map<string, Set<Listener>>();

  const setState = (next: ConnectionState): void => {
    if (state === next) return;
    state = next;
    for (const l of [...stateListeners]) l();
  };

  const failPending = (): void => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const { resolve } of waiting) resolve({ ok: false, error: clientError('CONNECTION_LOST') });
  };

  const handleFrame = (data: string): void => {
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = ServerFrame.safeParse(raw);
    if (!parsed.success) return;
    const frame = parsed.data;
    if (frame.kind === 'reply') {
      const call = pending.get(frame.id);
      if (!call) return;
      pending.delete(frame.id);
      // The host does not send the caller the saleChanged its call raised when the reply is that sale: heard
      // here, before the caller's own continuation, as the event used to arrive (preload/contract/sale-replies.ts).
      if (frame.result.ok && SALE_REPLY_METHODS.has(call.method)) raise('saleChanged', frame.result.value);
      call.resolve(frame.result);
      return;
    }
    raise(frame.event, frame.payload);
  };

  const raise = (event: string, payload: unknown): void => {
    for (const l of [...(eventListeners.get(event) ?? [])]) l(payload);
  };

  const scheduleReconnect = (): void => {
    if (disposed || timer !== null) return;
    timer = setTimer(() => {
      timer = null;
      connect();
    }, delayFor(attempt));
    attempt += 1;
  };

  const dropped = (socket: SocketLink | null): void => {
    if (socket !== link) return; // A late close from a socket we already replaced.
    link = null;
    open = false;
    failPending();
    // "lost" stays up through the retries (no flicker) until a socket opens again.
    setState('lost');
    scheduleReconnect();
  };

  function connect(): void {
    if (disposed) return;
    if (!options.secret) {
      setState('lost'); // No secret, no host to talk to: nothing will ever authenticate.
      return;
    }
    let socket: SocketLink | null = null;
    try {
      socket = options.createSocket(options.url, [`${SECRET_PROTOCOL_PREFIX}${options.secret}`], {
        onOpen: () => {
          if (socket !== link) return;
          open = true;
          attempt = 0;
          setState('connected');
          for (const l of [...connectedListeners]) l();
        },
        onMessage: (data) => {
          if (socket === link) handleFrame(data);
        },
        onClose: () => dropped(socket),
      });
      link = socket;
    } catch {
      link = null;
      scheduleReconnect();
    }
  }

  const call = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> =>
    new Promise((resolve) => {
      const done = resolve as (r: AnyResult) => void;
      if (!open || !link) {
        done({ ok: false, error: clientError('CONNECTION_LOST') });
        return;
      }
      const id = nextId++;
      pending.set(id, { method, resolve: done });
      try {
        link.send(JSON.stringify({ kind: 'call', id, method, input }));
      } catch {
        pending.delete(id);
        done({ ok: false, error: clientError('CONNECTION_LOST') });
      }
    });

  const on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): (() => void) => {
    const set = eventListeners.get(event) ?? new Set<Listener>();
    eventListeners.set(event, set);
    // Main validated the payload against the contract before sending it.
    const wrapped: Listener = (payload) => listener(payload as EventPayload<E>);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  };

  // Spelled out rather than generated from the contract's method list so the contract's runtime schemas stay
  // out of the view's bundle; the NuqtaCalls type still fails the build if a method is missing here.
  const calls: NuqtaCalls = {
    getTill: (input) => call('getTill', input),
    setTraining: (input) => call('setTraining', input),
    listPracticeScenarios: (input) => call('listPracticeScenarios', input),
    startPractice: (input) => call('startPractice', input),
    checkPractice: (input) => call('checkPractice', input),
    setPreferences: (input) => call('setPreferences', input),
    getSale: (input) => call('getSale', input),
    scanBarcode: (input) => call('scanBarcode', input),
    addProduct: (input) => call('addProduct', input),
    setQuantity: (input) => call('setQuantity', input),
    removeLine: (input) => call('removeLine', input),
    setLineDiscount: (input) => call('setLineDiscount', input),
    setSaleDiscount: (input) => call('setSaleDiscount', input),
    overridePrice: (input) => call('overridePrice', input),
    voidSale: (input) => call('voidSale', input),
    tenderCash: (input) => call('tenderCash', input),
    searchCatalog: (input) => call('searchCatalog', input),
    getReceipt: (input) => call('getReceipt', input),
    payCard: (input) => call('payCard', input),
    payStcPay: (input) => call('payStcPay', input),
    submitStcPayOtp: (input) => call('submitStcPayOtp', input),
    cancelCardPayment: (input) => call('cancelCardPayment', input),
    recoverPayment: (input) => call('recoverPayment', input),
    resolvePayment: (input) => call('resolvePayment', input),
    reverseCardPayment: (input) => call('reverseCardPayment', input),
    getReturnable: (input) => call('getReturnable', input),
    returnSale: (input) => call('returnSale', input),
    getTerminalStatus: (input) => call('getTerminalStatus', input),
    checkTerminal: (input) => call('checkTerminal', input),
    repeatLastTransaction: (input) => call('repeatLastTransaction', input),
    settleTerminal: (input) => call('settleTerminal', input),
    getHealth: (input) => call('getHealth', input),
    checkHealth: (input) => call('checkHealth', input),
    getPrinterStatus: (input) => call('getPrinterStatus', input),
    listPrintJobs: (input) => call('listPrintJobs', input),
    retryPrintJob: (input) => call('retryPrintJob', input),
    cancelPrintJob: (input) => call('cancelPrintJob', input),
    reprintReceipt: (input) => call('reprintReceipt', input),
    reprintReturn: (input) => call('reprintReturn', input),
    getReceiptImage: (input) => call('getReceiptImage', input),
    listReceipts: (input) => call('listReceipts', input),
    openDrawer: (input) => call('openDrawer', input),
    getSettings: (input) => call('getSettings', input),
    updateSettings: (input) => call('updateSettings', input),
    commissioningStep: (input) => call('commissioningStep', input),
    getCommissioningReport: (input) => call('getCommissioningReport', input),
    // E-invoicing admin
    getEinvoicing: (input) => call('getEinvoicing', input),
    onboardEinvoicing: (input) => call('onboardEinvoicing', input),
    renewEinvoicing: (input) => call('renewEinvoicing', input),
    listEinvoices: (input) => call('listEinvoices', input),
    getUpdates: (input) => call('getUpdates', input),
    checkUpdates: (input) => call('checkUpdates', input),
    downloadUpdate: (input) => call('downloadUpdate', input),
    importUpdateFolder: (input) => call('importUpdateFolder', input),
    installUpdate: (input) => call('installUpdate', input),
    // Shifts and cash
    getShift: (input) => call('getShift', input),
    openShift: (input) => call('openShift', input),
    cashMovement: (input) => call('cashMovement', input),
    closeShift: (input) => call('closeShift', input),
    approveShiftClose: (input) => call('approveShiftClose', input),
    listWaitingReturns: (input) => call('listWaitingReturns', input),
    settleReturnRequest: (input) => call('settleReturnRequest', input),
    payReturnCash: (input) => call('payReturnCash', input),
    findSalesOfItem: (input) => call('findSalesOfItem', input),
    getStoreCredit: (input) => call('getStoreCredit', input),
    voidStoreCredit: (input) => call('voidStoreCredit', input),
    setSaleBuyer: (input) => call('setSaleBuyer', input),
    removeSaleBuyer: (input) => call('removeSaleBuyer', input),
    clearTaxInvoice: (input) => call('clearTaxInvoice', input),
    issueSimplifiedInstead: (input) => call('issueSimplifiedInstead', input),
    reissueRejectedEinvoice: (input) => call('reissueRejectedEinvoice', input),
    getXReport: (input) => call('getXReport', input),
    closeDay: (input) => call('closeDay', input),
    backupForClosing: (input) => call('backupForClosing', input),
    listZReports: (input) => call('listZReports', input),
    getSalesReport: (input) => call('getSalesReport', input),
    currentUser: (input) => call('currentUser', input),
    signIn: (input) => call('signIn', input),
    signOut: (input) => call('signOut', input),
    startTotpEnrolment: (input) => call('startTotpEnrolment', input),
    confirmTotpEnrolment: (input) => call('confirmTotpEnrolment', input),
    listUsers: (input) => call('listUsers', input),
    addUser: (input) => call('addUser', input),
    addFirstAdmin: (input) => call('addFirstAdmin', input),
    changeUser: (input) => call('changeUser', input),
    presentApproverBadge: (input) => call('presentApproverBadge', input),
    dropApproverBadge: (input) => call('dropApproverBadge', input),
    parkSale: (input) => call('parkSale', input),
    listParkedSales: (input) => call('listParkedSales', input),
    exportXReport: (input) => call('exportXReport', input),
    exportZReport: (input) => call('exportZReport', input),
    listAudit: (input) => call('listAudit', input),
    exportAudit: (input) => call('exportAudit', input),
    recallSale: (input) => call('recallSale', input),
    voidParkedSale: (input) => call('voidParkedSale', input),
  };
  const api: NuqtaApi = {
    ...calls,
    onSaleChanged: (listener) => on('saleChanged', listener),
    onPaymentProgress: (listener) => on('paymentProgress', listener),
    onTerminalStatusChanged: (listener) => on('terminalStatusChanged', listener),
    onPrintJobsChanged: (listener) => on('printJobsChanged', listener),
    onPrinterStatusChanged: (listener) => on('printerStatusChanged', listener),
    onScanRejected: (listener) => on('scanRejected', listener),
    onSaleCompleted: (listener) => on('saleCompleted', listener),
    onPreferencesChanged: (listener) => on('preferencesChanged', listener),
    onTrainingChanged: (listener) => on('trainingChanged', listener),
  };

  const connection: Connection = {
    getState: () => state,
    subscribe: (listener) => {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
    onConnected: (listener) => {
      let live = true;
      const wrapped = (): void => {
        if (live) listener();
      };
      connectedListeners.add(wrapped);
      if (state === 'connected') queueMicrotask(wrapped);
      return () => {
        live = false;
        connectedListeners.delete(wrapped);
      };
    },
  };

  connect();

  return {
    api,
    connection,
    dispose() {
      disposed = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
      const socket = link;
      link = null;
      open = false;
      failPending();
      socket?.close();
    },
  };
}
