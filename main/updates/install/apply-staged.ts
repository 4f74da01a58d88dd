// What the SYSTEM task runs (`Nuqta POS.exe --apply-staged-update`): the staged update, verified again (signed
// manifest, size and sha256), copied into a folder only SYSTEM and administrators can write and verified again
// there — so the till's user cannot swap the file between the check and the run —, its Authenticode signature
// checked on that copy, then installed silently and waited for. Afterwards the till is started again in the
// user's session through the user's own task. Anything that fails leaves the installed version as it was.
import fs from 'node:fs';
import path from 'node:path';
import { UpdateError } from '../errors';
import { copyVerified } from './copy-verified';
import type { StagedUpdate } from '../staging';
import { checkAuthenticode } from './authenticode';
import type { RunCommand } from './run';
import { START_TASK } from './windows';

export interface ApplyStagedDeps {
  /** The staged update as the service reads and verifies it (Updates.staged). */
  staged(): Promise<StagedUpdate | null>;
  /** A folder writable by SYSTEM and administrators only (created by the installer with that ACL). */
  protectedDir: string;
  run: RunCommand;
  publisher: string;
  log: { info(message: string): void; warn(message: string, detail?: unknown): void };
  powershell?: string;
  schtasks?: string;
  installerTimeoutMs?: number;
}

export type ApplyOutcome = 'nothing-staged' | 'installed';

function isDirectory(dir: string): boolean {
  try {
    return fs.lstatSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function emptyDir(dir: string): void {
  for (const entry of fs.readdirSync(dir)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
}

export async function applyStagedUpdate(deps: ApplyStagedDeps): Promise<ApplyOutcome> {
  const update = await deps.staged();
  if (!update) return 'nothing-staged';
  // The till closed itself to be replaced: whatever happens here, it is started again afterwards (the new
  // version, or the old one when nothing was installed), never left closed on the counter.
  try {
    await install(update, deps);
  } finally {
    const started = await deps.run(deps.schtasks ?? 'schtasks.exe', ['/Run', '/TN', START_TASK]);
    if (started.code !== 0) deps.log.warn(`the till could not be started again after update ${update.version} (${started.code}): it starts at the next sign-in`);
  }
  return 'installed';
}

async function install(update: StagedUpdate, deps: ApplyStagedDeps): Promise<void> {
  // The folder's protection is its ACL, set by the installer (update-task.nsh: icacls /inheritance:r). It is
  // emptied, never removed and made again: a new folder would inherit %ProgramData%'s rights, under which Users
  // may create entries in it — a DLL beside an installer that runs as SYSTEM.
  if (!isDirectory(deps.protectedDir)) throw new UpdateError('UPDATE_INSTALL_FAILED', `${deps.protectedDir} is missing (made by the installer); nothing was run`);
  emptyDir(deps.protectedDir);
  const copy = path.join(deps.protectedDir, path.basename(update.installerPath));
  try {
    await copyVerified(update, copy);
    fs.chmodSync(copy, 0o700); // run by its owner only (Windows ignores the mode; the folder's ACL protects it)
    await checkAuthenticode(copy, deps.publisher, deps.run, deps.powershell);
    deps.log.info(`installing update ${update.version}`);
    const installed = await deps.run(copy, ['/S'], { timeoutMs: deps.installerTimeoutMs ?? 15 * 60_000 });
    if (installed.code !== 0) throw new UpdateError('UPDATE_INSTALL_FAILED', `the installer of ${update.version} ended with ${installed.code}`);
  } finally {
    emptyDir(deps.protectedDir);
  }
}
