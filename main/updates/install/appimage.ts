// Linux AppImage: the app is one file, owned by the till's user, so no elevation is needed. The staged AppImage is
// copied next to the running one, checked against the signed size and sha256 once more, made executable and
// renamed over it in one step (a crash leaves the old file or the new one, never half of either), then started;
// the caller quits the running till.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UpdateError } from '../errors';
import { copyVerified } from './copy-verified';
import type { StagedUpdate } from '../staging';
import type { LaunchDetached } from './run';

export interface AppImageInstallerDeps {
  /** The running AppImage ($APPIMAGE, set by the AppImage runtime). */
  appImage: string;
  launch: LaunchDetached;
}

export function appImageInstaller(deps: AppImageInstallerDeps) {
  return {
    kind: 'appimage' as const,
    async prepare(): Promise<void> {
      try {
        fs.accessSync(path.dirname(deps.appImage), fs.constants.W_OK);
      } catch (e) {
        throw new UpdateError('UPDATE_DISK', `${path.dirname(deps.appImage)} is not writable: ${(e as Error).message}`);
      }
    },
    async launch(update: StagedUpdate): Promise<void> {
      // A name of its own per launch: two launches must never write, chmod or rename the same half-written file.
      const next = path.join(path.dirname(deps.appImage), `.${path.basename(deps.appImage)}.update-${process.pid}-${randomBytes(4).toString('hex')}`);
      fs.rmSync(next, { force: true });
      try {
        await copyVerified(update, next);
        fs.chmodSync(next, 0o755);
        const fd = fs.openSync(next, 'r');
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fs.renameSync(next, deps.appImage);
      } catch (e) {
        fs.rmSync(next, { force: true });
        throw e;
      }
      try {
        await deps.launch(deps.appImage, []);
      } catch (e) {
        throw new UpdateError('UPDATE_INSTALL_FAILED', `update ${update.version} is in place; starting it failed: ${(e as Error).message}`);
      }
    },
  };
}
