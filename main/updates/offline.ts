// An update for a shop without internet: the release's latest.json, latest.json.sig and installer side by side
// in a folder (a USB drive), exactly as the feed serves them. It is checked exactly like the feed: signature by a
// trusted key over latest.json's bytes, no downgrade, the installer's size and sha256. Staging copies the
// installer off the drive while hashing the copy, so what is staged is what was verified, and a drive pulled
// or changed afterwards changes nothing; the admin's files on the drive are never deleted.
import fs from 'node:fs';
import path from 'node:path';
import { UpdateError } from './errors';
import { OverSize, hashFile, writeHashed } from './hashed-write';
import { verifyRelease, type ReleaseCheck, type VerifiedRelease } from './release';
import { MANIFEST_NAME, SIGNATURE_NAME, stage, type StagedUpdate } from './staging';

/** A manifest is a few kilobytes; anything much larger is not one. */
export const MAX_MANIFEST_BYTES = 64 * 1024;
const MAX_SIGNATURE_BYTES = 1024;

export interface OfflineRelease {
  release: VerifiedRelease;
  installerPath: string;
}

function readCapped(file: string, max: number): Buffer | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  if (stat.size > max) throw new UpdateError('UPDATE_TOO_LARGE', `${file}: ${stat.size} bytes`);
  return fs.readFileSync(file);
}

/** `where` is the update folder or its latest.json. */
export function readOfflineRelease(where: string, check: ReleaseCheck): OfflineRelease {
  const resolved = path.resolve(where);
  const folder = fs.existsSync(resolved) && fs.statSync(resolved).isDirectory() ? resolved : path.dirname(resolved);
  const manifest = readCapped(path.join(folder, MANIFEST_NAME), MAX_MANIFEST_BYTES);
  if (manifest === null) throw new UpdateError('UPDATE_MANIFEST_INVALID', `no ${MANIFEST_NAME} in ${folder}`);
  const release = verifyRelease(manifest, readCapped(path.join(folder, SIGNATURE_NAME), MAX_SIGNATURE_BYTES), check);
  const installerPath = path.join(folder, release.fileName);
  if (!fs.existsSync(installerPath)) throw new UpdateError('UPDATE_FILE_MISSING', installerPath);
  return { release, installerPath };
}

/** Checks the folder in place (nothing is copied or deleted); throws UPDATE_OFFLINE_MISMATCH on a wrong installer. */
export async function verifyOfflineFolder(where: string, check: ReleaseCheck): Promise<OfflineRelease> {
  const found = readOfflineRelease(where, check);
  const got = await hashFile(found.installerPath);
  if (got.size !== found.release.file.size || got.sha256 !== found.release.file.sha256) {
    throw new UpdateError('UPDATE_OFFLINE_MISMATCH', `${found.installerPath}: ${got.size} bytes sha256 ${got.sha256}`);
  }
  return found;
}

/** Verifies the folder and stages a copy of its installer (the copy is what is hashed). */
export async function importOffline(where: string, downloadDir: string, check: ReleaseCheck): Promise<StagedUpdate> {
  const { release, installerPath } = readOfflineRelease(where, check);
  return stage(
    downloadDir,
    release,
    check.platform,
    async (target) => {
      try {
        return await writeHashed(fs.createReadStream(installerPath) as AsyncIterable<Buffer>, target, release.file.size);
      } catch (e) {
        if (e instanceof OverSize) throw new UpdateError('UPDATE_OFFLINE_MISMATCH', `${installerPath}: ${e.message}`);
        throw e;
      }
    },
    'UPDATE_OFFLINE_MISMATCH',
  );
}
