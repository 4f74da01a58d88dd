// The install step, per platform: Windows through its scheduled tasks, an AppImage by replacing the file, a deb by
// the administrator's package manager (root owns /opt and dpkg; the till never runs as root), and nothing at all
// in the browser host. `prepare` checks what can be checked while nothing has changed; `launch` hands over, and
// the caller then quits the till.
import type { StagedUpdate } from '../staging';
import { UpdateError } from '../errors';
import { appImageInstaller } from './appimage';
import { windowsInstaller } from './windows';

export interface Installer {
  readonly kind: 'windows' | 'appimage' | 'deb' | 'none';
  prepare(update: StagedUpdate): Promise<void>;
  launch(update: StagedUpdate): Promise<void>;
}

const refuse = (kind: 'deb' | 'none'): Installer => {
  const code = kind === 'deb' ? 'UPDATE_INSTALL_BY_ADMIN' : 'UPDATE_INSTALL_UNAVAILABLE';
  return {
    kind,
    prepare: (update) => Promise.reject(new UpdateError(code, update.installerPath)),
    launch: (update) => Promise.reject(new UpdateError(code, update.installerPath)),
  };
};

export const noInstaller: Installer = refuse('none');
export const debInstaller: Installer = refuse('deb');

export { appImageInstaller, windowsInstaller };
export { applyStagedUpdate, type ApplyOutcome, type ApplyStagedDeps } from './apply-staged';
export { checkAuthenticode, commonName } from './authenticode';
export { runCommand, launchDetached, type RunCommand, type LaunchDetached, type CommandResult } from './run';
export { UPDATE_TASK, START_TASK } from './windows';
