// The one update waiting to be installed: `<downloadDir>/staged/` holds the signed latest.json, its .sig and the
// installer, all three as verified. A new one is assembled in `incoming-*` and renamed into place only once its
// installer matches the signed size and sha256, so `staged/` never holds a half-written or unverified file; an
// installer that does not match is deleted with its folder.
import fs from 'node:fs';
import path from 'node:path';
import { UpdateError, isUpdateError } from './errors';
import { hashFile, type Written } from './hashed-write';
import type { UpdatePlatform } from './platform';
import { verifyRelease, type ReleaseCheck, type VerifiedRelease } from './release';

export const MANIFEST_NAME = 'latest.json';
export const SIGNATURE_NAME = 'latest.json.sig';
const STAGED = 'staged';

/** A verified update on disk, ready for the shell's install step. */
export interface StagedUpdate {
  version: string;
  channel: string;
  releasedAt: string;
  notes: { ar: string; en: string };
  platform: UpdatePlatform;
  /** The trusted key that signed it. */
  signedBy: string;
  /** The installer to run (verified against the signed size and sha256). */
  installerPath: string;
  size: number;
  sha256: string;
}

export const stagedDir = (downloadDir: string): string => path.join(downloadDir, STAGED);

function describe(release: VerifiedRelease, dir: string, platform: UpdatePlatform): StagedUpdate {
  const { manifest, file } = release;
  return {
    version: manifest.version,
    channel: manifest.channel,
    releasedAt: manifest.releasedAt,
    notes: manifest.notes,
    platform,
    signedBy: release.signedBy,
    installerPath: path.join(dir, release.fileName),
    size: file.size,
    sha256: file.sha256,
  };
}

const matches = (release: VerifiedRelease, got: Written): boolean => got.size === release.file.size && got.sha256 === release.file.sha256;

/**
 * Puts a verified release in place: `writeInstaller` writes the installer (downloading or copying, hashing as it
 * goes) into a fresh folder; a mismatch throws `mismatchCode` and leaves nothing behind.
 */
export async function stage(
  downloadDir: string,
  release: VerifiedRelease,
  platform: UpdatePlatform,
  writeInstaller: (target: string) => Promise<Written>,
  mismatchCode: 'UPDATE_FILE_MISMATCH' | 'UPDATE_OFFLINE_MISMATCH',
): Promise<StagedUpdate> {
  let incoming: string;
  try {
    fs.mkdirSync(downloadDir, { recursive: true, mode: 0o700 });
    incoming = fs.mkdtempSync(path.join(downloadDir, 'incoming-'));
    fs.writeFileSync(path.join(incoming, MANIFEST_NAME), release.manifestBytes, { mode: 0o600 });
    fs.writeFileSync(path.join(incoming, SIGNATURE_NAME), release.signatureBytes, { mode: 0o600 });
  } catch (e) {
    throw new UpdateError('UPDATE_DISK', `${downloadDir}: ${(e as Error).message}`);
  }
  try {
    const got = await writeInstaller(path.join(incoming, release.fileName));
    if (!matches(release, got)) {
      throw new UpdateError(mismatchCode, `${release.fileName}: ${got.size} bytes sha256 ${got.sha256}, signed ${release.file.size} bytes sha256 ${release.file.sha256}`);
    }
    const target = stagedDir(downloadDir);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(incoming, target);
    return describe(release, target, platform);
  } catch (e) {
    fs.rmSync(incoming, { recursive: true, force: true });
    if (isUpdateError(e)) throw e;
    throw new UpdateError('UPDATE_DISK', `${downloadDir}: ${(e as Error).message}`);
  }
}

/**
 * The staged update, verified again from disk (signature, not a downgrade, installer bytes): null when there is
 * none or it is no longer newer than the running version (it has been installed; the folder is cleared). An
 * installer changed on disk since it was staged is deleted and reported (UPDATE_FILE_MISMATCH).
 */
export async function readStaged(downloadDir: string, check: ReleaseCheck): Promise<StagedUpdate | null> {
  const dir = stagedDir(downloadDir);
  const manifestFile = path.join(dir, MANIFEST_NAME);
  if (!fs.existsSync(manifestFile)) return null;
  const signatureFile = path.join(dir, SIGNATURE_NAME);
  let release: VerifiedRelease;
  try {
    release = verifyRelease(fs.readFileSync(manifestFile), fs.existsSync(signatureFile) ? fs.readFileSync(signatureFile) : null, check);
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    if (isUpdateError(e) && e.code === 'UPDATE_NOT_NEWER') return null;
    throw e;
  }
  const installer = path.join(dir, release.fileName);
  const got = fs.existsSync(installer) ? await hashFile(installer) : { size: -1, sha256: '' };
  if (!matches(release, got)) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new UpdateError('UPDATE_FILE_MISMATCH', `${installer} changed since it was staged`);
  }
  return describe(release, dir, check.platform);
}
