// A deb till's install, with real files and real child processes: a small node program stands in for apt-get
// (it logs its arguments and hashes the file it was given), a temporary folder stands in for / (debPaths(root)),
// and the test itself plays systemd's path unit — it waits for the till's request file and then runs the root
// side, as nuqta-pos-update.path starts nuqta-pos-update.service on a till.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyStagedDeb, createUpdates, debInstaller, debPaths, runCommand, type DebPaths, type DebResult, type StagedUpdate, type UpdateErrorCode } from '../../main/updates';
import { DEB_COPY_NAME } from '../../main/updates/install';
import { applyStagedFromDebService, debUpdatesDir, platformInstaller } from '../../main/shell';
import { tempDir } from '../support/tmp';
import { until } from '../support/until';
import { makeKey, makeRelease, writeFolder } from './feed-rig';

const vendor = makeKey('vendor-test');
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const deb = Buffer.from('!<arch>\ndebian-binary   a stand-in for nuqta-pos_1.1.0_amd64.deb\n'.repeat(500));

/** A temporary root laid out as the postinst lays out /var/lib/nuqta-pos and /etc/systemd/system. */
function tillRoot(): { root: string; paths: DebPaths; log: string } {
  const t = tempDir('nuqta-deb-');
  cleanups.push(t.cleanup);
  const paths = debPaths(t.dir);
  fs.mkdirSync(paths.updatesDir, { recursive: true, mode: 0o2770 });
  fs.mkdirSync(paths.runDir, { mode: 0o700 });
  fs.chmodSync(paths.runDir, 0o700);
  fs.mkdirSync(path.dirname(paths.pathUnit), { recursive: true });
  fs.writeFileSync(paths.pathUnit, '[Path]\n');
  return { root: t.dir, paths, log: path.join(t.dir, 'apt.log') };
}

/** apt-get's stand-in: logs its arguments, DEBIAN_FRONTEND and the sha256 of the package it was given; exits `exit`. */
function aptGet(root: string, log: string, exit = 0): string {
  const file = path.join(root, 'apt-get');
  fs.writeFileSync(
    file,
    `#!${process.execPath}
const fs = require('fs'), crypto = require('crypto');
const args = process.argv.slice(2);
const pkg = args[args.length - 1];
const bytes = fs.existsSync(pkg) ? fs.readFileSync(pkg) : null;
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ args, frontend: process.env.DEBIAN_FRONTEND, sha256: bytes && crypto.createHash('sha256').update(bytes).digest('hex') }) + '\\n');
if (${exit} !== 0) process.stderr.write('E: Sub-process /usr/bin/dpkg returned an error code (1)\\n');
process.exit(${exit});
`,
    { mode: 0o755 },
  );
  return file;
}

const calls = (log: string): Array<{ args: string[]; frontend: string; sha256: string | null }> =>
  fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { args: string[]; frontend: string; sha256: string | null }) : [];

/** The till's update service, staging in the shared folder as a deb till in group nuqta-pos does. */
function tillUpdates(paths: DebPaths, currentVersion = '1.0.0') {
  return createUpdates({
    settings: () => ({ policy: 'manual', opensAt: '08:00', closesAt: '23:00', feedUrl: null, timeZone: 'Asia/Riyadh' }),
    currentVersion,
    platform: 'linux-x64-deb',
    tillState: () => ({ saleInProgress: false, paymentInDoubt: false, unreportedInvoices: 0 }),
    downloadDir: paths.updatesDir,
    trustedKeys: [vendor.trusted],
  });
}

async function stageDeb(root: string, paths: DebPaths, version = '1.1.0'): Promise<StagedUpdate> {
  const usb = writeFolder(path.join(root, `usb-${version}`), makeRelease({ version, key: vendor, installer: deb, platform: 'linux-x64-deb', fileName: `nuqta-pos_${version}_amd64.deb` }));
  return tillUpdates(paths).importFile(usb);
}

const result = (paths: DebPaths): DebResult => JSON.parse(fs.readFileSync(paths.resultFile, 'utf8')) as DebResult;

async function codeOf(run: () => Promise<unknown>): Promise<UpdateErrorCode | 'no error'> {
  try {
    await run();
    return 'no error';
  } catch (e) {
    return (e as { code: UpdateErrorCode }).code;
  }
}

/** The root service as the app runs it, reading with this build's version and the test's release key. */
const service = (root: string, apt: string, version = '1.0.0') => applyStagedFromDebService({ version, log: quiet, root, run: runCommand, aptGet: apt, trustedKeys: [vendor.trusted] });

