// A deb till: /opt and dpkg are root's and the till never runs as root, so the install is handed to the root
// service the package sets up (resources/installer/deb-after-install.sh: nuqta-pos-update.path watching the
// request file, nuqta-pos-update.service running ./apply-deb.ts). The till writes a request and waits for the
// answer. dpkg replaces files by rename, so the running till is not in the way: on success it registers its
// own relaunch and the caller quits it onto the new version; on failure it keeps running on the old one.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UpdateError, updateErrorCatalog, type UpdateErrorCode } from '../errors';
import type { StagedUpdate } from '../staging';
import type { DebPaths, DebResult } from './deb-paths';

export interface DebInstallerDeps {
  paths: DebPaths;
  /** Starts the till again once it has quit (Electron: app.relaunch). */
  relaunch(): void;
  /** Longer than the service's own limit (TimeoutStartSec=30min), so a slow install is not given up on first. */
  timeoutMs?: number;
  pollMs?: number;
}

const inside = (file: string, dir: string): boolean => {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

function readResult(file: string): DebResult | null {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > 16 * 1024) return null;
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DebResult>;
    if (!['installed', 'nothing-staged', 'failed'].includes(String(r.outcome))) return null;
    return {
      id: typeof r.id === 'string' ? r.id : null,
      outcome: r.outcome as DebResult['outcome'],
      version: typeof r.version === 'string' ? r.version : null,
      code: typeof r.code === 'string' ? r.code : null,
      message: typeof r.message === 'string' ? r.message.slice(0, 500) : '',
    };
  } catch {
    return null; // not there yet, or being replaced
  }
}

export function debInstaller(deps: DebInstallerDeps) {
  const { paths } = deps;
  return {
    kind: 'deb' as const,
    async prepare(update: StagedUpdate): Promise<void> {
      if (!fs.existsSync(paths.pathUnit) || !fs.existsSync(paths.updatesDir)) {
        throw new UpdateError('UPDATE_DEB_NO_SERVICE', `${paths.pathUnit} or ${paths.updatesDir} is missing; install ${update.installerPath} with sudo apt install`);
      }
      let writable = true;
      try {
        fs.accessSync(paths.updatesDir, fs.constants.W_OK | fs.constants.R_OK | fs.constants.X_OK);
      } catch {
        writable = false;
      }
      // Staged in the data folder means the shared folder was not writable when the till started: the root service
      // would not find it there.
      if (!writable || !inside(update.installerPath, paths.updatesDir)) {
        throw new UpdateError('UPDATE_DEB_NOT_IN_GROUP', `${paths.updatesDir} is not this user's to write (staged at ${update.installerPath})`);
      }
    },
    async launch(update: StagedUpdate): Promise<void> {
      const id = randomBytes(16).toString('hex');
      const tmp = path.join(paths.updatesDir, `.install-request-${id}`);
      try {
        fs.writeFileSync(tmp, `${JSON.stringify({ id, version: update.version })}\n`, { flag: 'wx', mode: 0o640 });
        fs.renameSync(tmp, paths.requestFile); // appears whole: the path unit starts the service on its existence
      } catch (e) {
        fs.rmSync(tmp, { force: true });
        throw new UpdateError('UPDATE_DEB_NOT_IN_GROUP', `the request could not be written: ${(e as Error).message}`);
      }
      const deadline = Date.now() + (deps.timeoutMs ?? 35 * 60_000);
      let result: DebResult | null = null;
      while (Date.now() < deadline) {
        const r = readResult(paths.resultFile);
        if (r && r.id === id) {
          result = r;
          break;
        }
        await sleep(deps.pollMs ?? 500);
      }
      if (!result) {
        // Never picked up (the path unit is stopped): a request left behind would install at some later moment.
        fs.rmSync(paths.requestFile, { force: true });
        throw new UpdateError('UPDATE_DEB_TIMEOUT', `no answer from nuqta-pos-update.service for update ${update.version}`);
      }
      if (result.outcome === 'installed') {
        deps.relaunch();
        return;
      }
      if (result.outcome === 'nothing-staged') throw new UpdateError('UPDATE_NOTHING_STAGED', result.message);
      // The service's own reason when it is one of ours (a swapped file is UPDATE_FILE_MISMATCH), else apt's failure.
      const code = result.code !== null && result.code in updateErrorCatalog.text ? (result.code as UpdateErrorCode) : 'UPDATE_DEB_FAILED';
      throw new UpdateError(code, `the update service: ${result.message}`);
    },
  };
}
