// The staged installer copied to where it will run, hashed as it is written: the copy is what runs, so the copy
// is what must match the signed size and sha256 (the staged file may have changed since it was verified).
import fs from 'node:fs';
import { UpdateError } from '../errors';
import { OverSize, writeHashed } from '../hashed-write';
import type { StagedUpdate } from '../staging';

export async function copyVerified(update: StagedUpdate, target: string): Promise<void> {
  let written;
  try {
    written = await writeHashed(fs.createReadStream(update.installerPath), target, update.size);
  } catch (e) {
    if (e instanceof OverSize) throw new UpdateError('UPDATE_FILE_MISMATCH', `${update.installerPath} is larger than signed`);
    throw e;
  }
  if (written.size !== update.size || written.sha256 !== update.sha256) throw new UpdateError('UPDATE_FILE_MISMATCH', `${target} does not match the signed manifest`);
}
