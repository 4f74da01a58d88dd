// scripts/release/checksums.mjs: SHA256SUMS that `sha256sum -c` accepts, over the packages only.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Sums } from '../../scripts/release/checksums.mjs';

const script = path.resolve(__dirname, '..', '..', 'scripts', 'release', 'checksums.mjs');
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe('SHA256SUMS', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-sums-'));
    fs.writeFileSync(path.join(dir, 'Nuqta POS Setup 1.0.0.exe'), 'windows installer');
    fs.writeFileSync(path.join(dir, 'nuqta-pos_1.0.0_amd64.deb'), 'debian package');
    // Larger than a stream chunk (64 KiB), so the streamed hash is exercised.
    fs.writeFileSync(path.join(dir, 'Nuqta POS-1.0.0.AppImage'), Buffer.alloc(300_000, 7));
    // Not packages: signatures, an old SHA256SUMS, the unpacked folder.
    fs.writeFileSync(path.join(dir, 'nuqta-pos_1.0.0_amd64.deb.asc'), 'signature');
    fs.writeFileSync(path.join(dir, 'SHA256SUMS'), 'stale');
    fs.mkdirSync(path.join(dir, 'linux-unpacked'));
    fs.writeFileSync(path.join(dir, 'linux-unpacked', 'nuqta-pos'), 'binary');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists each package once, sorted, as `<sha256>  <name>`', async () => {
    expect(await sha256Sums(dir)).toBe(
      [
        // Code-unit order: ' ' sorts before '-'.
        `${sha256('windows installer')}  Nuqta POS Setup 1.0.0.exe`,
        `${sha256(Buffer.alloc(300_000, 7))}  Nuqta POS-1.0.0.AppImage`,
        `${sha256('debian package')}  nuqta-pos_1.0.0_amd64.deb`,
        '',
      ].join('\n'),
    );
  });

  it('the command writes a file sha256sum -c accepts, and that catches a changed package', () => {
    const written = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
    expect(written.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toBe(written.stdout);
    const check = () => spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    const ok = check();
    if (ok.error) return; // no coreutils sha256sum on this machine: the line format is checked above
    expect(ok.status).toBe(0);
    fs.appendFileSync(path.join(dir, 'nuqta-pos_1.0.0_amd64.deb'), 'tampered');
    const bad = check();
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('nuqta-pos_1.0.0_amd64.deb: FAILED');
  });

  it('refuses an empty folder and a name that could forge a line', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-sums-empty-'));
    try {
      await expect(sha256Sums(empty)).rejects.toThrow(/no files to checksum/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
    fs.writeFileSync(path.join(dir, 'evil\n0000  Nuqta POS Setup 1.0.0.exe'), 'x');
    await expect(sha256Sums(dir)).rejects.toThrow(/newline/);
  });
});
