// The Electron side of updates: now and then, stage the latest signed release (main/updates decides whether
// there is one, under the update policy) and, only when the policy says "now" — automatic, outside opening
// hours, no sale open, no payment in doubt, no invoice unreported — hand over to the platform's installer
// (main/updates/install: Windows' update task after an Authenticode check, the AppImage replaced in place, a deb
// through its root update service, which has registered the relaunch by then) and quit so it can replace the app
// or come back on the new one. Where nothing can install (no installer) the staged update is announced in the log
// once. An installer that cannot start, or a deb install that fails, leaves the till running.
import type { RunningTill } from '../app';
import type { Installer } from '../updates';

export const AUTO_UPDATE_EVERY_MS = 15 * 60_000;

export interface AutoUpdateDeps {
  till: Pick<RunningTill, 'updates'>;
  app: { quit(): void };
  installer: Installer;
  log: { warn(message: string, detail?: unknown): void; error(message: string, detail?: unknown): void };
  everyMs?: number;
}

export type AutoUpdateTick = 'installing' | 'not-now';

export function startAutoUpdate(deps: AutoUpdateDeps): { tick(): Promise<AutoUpdateTick>; stop(): void } {
  let running: Promise<AutoUpdateTick> | null = null;
  let announced: string | null = null;

  const once = async (): Promise<AutoUpdateTick> => {
    try {
      await deps.till.updates.download();
    } catch (e) {
      deps.log.warn('the update could not be downloaded; the till runs on', e);
    }
    const ready = await deps.till.updates.readyToApply();
    if (!ready || ready.decision !== 'apply-now') return 'not-now';
    if (deps.installer.kind === 'none') {
      if (announced !== ready.update.installerPath) deps.log.warn(`update ${ready.update.version} is staged at ${ready.update.installerPath}: this till cannot install it itself`);
      announced = ready.update.installerPath;
      return 'not-now';
    }
    try {
      await deps.installer.prepare(ready.update);
      await deps.installer.launch(ready.update);
    } catch (e) {
      deps.log.error(`the installer of update ${ready.update.version} could not be started; the till runs on`, e);
      return 'not-now';
    }
    deps.app.quit();
    return 'installing';
  };

  const tick = (): Promise<AutoUpdateTick> => {
    running ??= once()
      .catch((e: unknown) => {
        deps.log.warn('checking for an update failed; the till runs on', e);
        return 'not-now' as const;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void tick(), deps.everyMs ?? AUTO_UPDATE_EVERY_MS);
  timer.unref();
  return {
    tick,
    stop: () => clearInterval(timer),
  };
}
