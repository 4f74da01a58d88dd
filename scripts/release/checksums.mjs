// SHA256SUMS for a release folder: one `<sha256>  <name>` line per package, sorted by name, the format
// `sha256sum -c SHA256SUMS` checks. The release workflow then signs this file with GPG (SHA256SUMS.asc), so one
// signature vouches for every package, and each Linux package also gets its own detached .asc.
//
//   node scripts/release/checksums.mjs <folder>      writes <folder>/SHA256SUMS and prints it
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';

export const SUMS_FILE = 'SHA256SUMS';

/** Not packages: the sums themselves and signatures (made of the packages, listed beside them). */
const skipped = (name) => name === SUMS_FILE || name.startsWith(`${SUMS_FILE}.`) || /\.(asc|sig)$/.test(name);

/** Streamed: an AppImage is over 100 MB. */
async function sha256(file) {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** The SHA256SUMS text for the regular files directly in `dir` (sub-folders such as win-unpacked are not packages). */
export async function sha256Sums(dir) {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !skipped(entry.name))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new Error(`no files to checksum in ${dir}`);
  const lines = [];
  for (const name of names) {
    // A newline in a name would forge a line of its own; sha256sum escapes such names, we refuse them.
    if (/[\r\n\\]/.test(name)) throw new Error(`refusing to checksum a file whose name has a newline or backslash: ${JSON.stringify(name)}`);
    lines.push(`${await sha256(path.join(dir, name))}  ${name}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function writeSha256Sums(dir) {
  const text = await sha256Sums(dir);
  const file = path.join(dir, SUMS_FILE);
  fs.writeFileSync(file, text);
  return { file, text };
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const [dir, ...rest] = process.argv.slice(2);
  if (!dir || rest.length) {
    process.stderr.write('usage: node scripts/release/checksums.mjs <folder>\n');
    process.exit(2);
  }
  writeSha256Sums(path.resolve(dir)).then(
    ({ text }) => process.stdout.write(text),
    (e) => {
      process.stderr.write(`checksums: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
