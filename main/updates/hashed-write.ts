// Writing an installer while hashing it: one pass, so the bytes on disk are the bytes hashed. A download and a
// copy from a USB drive both come through here and stop at the size the signed manifest promises.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { UpdateError } from './errors';

export interface Written {
  size: number;
  sha256: string;
}

/** Thrown when more bytes come than `maxBytes`: the caller turns it into its own mismatch error. */
export class OverSize extends Error {}

/** Writes `body` to a new file (0600, never over an existing one); throws OverSize past `maxBytes`, UPDATE_DISK on a write failure. */
export async function writeHashed(body: AsyncIterable<Buffer>, file: string, maxBytes: number, onChunk: () => void = () => {}): Promise<Written> {
  const hash = createHash('sha256');
  let size = 0;
  let out: fs.promises.FileHandle;
  try {
    out = await fs.promises.open(file, 'wx', 0o600);
  } catch (e) {
    throw new UpdateError('UPDATE_DISK', `${file}: ${(e as Error).message}`);
  }
  try {
    for await (const chunk of body) {
      onChunk();
      size += chunk.length;
      if (size > maxBytes) throw new OverSize(`more than the ${maxBytes} bytes signed`);
      hash.update(chunk);
      await out.write(chunk).catch((e: Error) => {
        throw new UpdateError('UPDATE_DISK', `${file}: ${e.message}`);
      });
    }
    await out.sync().catch((e: Error) => {
      throw new UpdateError('UPDATE_DISK', `${file}: ${e.message}`);
    });
  } finally {
    await out.close();
  }
  return { size, sha256: hash.digest('hex') };
}

/** Size and sha256 of a file already on disk (re-checked before it is handed to the installer step). */
export async function hashFile(file: string): Promise<Written> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    size += chunk.length;
    hash.update(chunk);
  }
  return { size, sha256: hash.digest('hex') };
}
