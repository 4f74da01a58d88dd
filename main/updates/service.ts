// The updates service the shell holds: check the feed, download and stage the installer, import an offline
// folder, and say whether the staged update may be applied now. Installing it is ./install's, per platform,
// driven by the shell and the admin screen (docs/updates.md). Settings and the till's
// state are read through the functions handed in, at the moment of each call, so a change of policy or a sale
// that starts meanwhile is always seen.
import { UpdateError } from './errors';
import { fetchBytes, fetchToFile, httpsFetch, type UpdateFetch } from './fetch';
import { RELEASE_KEYS, loadKeys, type TrustedKey } from './keys';
import { MAX_MANIFEST_BYTES, importOffline, verifyOfflineFolder } from './offline';
import { whenToApply, type Decision, type TillState, type UpdatePolicy } from './policy';
import type { UpdatePlatform } from './platform';
import { fileFor, installerName } from './manifest';
import { isNewer, verifyManifest, verifyRelease, type ReleaseCheck } from './release';
import { MANIFEST_NAME, SIGNATURE_NAME, readStaged, stage, type StagedUpdate } from './staging';

/** The settings this service reads: `updates` and `timeZone` of TillSettings. */
export interface UpdateSettingsView {
  policy: UpdatePolicy;
  opensAt: string;
  closesAt: string;
  feedUrl: string | null;
  timeZone: string;
}

export interface UpdatesOptions {
  settings: () => UpdateSettingsView;
  /** The running version (Electron: app.getVersion()). */
  currentVersion: string;
  platform: UpdatePlatform;
  tillState: () => TillState;
  /** Where staged updates live (the data folder's `updates/`). */
  downloadDir: string;
  fetch?: UpdateFetch;
  now?: () => Date;
  /** Tests only: the keys to trust instead of RELEASE_KEYS. */
  trustedKeys?: readonly TrustedKey[];
  /** The release channel this till follows; a manifest for another is refused. */
  channel?: string;
  manifestTimeoutMs?: number;
  downloadIdleTimeoutMs?: number;
}

export type CheckResult =
  | { status: 'off' }
  | { status: 'no-feed' }
  | { status: 'up-to-date'; latest: string; signedBy: string }
  | { status: 'available'; version: string; releasedAt: string; notes: { ar: string; en: string }; size: number; signedBy: string };

export type DownloadResult = Exclude<CheckResult, { status: 'available' }> | { status: 'staged'; update: StagedUpdate; alreadyStaged: boolean };

export interface Ready {
  update: StagedUpdate;
  decision: Decision;
}

export interface Updates {
  /** Asks the feed what the latest release is (signed, for this channel); downloads nothing. */
  check(): Promise<CheckResult>;
  /** Downloads and stages the latest release when it is newer; a second call while one runs shares it. */
  download(): Promise<DownloadResult>;
  /** Verifies an offline update folder in place; copies and deletes nothing. */
  verifyFile(where: string): Promise<StagedUpdate>;
  /** Verifies an offline update folder and stages a verified copy of it. */
  importFile(where: string): Promise<StagedUpdate>;
  /** The staged update (verified again from disk), or null. */
  staged(): Promise<StagedUpdate | null>;
  /**
   * What the shell calls before installing: the staged update, verified again, and whether to apply it now.
   * Only 'apply-now' lets the shell quit and run `update.installerPath`. Null when nothing is staged.
   */
  readyToApply(options?: { adminConfirmed?: boolean }): Promise<Ready | null>;
}

const SIGNATURE_MAX_BYTES = 1024;

