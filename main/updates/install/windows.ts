// Windows: a per-machine install needs an administrator, and the till's Windows user is not one. The NSIS
// installer registers two scheduled tasks (resources/installer/update-task.nsh): "Nuqta POS Update", run as
// SYSTEM, which starts this app with --apply-staged-update (./apply-staged.ts: verify again, copy to a folder only
// SYSTEM can write, check Authenticode, install silently), and "Nuqta POS Start", run as the signed-in user,
// which starts the till again afterwards. The till itself only checks the installer's signature and triggers the
// first task; where the task is missing (an install made before it existed), it runs the installer itself, which
// works only for a user who may elevate — and says so in the log.
import type { StagedUpdate } from '../staging';
import { UpdateError } from '../errors';
import { checkAuthenticode } from './authenticode';
import type { LaunchDetached, RunCommand } from './run';

export const UPDATE_TASK = 'Nuqta POS Update';
export const START_TASK = 'Nuqta POS Start';

export interface WindowsInstallerDeps {
  run: RunCommand;
  launch: LaunchDetached;
  /** The code-signing certificate's common name (electron-builder's win.signtoolOptions.publisherName). */
  publisher: string;
  log: { warn(message: string, detail?: unknown): void };
  powershell?: string;
  schtasks?: string;
  taskName?: string;
}

export function windowsInstaller(deps: WindowsInstallerDeps) {
  const schtasks = deps.schtasks ?? 'schtasks.exe';
  return {
    kind: 'windows' as const,
    prepare: (update: StagedUpdate) => checkAuthenticode(update.installerPath, deps.publisher, deps.run, deps.powershell),
    async launch(update: StagedUpdate): Promise<void> {
      const task = await deps.run(schtasks, ['/Run', '/TN', deps.taskName ?? UPDATE_TASK]);
      if (task.code === 0) return;
      deps.log.warn(`the update task could not be started (${task.code}: ${task.stderr.trim().slice(0, 200)}); running the installer directly, which needs a user who may elevate`);
      try {
        await deps.launch(update.installerPath, ['/S', '--force-run']);
      } catch (e) {
        throw new UpdateError('UPDATE_INSTALL_FAILED', (e as Error).message);
      }
    },
  };
}
