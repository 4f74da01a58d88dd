// One check for a release wherever it came from (the feed, a USB folder, the staging folder after a restart):
// signature by a trusted key over the exact bytes, then the manifest, the channel, no downgrade, a file for
// this platform.
import { UpdateError } from './errors';
import type { LoadedKey } from './keys';
import { fileFor, installerName, parseManifest, type Manifest, type UpdateFile } from './manifest';
import type { UpdatePlatform } from './platform';
import { compareVersions } from './semver';
import { verifySignature } from './signature';

export interface ReleaseCheck {
  keys: readonly LoadedKey[];
  currentVersion: string;
  platform: UpdatePlatform;
  channel: string;
}

export interface VerifiedRelease {
  manifest: Manifest;
  /** The id of the trusted key whose signature verified. */
  signedBy: string;
  file: UpdateFile;
  /** The installer's file name (from its URL). */
  fileName: string;
  /** The signed bytes, kept to stage them exactly as verified. */
  manifestBytes: Buffer;
  signatureBytes: Buffer;
}

/** Verifies without the version check: what `check()` reports as "up to date" still had to be signed. */
export function verifyManifest(manifestBytes: Buffer, signatureBytes: Buffer | null, c: ReleaseCheck): Omit<VerifiedRelease, 'file' | 'fileName'> {
  const signedBy = verifySignature(manifestBytes, signatureBytes, c.keys);
  const manifest = parseManifest(manifestBytes);
  if (manifest.channel !== c.channel) throw new UpdateError('UPDATE_WRONG_CHANNEL', `${manifest.channel}, this till follows ${c.channel}`);
  return { manifest, signedBy, manifestBytes, signatureBytes: signatureBytes ?? Buffer.alloc(0) };
}

export const isNewer = (manifest: Manifest, currentVersion: string): boolean => compareVersions(manifest.version, currentVersion) > 0;

/** The whole check; throws UPDATE_NOT_NEWER for a release that is not above the running version. */
export function verifyRelease(manifestBytes: Buffer, signatureBytes: Buffer | null, c: ReleaseCheck): VerifiedRelease {
  const verified = verifyManifest(manifestBytes, signatureBytes, c);
  if (!isNewer(verified.manifest, c.currentVersion)) {
    throw new UpdateError('UPDATE_NOT_NEWER', `${verified.manifest.version} is not above ${c.currentVersion}`);
  }
  const file = fileFor(verified.manifest, c.platform);
  return { ...verified, file, fileName: installerName(file) };
}