describe('the root service installs the staged deb (--apply-staged-update on Linux)', () => {
  it('installs the verified copy in the root-only folder, never the file the till user can write, and answers the request', async () => {
    const { root, paths, log } = tillRoot();
    const update = await stageDeb(root, paths);
    fs.writeFileSync(paths.requestFile, JSON.stringify({ id: 'a1b2c3d4e5f60718', version: '1.1.0' }));
    expect(await service(root, aptGet(root, log))).toBe(0);

    const [call, ...more] = calls(log);
    expect(more).toEqual([]);
    const copy = path.join(paths.runDir, DEB_COPY_NAME);
    expect(call!.args).toEqual(['install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', copy]);
    expect(call!.args).not.toContain(update.installerPath);
    expect(call!.sha256).toBe(sha(deb)); // what apt-get read was the signed package
    expect(call!.frontend).toBe('noninteractive');
    expect(fs.readdirSync(paths.runDir)).toEqual([]); // the copy goes afterwards
    expect(fs.existsSync(paths.requestFile)).toBe(false); // or the path unit would start the service again
    expect(result(paths)).toEqual({ id: 'a1b2c3d4e5f60718', outcome: 'installed', version: '1.1.0', code: null, message: 'update 1.1.0 is installed' });
    expect(fs.statSync(paths.resultFile).mode & 0o777).toBe(0o644); // readable by the till's user
  });

  it('installs nothing when the staged package was changed after the till verified it', async () => {
    const { root, paths, log } = tillRoot();
    const update = await stageDeb(root, paths);
    const apt = aptGet(root, log);
    // Changed on disk: the service's own verification deletes it and says so.
    fs.writeFileSync(update.installerPath, Buffer.from('#!/bin/sh\necho owned\n'));
    expect(await service(root, apt)).toBe(1);
    expect(result(paths)).toMatchObject({ outcome: 'failed', code: 'UPDATE_FILE_MISMATCH' });
    expect(fs.existsSync(update.installerPath)).toBe(false);
    // Swapped between that verification and the copy: the copy is verified again, and refused.
    const again = await stageDeb(root, paths);
    fs.writeFileSync(again.installerPath, Buffer.from('#!/bin/sh\necho owned\n'));
    const r = await applyStagedDeb({ staged: async () => again, paths, run: runCommand, log: quiet, aptGet: apt });
    expect(r).toMatchObject({ outcome: 'failed', code: 'UPDATE_FILE_MISMATCH' });
    expect(calls(log)).toEqual([]); // apt-get never ran
    expect(fs.readdirSync(paths.runDir)).toEqual([]);
  });

  it('never downgrades or reinstalls: a build already at (or past) the staged version installs nothing', async () => {
    const { root, paths, log } = tillRoot();
    const apt = aptGet(root, log);
    await stageDeb(root, paths, '1.1.0');
    expect(await service(root, apt, '1.1.0')).toBe(0);
    expect(result(paths)).toMatchObject({ outcome: 'nothing-staged' });
    await stageDeb(root, paths, '1.1.0');
    expect(await service(root, apt, '2.0.0')).toBe(0);
    expect(result(paths)).toMatchObject({ outcome: 'nothing-staged' });
    expect(calls(log)).toEqual([]);
  });

  it('reports a failed apt-get in the result and exits 1', async () => {
    const { root, paths, log } = tillRoot();
    await stageDeb(root, paths);
    expect(await service(root, aptGet(root, log, 100))).toBe(1);
    expect(calls(log)).toHaveLength(1);
    const r = result(paths);
    expect(r).toMatchObject({ outcome: 'failed', version: '1.1.0', code: 'UPDATE_DEB_FAILED' });
    expect(r.message).toContain('apt-get ended with 100');
    expect(r.message).toContain('dpkg returned an error code');
    expect(fs.readdirSync(paths.runDir)).toEqual([]);
  });

  it('runs nothing when the root-only folder is missing, a link, or open to others', async () => {
    const { root, paths, log } = tillRoot();
    const apt = aptGet(root, log);
    await stageDeb(root, paths);
    fs.chmodSync(paths.runDir, 0o755);
    expect(await service(root, apt)).toBe(1);
    expect(result(paths)).toMatchObject({ outcome: 'failed', code: 'UPDATE_INSTALL_FAILED' });
    fs.rmSync(paths.runDir, { recursive: true });
    const elsewhere = path.join(root, 'elsewhere');
    fs.mkdirSync(elsewhere, { mode: 0o700 });
    fs.symlinkSync(elsewhere, paths.runDir);
    await stageDeb(root, paths);
    expect(await service(root, apt)).toBe(1);
    fs.rmSync(paths.runDir);
    await stageDeb(root, paths);
    expect(await service(root, apt)).toBe(1);
    expect(calls(log)).toEqual([]);
  });

  it('is not held up or misled by what the till user leaves as the request or the result', async () => {
    const { root, paths, log } = tillRoot();
    const apt = aptGet(root, log);
    await stageDeb(root, paths);
    // A FIFO as the request (would block a plain read for ever) and a link where the result goes.
    execFileSync('mkfifo', [paths.requestFile]);
    const target = path.join(root, 'not-yours');
    fs.writeFileSync(target, 'keep');
    fs.symlinkSync(target, paths.resultFile);
    expect(await service(root, apt)).toBe(0);
    expect(fs.existsSync(paths.requestFile)).toBe(false);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep'); // the link was replaced, not written through
    expect(fs.lstatSync(paths.resultFile).isFile()).toBe(true);
    expect(result(paths)).toMatchObject({ id: null, outcome: 'installed' });
  });
});

