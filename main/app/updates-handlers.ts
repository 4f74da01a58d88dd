// The admin screen's Updates tab: what runs, what the feed offers, what is staged and whether it may go in now.
// main/updates does the work; this maps it to the contract. Every call is guarded by the manager PIN. Installing
// asks the policy once more with the admin's "now" (the till's state still decides: never mid-sale, never with
// a payment in doubt or invoices unreported), checks what the platform's installer can check while nothing has
// changed, answers, and only then hands over and closes the till.
import type { InstallAnswer, UpdateCheck, UpdateDecision, UpdatesStatus } from '../../preload/contract';
import type { ManagerAuth } from '../auth';
import type { Handlers } from '../ipc';
import type { SettingsStore } from '../settings';
import { isUpdateError, updateErrorCatalog, type Decision, type Installer, type StagedUpdate, type Updates, type UpdatePlatform } from '../updates';

export interface UpdatesAdminDeps {
  updates: Updates;
  installer: Installer;
  /** Runs after the answer is sent: the shell quits so the installer can replace the app. */
  onInstalling(): void;
  manager: ManagerAuth;
  settings: SettingsStore;
  currentVersion: string;
  platform: UpdatePlatform;
  log: { info(message: string): void; warn(message: string, detail?: unknown): void; error(message: string, detail?: unknown): void };
  now?: () => Date;
}

export type UpdatesAdminHandlers = Pick<Handlers, 'getUpdates' | 'checkUpdates' | 'downloadUpdate' | 'importUpdateFolder' | 'installUpdate'>;

function decisionView(decision: Decision | null): UpdateDecision {
  if (decision === null) return { kind: 'nothing-staged' };
  if (decision === 'never') return { kind: 'policy-off' };
  if (decision === 'apply-now' || decision === 'ask-admin') return { kind: 'may-install' };
  if ('wait' in decision) return { kind: 'wait', reasons: decision.reasons };
  return { kind: 'refuse', reason: decision.refuse };
}

const releaseOf = (u: Pick<StagedUpdate, 'version' | 'releasedAt' | 'notes' | 'size'>) => ({ version: u.version, releasedAt: u.releasedAt, notes: u.notes, size: u.size });

export function createUpdatesHandlers(deps: UpdatesAdminDeps): UpdatesAdminHandlers {
  const now = deps.now ?? (() => new Date());
  let lastCheck: UpdateCheck | null = null;
  let checkedAt: string | null = null;
  let installing = false;
  let inFlight: Promise<InstallAnswer> | null = null;

  /** An update failure is the tab's news (shown beside the check), not a failed call. */
  const failure = (e: unknown): UpdateCheck => {
    if (isUpdateError(e)) return { status: 'failed', error: e.toData() };
    deps.log.error('an update step failed unexpectedly', e);
    return { status: 'failed', error: updateErrorCatalog.data('UPDATE_FEED_UNREACHABLE') };
  };

  const status = async (): Promise<UpdatesStatus> => {
    const s = deps.settings.get();
    const ready = await deps.updates.readyToApply().catch((e: unknown) => {
      lastCheck = failure(e);
      return null;
    });
    return {
      currentVersion: deps.currentVersion,
      platform: deps.platform,
      installer: deps.installer.kind,
      policy: s.updates.policy,
      feedUrl: s.updates.feedUrl,
      opensAt: s.updates.opensAt,
      closesAt: s.updates.closesAt,
      check: lastCheck,
      checkedAt,
      staged: ready ? { ...releaseOf(ready.update), sha256: ready.update.sha256, signedBy: ready.update.signedBy, installerPath: ready.update.installerPath } : null,
      decision: decisionView(ready ? ready.decision : null),
    };
  };

  const remember = (check: UpdateCheck): void => {
    lastCheck = check;
    checkedAt = now().toISOString();
  };

  /** Asks the feed once and keeps what it said, or why it could not be asked. */
  const asking = async (ask: () => Promise<UpdateCheck>): Promise<void> => {
    try {
      remember(await ask());
    } catch (e) {
      remember(failure(e));
    }
  };

  /** The answers that carry no release: policy off, no feed, up to date. */
  const quiet = (r: { status: 'off' } | { status: 'no-feed' } | { status: 'up-to-date'; latest: string }): UpdateCheck =>
    r.status === 'up-to-date' ? { status: 'up-to-date', latest: r.latest } : { status: r.status };

  /** Decides once more in main with the admin's "now", checks what the platform can check, answers, then hands over. */
  async function install(): Promise<InstallAnswer> {
    const ready = await deps.updates.readyToApply({ adminConfirmed: true });
    if (!ready) return { outcome: 'refused', reasons: [updateErrorCatalog.data('UPDATE_NOTHING_STAGED')], status: await status() };
    const d = ready.decision;
    if (d !== 'apply-now') {
      const reasons = d === 'never' ? [updateErrorCatalog.data('UPDATE_NOT_NOW')] : d === 'ask-admin' ? [updateErrorCatalog.data('UPDATE_NOT_NOW')] : 'wait' in d ? d.reasons : [d.refuse];
      return { outcome: 'refused', reasons, status: await status() };
    }
    if (installing) return { outcome: 'installing', version: ready.update.version };
    try {
      await deps.installer.prepare(ready.update);
    } catch (e) {
      if (!isUpdateError(e)) deps.log.error('the update could not be prepared', e);
      const reason = isUpdateError(e) ? e.toData() : updateErrorCatalog.data('UPDATE_INSTALL_FAILED');
      return { outcome: 'refused', reasons: [reason], status: await status() };
    }
    installing = true;
    deps.log.info(`installing update ${ready.update.version} (admin at the till)`);
    // After the answer has gone: the view shows "installing" before the till closes.
    setTimeout(() => {
      deps.installer
        .launch(ready.update)
        .then(() => deps.onInstalling())
        .catch((e: unknown) => {
          installing = false;
          // The answer has gone ("installing"): the reason is the tab's news at its next look (a deb install fails
          // while the till stays open, unlike an installer that replaces it).
          remember(failure(e));
          deps.log.error(`the installer of update ${ready.update.version} could not be started; the till runs on`, e);
        });
    }, 250);
    return { outcome: 'installing', version: ready.update.version };
  }

  return {
    getUpdates: async ({ managerPin }) => {
      deps.manager.check(managerPin);
      return status();
    },

    checkUpdates: async ({ managerPin }) => {
      deps.manager.check(managerPin);
      await asking(async () => {
        const r = await deps.updates.check();
        return r.status === 'available' ? { status: 'available', release: releaseOf(r) } : quiet(r);
      });
      return status();
    },

    downloadUpdate: async ({ managerPin }) => {
      deps.manager.check(managerPin);
      await asking(async () => {
        const r = await deps.updates.download();
        return r.status === 'staged' ? { status: 'available', release: releaseOf(r.update) } : quiet(r);
      });
      return status();
    },

    importUpdateFolder: async ({ managerPin, folder }) => {
      deps.manager.check(managerPin);
      try {
        const staged = await deps.updates.importFile(folder);
        deps.log.info(`update ${staged.version} imported from ${folder}`);
      } catch (e) {
        remember(failure(e));
      }
      return status();
    },

    installUpdate: async ({ managerPin }): Promise<InstallAnswer> => {
      deps.manager.check(managerPin);
      // One install at a time: a second "now" while the first is still checked (Windows' Authenticode check runs
      // PowerShell for a second or more) gets the first one's answer instead of handing over a second time.
      if (!inFlight) inFlight = install().finally(() => (inFlight = null));
      return inFlight;
    },
  };
}
