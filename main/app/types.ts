// What a running till offers to whichever shell carries it (Electron window or browser host).
import type { Installer, TrustedKey, UpdateFetch, Updates } from '../updates';
import type { EventName, EventPayload, TillInfo } from '../../preload/contract';
import type { Dispatch } from '../ipc';
import type { SecretStore } from '../secrets';
import type { TillLog } from '../logging';
import type { TillSimulators } from '../sim';
import type { TrainingEnd, TrainingSeed } from './training';

export type HostKind = TillInfo['host'];

export type TillEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface RunningTill {
  /** Validates and runs one contract call. */
  dispatch: Dispatch;
  /** Subscribe to events for every view; returns the unsubscribe function. */
  subscribe(listener: TillEventListener): () => void;
  /** Absolute path of the data folder in use (ledger, settings, backups). */
  dataDir: string;
  /** What the Electron shell takes from the settings: kiosk mode, and when to show the customer screen. */
  shell(): { kiosk: boolean; customerScreen: 'auto' | 'always' | 'off' };
  /** The update service (main/updates): the Electron shell asks it when to install a staged release. */
  updates: Updates;
  /** Flushes and closes the ledger; releases the single-instance lock. */
  close(): Promise<void>;
}

export interface TillOptions {
  host: HostKind;
  /** Folder holding till.db; created if missing. */
  dataDir: string;
  /** Catalog CSV to seed an empty till with; defaults to the demo catalog in resources/. */
  seedCatalogCsv?: string | null;
  /** Pauses between background inquiries about an unknown card payment (tests shorten them). */
  paymentRecoveryDelaysMs?: readonly number[];
  /** Where provider credentials are sealed; default: the key-file store in the data folder (host, CLI). */
  secrets?: SecretStore;
  /** How often STC Pay and cloud terminals are checked for the status light (default 30 s; 0 = never). */
  providerCheckMs?: number;
  /** Where the till logs; default: the data folder's rotated log file and stderr (main/logging). */
  log?: TillLog;
  /**
   * The provisioning file to apply at start when new (main/app/provisioning.ts); default: the platform's
   * (/etc/nuqta-pos/provision.json, %ProgramData%\Nuqta POS\provision.json, or NUQTA_PROVISION_FILE); null: none.
   */
  provisionFile?: string | null;
  /** The running app's version (Electron: app.getVersion()); default: package.json's. */
  appVersion?: string;
  /** The simulated devices behind `simulator` links; default: fresh ones (tests pass their own to reach them). */
  simulators?: TillSimulators;
  /** How often the e-invoice reporting queue looks for work besides after each sale (default 60 s; the bench shortens it). */
  einvoiceQueueIntervalMs?: number;
  /** Tests: the wait before a standard invoice's clearance is tried again (default: the queue's back-off, 30 s doubling). */
  einvoiceClearanceRetryMs?: number;
  /** Where updates are staged; default: the data folder's updates/ (a Windows till: %ProgramData%, for the SYSTEM task). */
  updatesDir?: string;
  /** How this till installs a staged update (the Electron shell's platform installer); default: none (browser host, CLI). */
  installer?: Installer;
  /** The admin said "install now" and the installer is running: the shell quits so it can replace the app. */
  onInstalling?: () => void;
  /**
   * Set by the training switch only (./training-switch.ts): this till is the training till on <dataDir>/training,
   * made from the live till's settings, staff and catalog.
   */
  training?: TrainingSeed;
  /** Set by the training switch only: the live till reopens after a training session, which it journals as ended. */
  trainingEnded?: TrainingEnd;
  /** Tests only (in-process): release keys and a feed client trusting a test CA, instead of the build's own. */
  updateTrust?: { trustedKeys?: readonly TrustedKey[]; fetch?: UpdateFetch };
}
