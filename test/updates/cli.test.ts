// `nuqta update check | download | verify-file PATH` on a real data folder whose settings point at the local
// HTTPS feed: what the admin reads, the exit codes, and the staged installer in the data folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configCommand } from '../../main/cli';
import { updateCommand, updatesDir, type UpdateCommandOptions } from '../../main/cli/update';
import { httpsFetch } from '../../main/updates';
import { tempDir } from '../support/tmp';
import { makeKey, makeRelease, sha256, startFeed, writeFolder, type Feed } from './feed-rig';

const vendor = makeKey('vendor-2026');
const tmp = tempDir('nuqta-update-cli-');
let feed: Feed;
let options: UpdateCommandOptions;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

beforeAll(async () => {
  feed = await startFeed();
  options = { currentVersion: '1.2.0', platform: 'linux-x64-deb', fetch: httpsFetch({ ca: feed.ca }), trustedKeys: [vendor.trusted] };
  const c = capture();
  expect(await configCommand(tmp.dir, ['set', 'updates.feedUrl', feed.url], c.io)).toBe(0);
});
afterAll(async () => {
  await feed.close();
  tmp.cleanup();
});

const deb = (version: string, key = vendor) => makeRelease({ version, key, platform: 'linux-x64-deb', fileName: `nuqta-pos_${version}_amd64.deb` });

describe('nuqta update', () => {
  it('check reports the signed release, download stages it verified', async () => {
    const release = deb('1.3.0');
    feed.publish(release);
    const check = capture();
    expect(await updateCommand(tmp.dir, ['check'], check.io, options)).toBe(0);
    expect(check.out.join('\n')).toMatch(/Update available: 1\.3\.0 \(running 1\.2\.0\).*signed by vendor-2026/);

    const download = capture();
    expect(await updateCommand(tmp.dir, ['download'], download.io, options)).toBe(0);
    const file = path.join(updatesDir(tmp.dir), 'staged', 'nuqta-pos_1.3.0_amd64.deb');
    expect(download.out.join('\n')).toContain(file);
    expect(sha256(fs.readFileSync(file))).toBe(sha256(release.files.get('nuqta-pos_1.3.0_amd64.deb') ?? Buffer.alloc(0)));
  });

  it('a bad signature is exit 4 with the reason in English and Arabic', async () => {
    feed.publish(deb('1.4.0', makeKey('stranger')));
    const c = capture();
    expect(await updateCommand(tmp.dir, ['download'], c.io, options)).toBe(4);
    expect(c.err.join('\n')).toMatch(/signature is wrong[\s\S]*توقيع التحديث[\s\S]*UPDATE_SIGNATURE_INVALID/);
  });

  it('an unreachable feed is exit 1; up to date is exit 0', async () => {
    const unreachable = capture();
    expect(await updateCommand(tmp.dir, ['check'], unreachable.io, { ...options, fetch: httpsFetch() })).toBe(1);
    expect(unreachable.err.join('\n')).toContain('UPDATE_FEED_UNREACHABLE');
    feed.publish(deb('1.2.0'));
    const current = capture();
    expect(await updateCommand(tmp.dir, ['check'], current.io, options)).toBe(0);
    expect(current.out.join('\n')).toMatch(/Up to date: running 1\.2\.0/);
  });

  it('verify-file checks an offline folder and refuses a downgrade', async () => {
    const usb = path.join(tmp.dir, 'usb');
    writeFolder(usb, deb('1.5.0'));
    const good = capture();
    expect(await updateCommand(tmp.dir, ['verify-file', usb], good.io, options)).toBe(0);
    expect(good.out.join('\n')).toMatch(/verifies: version 1\.5\.0/);
    const old = capture();
    expect(await updateCommand(tmp.dir, ['verify-file', usb], old.io, { ...options, currentVersion: '1.5.0' })).toBe(4);
    expect(old.err.join('\n')).toContain('UPDATE_NOT_NEWER');
    fs.rmSync(usb, { recursive: true });
  });

  it('usage errors are exit 2', async () => {
    for (const args of [[], ['install'], ['verify-file'], ['check', 'extra']]) {
      const c = capture();
      expect(await updateCommand(tmp.dir, args, c.io, options)).toBe(2);
      expect(c.err.join('\n')).toContain('nuqta update check');
    }
  });

  it('without options it runs as shipped: this build\'s version and release keys', async () => {
    feed.publish(deb('99.0.0'));
    const c = capture();
    const code = await updateCommand(tmp.dir, ['check'], c.io, { platform: 'linux-x64-deb', fetch: httpsFetch({ ca: feed.ca }) });
    // The tree ships no release key yet, so a till built from it refuses every update.
    expect(code).toBe(4);
    expect(c.err.join('\n')).toContain('UPDATE_NO_TRUSTED_KEY');
  });
});
