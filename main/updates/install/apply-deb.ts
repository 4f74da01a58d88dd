// What the root service runs on a deb till (nuqta-pos-update.service: `nuqta-pos --apply-staged-update`): the
// request taken, the staged update verified again by the caller's `staged()` (signed manifest, newer than this
// installed build, size and sha256), copied into the root-only update-run folder and verified there — so the
// till's user cannot swap the file between the check and the install —, installed with apt-get, and the outcome
// written where the till waits for it. Anything that fails installs nothing and says why in the result.
//
// apt-get rather than dpkg -i: apt checks the package's dependencies before it unpacks anything and refuses as a
// whole when one cannot be met, where dpkg -i unpacks first and leaves the till's package half-configured; apt
// also waits for a lock held by unattended-upgrades instead of failing at once.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UpdateError, isUpdateError } from '../errors';
import { copyVerified } from './copy-verified';
import type { StagedUpdate } from '../staging';
import type { RunCommand } from './run';
import { REQUEST_ID, type DebPaths, type DebResult } from './deb-paths';

export interface ApplyDebDeps {
  /** The staged update as the service reads and verifies it (Updates.staged, this build's keys and version). */
  staged(): Promise<StagedUpdate | null>;
  paths: DebPaths;
  run: RunCommand;
  log: { info(message: string): void; warn(message: string, detail?: unknown): void };
  aptGet?: string;
  installTimeoutMs?: number;
}

/** apt-get takes a local package only by a path ending in .deb; a fixed name keeps the manifest's name off the command line. */
export const DEB_COPY_NAME = 'nuqta-pos-update.deb';

/**
 * The id in the till's request, and the request removed (so the path unit does not start the service again). The
 * folder is the till user's to write: the file is opened without following a link and without blocking on a
 * FIFO, and only a small regular file is read.
 */
function takeRequest(file: string): string | null {
  let id: string | null = null;
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    try {
      const st = fs.fstatSync(fd);
      if (st.isFile() && st.size <= 1024) {
        const body = JSON.parse(fs.readFileSync(fd, 'utf8')) as { id?: unknown };
        if (typeof body.id === 'string' && REQUEST_ID.test(body.id)) id = body.id;
      }
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // No request (an admin ran the service by hand) or an unreadable one: install anyway, answer without an id.
  }
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // A folder where the request should be: systemd's trigger limit stops the path unit; nothing is installed twice.
  }
  return id;
}

/** The result renamed into place whole: created new (O_EXCL never follows a link planted by the user), then moved. */
function writeResult(paths: DebPaths, result: DebResult): void {
  const tmp = path.join(paths.updatesDir, `.install-result-${process.pid}-${randomBytes(4).toString('hex')}`);
  fs.writeFileSync(tmp, `${JSON.stringify(result)}\n`, { flag: 'wx', mode: 0o644 });
  fs.chmodSync(tmp, 0o644); // the service's umask must not hide the answer from the till's user
  fs.renameSync(tmp, paths.resultFile);
}

/** A real folder (no link) that only its owner, this process's user, may enter: what the postinst makes. */
function rootOnly(dir: string): boolean {
  try {
    const st = fs.lstatSync(dir);
    return st.isDirectory() && (st.mode & 0o077) === 0 && st.uid === process.getuid?.();
  } catch {
    return false;
  }
}

function emptyDir(dir: string): void {
  for (const entry of fs.readdirSync(dir)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
}

async function install(update: StagedUpdate, deps: ApplyDebDeps): Promise<void> {
  const dir = deps.paths.runDir;
  if (!rootOnly(dir)) throw new UpdateError('UPDATE_INSTALL_FAILED', `${dir} is missing or not root-only (made by the package's postinst); nothing was run`);
  emptyDir(dir);
  const copy = path.join(dir, DEB_COPY_NAME);
  try {
    await copyVerified(update, copy);
    deps.log.info(`installing update ${update.version}`);
    const r = await deps.run(
      deps.aptGet ?? 'apt-get',
      ['install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', copy],
      { env: { DEBIAN_FRONTEND: 'noninteractive' }, timeoutMs: deps.installTimeoutMs ?? 20 * 60_000 },
    );
    if (r.code !== 0) throw new UpdateError('UPDATE_DEB_FAILED', `apt-get ended with ${r.code}: ${r.stderr.trim().slice(-400)}`);
  } finally {
    emptyDir(dir);
  }
}

export async function applyStagedDeb(deps: ApplyDebDeps): Promise<DebResult> {
  const id = takeRequest(deps.paths.requestFile);
  let version: string | null = null;
  let result: DebResult;
  try {
    const update = await deps.staged();
    if (!update) {
      result = { id, outcome: 'nothing-staged', version, code: null, message: 'no verified update newer than the installed build is staged' };
    } else {
      version = update.version;
      await install(update, deps);
      result = { id, outcome: 'installed', version, code: null, message: `update ${version} is installed` };
    }
  } catch (e) {
    deps.log.warn(`the staged update${version ? ` ${version}` : ''} was not installed`, e);
    result = { id, outcome: 'failed', version, code: isUpdateError(e) ? e.code : 'UPDATE_INSTALL_FAILED', message: (e as Error).message };
  }
  writeResult(deps.paths, result);
  return result;
}
