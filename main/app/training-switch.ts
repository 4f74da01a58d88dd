// Switching a till into training and back (docs/training.md). The shells hold one RunningTill for the whole
// process; this is it. It carries the live till or the training till (a whole till of its own on
// <dataDir>/training/, ./training.ts) and, when a manager's setTraining has been answered, closes the one and
// opens the other: calls arriving meanwhile wait for the new till. The live ledger journals training.started
// before it closes and training.ended as it reopens, so its own record says when the till was in training.
// While training runs the live folder's lock stays taken, so no CLI or second till writes the live ledger then.
// A restart always opens the live till (journaling the training.ended a crash left out): training is a session.
import { acquireInstanceLock, type InstanceLock } from './instance-lock';
import { trainingDirOf, type TrainingEnd, type TrainingSeed } from './training';
import type { RunningTill, TillEventListener, TillOptions } from './types';


export interface TrainingRequest {
  on: boolean;
  by: string;
  /** Going into training: the live till's staff, catalog and settings, read before it closes. */
  seed?: TrainingSeed;
}

export type OpenTill = (options: TillOptions, onTrainingRequest: (request: TrainingRequest) => void) => Promise<RunningTill>;

/** The options of the training till: its own folder, its seed, the live till's timings; nothing that reaches outside. */
function trainingOptions(live: TillOptions, seed: TrainingSeed): TillOptions {
  return {
    host: live.host,
    dataDir: trainingDirOf(live.dataDir),
    seedCatalogCsv: null,
    provisionFile: null,
    training: seed,
    ...(live.log ? { log: live.log } : {}),
    ...(live.appVersion ? { appVersion: live.appVersion } : {}),
    ...(live.paymentRecoveryDelaysMs ? { paymentRecoveryDelaysMs: live.paymentRecoveryDelaysMs } : {}),
    ...(live.providerCheckMs !== undefined ? { providerCheckMs: live.providerCheckMs } : {}),
    ...(live.einvoiceQueueIntervalMs !== undefined ? { einvoiceQueueIntervalMs: live.einvoiceQueueIntervalMs } : {}),
    ...(live.einvoiceClearanceRetryMs !== undefined ? { einvoiceClearanceRetryMs: live.einvoiceClearanceRetryMs } : {}),
  };
}

export async function startSwitchableTill(options: TillOptions, open: OpenTill): Promise<RunningTill> {
  const listeners = new Set<TillEventListener>();
  const forward: TillEventListener = (event, payload) => {
    for (const l of listeners) l(event, payload);
  };
  let requested: TrainingRequest | null = null;
  const onRequest = (request: TrainingRequest) => {
    requested = request;
  };
  let current = await open(options, onRequest);
  let unsubscribe = current.subscribe(forward);
  let liveLock: InstanceLock | null = null;
  let switching: Promise<void> | null = null;
  let closed = false;

  const openLive = async (by: string, reason: TrainingEnd['reason']) => {
    liveLock?.release();
    liveLock = null;
    current = await open({ ...options, trainingEnded: { by, reason } }, onRequest);
    unsubscribe = current.subscribe(forward);
    forward('trainingChanged', { training: false });
  };

  const switchTo = async ({ on, by, seed }: TrainingRequest) => {
    unsubscribe();
    await current.close();
    if (!on || !seed) return openLive(by, 'left');
    liveLock = acquireInstanceLock(options.dataDir, 'till (in training)');
    try {
      current = await open(trainingOptions(options, seed), onRequest);
      unsubscribe = current.subscribe(forward);
      // The views that stay open (the customer display) hear it; the till's own screen reloads anyway.
      forward('trainingChanged', { training: true });
    } catch (e) {
      // A training till that cannot open must not leave the shop without its till.
      await openLive(by, 'failed');
      throw e;
    }
  };

  return {
    async dispatch(method, input) {
      while (switching) await switching;
      const answer = await current.dispatch(method, input);
      const request: TrainingRequest | null = requested;
      requested = null;
      if (request && !closed) {
        switching = switchTo(request)
          .catch((e: unknown) => (options.log ?? console).error('switching training mode failed', e))
          .finally(() => {
            switching = null;
          });
      }
      return answer;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dataDir: options.dataDir,
    shell: () => current.shell(),
    get updates() {
      return current.updates;
    },
    async close() {
      closed = true;
      while (switching) await switching;
      unsubscribe();
      await current.close();
      liveLock?.release();
      liveLock = null;
    },
  };
}