export function createUpdates(options: UpdatesOptions): Updates {
  const keys = loadKeys(options.trustedKeys ?? RELEASE_KEYS);
  const fetch = options.fetch ?? httpsFetch();
  const now = options.now ?? (() => new Date());
  const manifestTimeoutMs = options.manifestTimeoutMs ?? 15_000;
  const idleTimeoutMs = options.downloadIdleTimeoutMs ?? 60_000;
  const check: ReleaseCheck = { keys, currentVersion: options.currentVersion, platform: options.platform, channel: options.channel ?? 'stable' };

  const feedBase = (feedUrl: string): URL => {
    let url: URL;
    try {
      url = new URL(feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`);
    } catch {
      throw new UpdateError('UPDATE_NO_FEED', `not a URL: ${feedUrl}`);
    }
    if (url.protocol !== 'https:') throw new UpdateError('UPDATE_NOT_HTTPS', feedUrl);
    return url;
  };

  async function readFeed(base: URL) {
    const manifestBytes = await fetchBytes(fetch, new URL(MANIFEST_NAME, base), { maxBytes: MAX_MANIFEST_BYTES, timeoutMs: manifestTimeoutMs });
    if (manifestBytes === null) throw new UpdateError('UPDATE_FEED_UNREACHABLE', `${new URL(MANIFEST_NAME, base).href}: HTTP 404`);
    const signatureBytes = await fetchBytes(fetch, new URL(SIGNATURE_NAME, base), { maxBytes: SIGNATURE_MAX_BYTES, timeoutMs: manifestTimeoutMs });
    return { manifestBytes, signatureBytes };
  }

  /** The feed's signed release, or a status saying why there is nothing to fetch. */
  async function latest(): Promise<{ result: CheckResult; base?: URL; bytes?: { manifestBytes: Buffer; signatureBytes: Buffer | null } }> {
    const s = options.settings();
    if (s.policy === 'off') return { result: { status: 'off' } };
    if (s.feedUrl === null) return { result: { status: 'no-feed' } };
    const base = feedBase(s.feedUrl);
    const bytes = await readFeed(base);
    const { manifest, signedBy } = verifyManifest(bytes.manifestBytes, bytes.signatureBytes, check);
    if (!isNewer(manifest, options.currentVersion)) return { result: { status: 'up-to-date', latest: manifest.version, signedBy } };
    const file = fileFor(manifest, options.platform);
    installerName(file); // a file name that could leave the staging folder is refused at check time already
    return {
      result: { status: 'available', version: manifest.version, releasedAt: manifest.releasedAt, notes: manifest.notes, size: file.size, signedBy },
      base,
      bytes,
    };
  }

  async function stagedOrNull(): Promise<StagedUpdate | null> {
    try {
      return await readStaged(options.downloadDir, check);
    } catch {
      // readStaged has removed what failed; a fresh download replaces it.
      return null;
    }
  }

  async function downloadLatest(): Promise<DownloadResult> {
    const { result, base, bytes } = await latest();
    if (result.status !== 'available' || !base || !bytes) return result as Exclude<CheckResult, { status: 'available' }>;
    const release = verifyRelease(bytes.manifestBytes, bytes.signatureBytes, check);
    const already = await stagedOrNull();
    if (already && already.version === release.manifest.version && already.sha256 === release.file.sha256) {
      return { status: 'staged', update: already, alreadyStaged: true };
    }
    const url = new URL(release.file.url, base);
    const update = await stage(
      options.downloadDir,
      release,
      options.platform,
      (target) => fetchToFile(fetch, url, target, { maxBytes: release.file.size, idleTimeoutMs }),
      'UPDATE_FILE_MISMATCH',
    );
    return { status: 'staged', update, alreadyStaged: false };
  }

  let running: Promise<DownloadResult> | null = null;

  return {
    check: async () => (await latest()).result,
    download() {
      running ??= downloadLatest().finally(() => {
        running = null;
      });
      return running;
    },
    async verifyFile(where) {
      const { release, installerPath } = await verifyOfflineFolder(where, check);
      const m = release.manifest;
      return {
        version: m.version,
        channel: m.channel,
        releasedAt: m.releasedAt,
        notes: m.notes,
        platform: options.platform,
        signedBy: release.signedBy,
        installerPath,
        size: release.file.size,
        sha256: release.file.sha256,
      };
    },
    importFile: (where) => importOffline(where, options.downloadDir, check),
    staged: () => readStaged(options.downloadDir, check),
    async readyToApply(opts = {}) {
      const update = await readStaged(options.downloadDir, check);
      if (!update) return null;
      const s = options.settings();
      const decision = whenToApply({
        policy: s.policy,
        opensAt: s.opensAt,
        closesAt: s.closesAt,
        timeZone: s.timeZone,
        now: now(),
        till: options.tillState(),
        update: { version: update.version, currentVersion: options.currentVersion, signedBy: update.signedBy },
        ...(opts.adminConfirmed ? { adminConfirmed: true } : {}),
      });
      return { update, decision };
    },
  };
}
