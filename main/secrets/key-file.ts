// The host / CLI store's key: 32 random bytes in a file only its owner can read. Created with O_EXCL and mode
// 0600 (so there is no moment when it exists with looser permissions); on every open it must still be a
// regular file (not a symlink someone planted), owned by this user, unreadable by group and others, exactly
// 32 bytes. Anything else is refused rather than repaired: a key others could read is already disclosed.
// Windows has no POSIX modes; there the file's folder ACL is what protects it (use the Electron store there).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SecretStoreError } from './errors';

export const KEY_BYTES = 32;

const posix = process.platform !== 'win32';

function check(file: string, st: fs.Stats): void {
  if (!st.isFile()) throw new SecretStoreError('KEY_FILE_INVALID', `${file} is not a regular file`);
  if (!posix) return;
  if ((st.mode & 0o077) !== 0) throw new SecretStoreError('KEY_FILE_INSECURE', `${file} has mode ${(st.mode & 0o777).toString(8)}`);
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
    throw new SecretStoreError('KEY_FILE_FOREIGN_OWNER', `${file} is owned by uid ${st.uid}`);
  }
}

/** Reads the key, checking the file first; undefined when it does not exist. */
export function readKeyFile(file: string): Buffer | undefined {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  check(file, st);
  // Open without following a symlink swapped in after the lstat, and re-check what was actually opened.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    check(file, fs.fstatSync(fd));
    const key = fs.readFileSync(fd);
    if (key.length !== KEY_BYTES) throw new SecretStoreError('KEY_FILE_INVALID', `${file} holds ${key.length} bytes`);
    return key;
  } finally {
    fs.closeSync(fd);
  }
}

/** Creates a fresh key file (fails if one appeared meanwhile) and returns the key. */
export function createKeyFile(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
  try {
    // The umask can only take bits away, but a process with an odd umask should not decide this: set it exactly.
    if (posix) fs.fchmodSync(fd, 0o600);
    fs.writeSync(fd, key);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return key;
}
