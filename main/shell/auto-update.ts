// The Electron side of updates: now and then, stage the latest signed release (main/updates decides whether
// there is one, under the update policy) and, only when the policy says "now" — automatic, outside opening
// hours, no sale open, no payment in doubt — start the installer and quit so it can replace the app.
//
// Windows only: the NSIS installer runs silently (/S) and starts the till again afterwards (--force-run). It is a
// per-machine install, so the till's Windows user must be allowed to elevate (docs/updates.md); if the installer
// cannot run, the till is not quit. A Linux package is installed by the package manager (deb) or by replacing the
// AppImage: the staged file is announced in the log, never run from here.
import type { RunningTill } from '../app';

export const AUTO_UPDATE_EVERY_MS = 15 * 60_000;

export interface AutoUpdateDeps {
  till: Pick<RunningTill, 'updates'>;
  app: { quit(): void };
  platform: NodeJS.Platform;
  /** Starts the installer detached from this process; throws when it cannot be started. */
  runInstaller(file: string, args: string[]): void;
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
    if (deps.platform !== 'win32') {
      if (announced !== ready.update.installerPath) deps.log.warn(`update ${ready.update.version} is staged at ${ready.update.installerPath}: install it with the package manager`);
      announced = ready.update.installerPath;
      return 'not-now';
    }
    try {
      deps.runInstaller(ready.update.installerPath, ['/S', '--force-run']);
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