describe('the deb till hands its update to the root service and waits', () => {
  /** systemd's path unit, played by the test: when the request appears, run the root side once. */
  function pathUnit(root: string, paths: DebPaths, apt: string): { done: Promise<void> } {
    const done = (async () => {
      await until(() => fs.existsSync(paths.requestFile), 10_000);
      await service(root, apt);
    })();
    return { done };
  }

  it('refuses clearly before anything changes when the package has no update service, or the user is not in its group', async () => {
    const { root, paths } = tillRoot();
    const update = await stageDeb(root, paths);
    const installer = debInstaller({ paths, relaunch: () => {} });
    await installer.prepare(update);
    // Staged in the user's data folder: the shared folder was not writable when the till started.
    expect(await codeOf(() => installer.prepare({ ...update, installerPath: path.join(root, 'home', 'updates', 'staged', 'x.deb') }))).toBe('UPDATE_DEB_NOT_IN_GROUP');
    // A deb built before the service existed, or a development run.
    fs.rmSync(paths.pathUnit);
    expect(await codeOf(() => installer.prepare(update))).toBe('UPDATE_DEB_NO_SERVICE');
    const bare = debPaths(path.join(root, 'nothing-here'));
    expect(await codeOf(() => debInstaller({ paths: bare, relaunch: () => {} }).prepare(update))).toBe('UPDATE_DEB_NO_SERVICE');
  });

  it('on success registers its relaunch and returns, for the caller to quit onto the new version', async () => {
    const { root, paths, log } = tillRoot();
    const update = await stageDeb(root, paths);
    // An old answer to another request is not taken for this one.
    fs.writeFileSync(paths.resultFile, JSON.stringify({ id: 'ffffffffffffffff', outcome: 'failed', version: '1.1.0', code: 'UPDATE_DEB_FAILED', message: 'old' }));
    let relaunched = 0;
    const installer = debInstaller({ paths, relaunch: () => void relaunched++, pollMs: 20, timeoutMs: 20_000 });
    const unit = pathUnit(root, paths, aptGet(root, log));
    await installer.prepare(update);
    await installer.launch(update);
    await unit.done;
    expect(relaunched).toBe(1);
    expect(calls(log)).toHaveLength(1);
    expect(result(paths).id).not.toBe('ffffffffffffffff');
  });

  it('on a failed install stays on the old version with the reason, and does not relaunch', async () => {
    const { root, paths, log } = tillRoot();
    const update = await stageDeb(root, paths);
    let relaunched = 0;
    const installer = debInstaller({ paths, relaunch: () => void relaunched++, pollMs: 20, timeoutMs: 20_000 });
    const unit = pathUnit(root, paths, aptGet(root, log, 100));
    expect(await codeOf(() => installer.launch(update))).toBe('UPDATE_DEB_FAILED');
    await unit.done;
    expect(relaunched).toBe(0);
  });

  it('gives up after its timeout when nothing answers, and takes its request back', async () => {
    const { root, paths } = tillRoot();
    const update = await stageDeb(root, paths);
    let relaunched = 0;
    const installer = debInstaller({ paths, relaunch: () => void relaunched++, pollMs: 20, timeoutMs: 300 });
    const started = Date.now();
    expect(await codeOf(() => installer.launch(update))).toBe('UPDATE_DEB_TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(fs.existsSync(paths.requestFile)).toBe(false); // no install at some later, unexpected moment
    expect(relaunched).toBe(0);
  });
});

describe('the Electron till on a deb install', () => {
  it('uses the deb installer and stages in the shared folder only when it may write there', () => {
    const { root, paths } = tillRoot();
    expect(platformInstaller('linux', {}, quiet, () => {}).kind).toBe('deb');
    expect(platformInstaller('linux', { APPIMAGE: '/x.AppImage' }, quiet).kind).toBe('appimage');
    expect(debUpdatesDir('linux', {}, root)).toBe(paths.updatesDir);
    expect(debUpdatesDir('linux', { APPIMAGE: '/x.AppImage' }, root)).toBeUndefined();
    expect(debUpdatesDir('win32', {}, root)).toBeUndefined();
    expect(debUpdatesDir('linux', {}, path.join(root, 'no-package'))).toBeUndefined();
  });
});
