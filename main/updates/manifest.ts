// latest.json: what a release offers, signed as a whole. Unknown keys are ignored (a later manifest may say
// more); everything read is checked, and a file's name on disk comes from its URL's last segment only.
import path from 'node:path';
import { z } from 'zod';
import { UpdateError } from './errors';
import { UPDATE_PLATFORMS, type UpdatePlatform } from './platform';
import { isSemver } from './semver';

/** Larger than any installer we build (the NSIS one is ~100 MB), small enough to stop a feed filling the disk. */
export const MAX_INSTALLER_BYTES = 1024 * 1024 * 1024;

const UpdateFile = z.object({
  platform: z.enum(UPDATE_PLATFORMS),
  url: z.string().min(1).max(2000),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(1).max(MAX_INSTALLER_BYTES),
});
export type UpdateFile = z.infer<typeof UpdateFile>;

export const Manifest = z.object({
  version: z.string().refine(isSemver, 'a semantic version such as 1.2.3'),
  channel: z.string().min(1).max(40),
  files: z
    .array(UpdateFile)
    .min(1)
    .max(20)
    .refine((files) => new Set(files.map((f) => f.platform)).size === files.length, 'one file per platform'),
  releasedAt: z.iso.datetime({ offset: true }),
  notes: z.object({ ar: z.string().max(4000), en: z.string().max(4000) }),
});
export type Manifest = z.infer<typeof Manifest>;

export function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new UpdateError('UPDATE_MANIFEST_INVALID', `latest.json is not JSON: ${(e as Error).message}`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    throw new UpdateError('UPDATE_MANIFEST_INVALID', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

export function fileFor(manifest: Manifest, platform: UpdatePlatform): UpdateFile {
  const file = manifest.files.find((f) => f.platform === platform);
  if (!file) throw new UpdateError('UPDATE_NO_FILE_FOR_PLATFORM', `${manifest.version} has no ${platform} file`);
  return file;
}

/**
 * The installer's name on disk (and beside latest.json in an offline folder): the URL's last path segment.
 * Anything that could leave the folder (separators, `..`, a drive letter) is refused.
 */
export function installerName(file: UpdateFile): string {
  let last: string;
  try {
    last = decodeURIComponent(new URL(file.url, 'https://feed.invalid/').pathname.split('/').pop() ?? '');
  } catch {
    last = '';
  }
  if (!last || last === '.' || last === '..' || /[/\\:\0]/.test(last) || path.basename(last) !== last || last.length > 200) {
    throw new UpdateError('UPDATE_MANIFEST_INVALID', `no usable file name in ${file.url}`);
  }
  return last;
}
