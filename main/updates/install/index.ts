// The install step, per platform: Windows through its scheduled tasks, an AppImage by replacing the file, a deb
// through the root update service its package sets up (the till never runs as root), and nothing at all in the
// browser host. `prepare` checks what can be checked while nothing has changed; `launch` hands over (a deb's
// waits for the install and registers the relaunch), and the caller then quits the till.
import type { StagedUpdate } from '../staging';
import { UpdateError } from '../errors';
import { appImageInstaller } from './appimage';
import { debInstaller } from './deb';
import { windowsInstaller } from './windows';

export interface Installer {
  readonly kind: 'windows' | 'appimage' | 'deb' | 'none';
  prepare(update: StagedUpdate): Promise<void>;
  launch(update: StagedUpdate): Promise<void>;
}

export const noInstaller: Installer = {
  kind: 'none',
  prepare: (update) => Promise.reject(new UpdateError('UPDATE_INSTALL_UNAVAILABLE', update.installerPath)),
  launch: (update) => Promise.reject(new UpdateError('UPDATE_INSTALL_UNAVAILABLE', update.installerPath)),
};

export { appImageInstaller, debInstaller, windowsInstaller };
export { applyStagedDeb, DEB_COPY_NAME, type ApplyDebDeps } from './apply-deb';
export { debPaths, type DebPaths, type DebResult } from './deb-paths';
export { applyStagedUpdate, type ApplyOutcome, type ApplyStagedDeps } from './apply-staged';
export { checkAuthenticode, commonName } from './authenticode';
export { runCommand, launchDetached, type RunCommand, type LaunchDetached, type CommandResult } from './run';
export { UPDATE_TASK, START_TASK } from './windows';
