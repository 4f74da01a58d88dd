// The install step, per platform, with real files and real child processes: small node programs stand in for
// PowerShell (Get-AuthenticodeSignature), schtasks and the installer, so the logic runs as it will on a till —
// arguments, environment, exit codes — on this Linux machine. An AppImage update replaces a real file and starts it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appImageInstaller,
  applyStagedUpdate,
  checkAuthenticode,
  createUpdates,
  launchDetached,
  runCommand,
  windowsInstaller,
  type StagedUpdate,
  type UpdateErrorCode,
  type UpdatePlatform,
} from '../../main/updates';
import { commonName } from '../../main/updates/install/authenticode';
import { applyStagedFromTask, windowsUpdatesDir } from '../../main/shell';
import { until } from '../support/until';
import { tempDir } from '../support/tmp';
import { makeKey, makeRelease, writeFolder } from './feed-rig';

const vendor = makeKey('vendor-test');
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function dir(prefix: string): string {
  const t = tempDir(prefix);
  cleanups.push(t.cleanup);
  return t.dir;
}

/** A node program at `file`, executable, that runs `body` (CommonJS; `fs`, `log` and `args` are there). */
function program(file: string, body: string, logFile: string): string {
  fs.writeFileSync(
    file,
    `#!${process.execPath}\nconst fs = require('fs');\nconst args = process.argv.slice(2);\nconst log = (what) => fs.appendFileSync(${JSON.stringify(logFile)}, JSON.stringify(what) + '\\n');\n${body}\n`,
    { mode: 0o755 },
  );
  return file;
}

const logged = (file: string): Array<Record<string, unknown>> =>
  fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) : [];

/** A fake PowerShell answering Get-AuthenticodeSignature as told, logging what it was given. */
function powershell(at: string, answer: { status: string; subject: string } | { exit: number } | { garbage: true }, logFile: string): string {
  const reply =
    'exit' in answer
      ? `process.stderr.write('boom'); process.exit(${answer.exit});`
      : 'garbage' in answer
        ? `process.stdout.write('<not json>');`
        : `process.stdout.write(JSON.stringify({ Status: ${JSON.stringify(answer.status)}, Subject: ${JSON.stringify(answer.subject)} }));`;
  return program(path.join(at, 'powershell'), `log({ tool: 'powershell', args, file: process.env.NUQTA_INSTALLER });\n${reply}`, logFile);
}

function schtasks(at: string, exit: number, logFile: string): string {
  return program(path.join(at, 'schtasks'), `log({ tool: 'schtasks', args });\nprocess.exit(${exit});`, logFile);
}

/** Stages `installer` for `platform` through the service, as an offline folder import does. */
async function staged(installer: Buffer, platform: UpdatePlatform, fileName: string) {
  const root = dir('nuqta-install-');
  const updates = createUpdates({
    settings: () => ({ policy: 'manual', opensAt: '08:00', closesAt: '23:00', feedUrl: null, timeZone: 'Asia/Riyadh' }),
    currentVersion: '1.0.0',
    platform,
    tillState: () => ({ saleInProgress: false, paymentInDoubt: false, unreportedInvoices: 0 }),
    downloadDir: path.join(root, 'updates'),
    trustedKeys: [vendor.trusted],
  });
  const folder = writeFolder(path.join(root, 'usb'), makeRelease({ version: '1.1.0', key: vendor, installer, platform, fileName }));
  const update = await updates.importFile(folder);
  return { root, updates, update };
}

async function codeOf(run: () => Promise<unknown>): Promise<UpdateErrorCode | 'no error'> {
  try {
    await run();
    return 'no error';
  } catch (e) {
    return (e as { code: UpdateErrorCode }).code;
  }
}

describe('the Authenticode check (Windows)', () => {
  it('passes a valid signature by the vendor, with the path handed over in the environment, never in the command', async () => {
    const at = dir('nuqta-ps-');
    const log = path.join(at, 'log');
    const ps = powershell(at, { status: 'Valid', subject: 'CN=Nuqta POS, O=Nuqta, L=Riyadh, C=SA' }, log);
    const sneaky = "C:\\updates\\x'; Remove-Item C:\\ -Recurse; '.exe";
    await checkAuthenticode(sneaky, 'Nuqta POS', runCommand, ps);
    const [call] = logged(log);
    expect(call!.file).toBe(sneaky);
    expect(JSON.stringify(call!.args)).not.toContain('Remove-Item');
    expect(call!.args).toEqual(expect.arrayContaining(['-NoProfile', '-NonInteractive', '-Command']));
  });

  it.each([
    ['not signed', { status: 'NotSigned', subject: '' }],
    ['a hash that does not match the signature', { status: 'HashMismatch', subject: 'CN=Nuqta POS' }],
    ['signed by someone else', { status: 'Valid', subject: 'CN=Nuqta POS Tools Ltd, O=Other' }],
    ['PowerShell failing', { exit: 1 }],
    ['an answer that is not JSON', { garbage: true as const }],
  ] as const)('refuses an installer %s (UPDATE_INSTALLER_UNSIGNED)', async (_what, answer) => {
    const at = dir('nuqta-ps-');
    const ps = powershell(at, answer, path.join(at, 'log'));
    expect(await codeOf(() => checkAuthenticode('C:\\x.exe', 'Nuqta POS', runCommand, ps))).toBe('UPDATE_INSTALLER_UNSIGNED');
  });

  it('reads the common name out of a subject, quoted or not', () => {
    expect(commonName('CN=Nuqta POS, O=Nuqta, C=SA')).toBe('Nuqta POS');
    expect(commonName('O=Nuqta, CN="Nuqta, POS", C=SA')).toBe('Nuqta, POS');
    expect(commonName('O=Nuqta, C=SA')).toBeNull();
  });
});

describe('the till hands a Windows update to the SYSTEM task', () => {
  const update = { installerPath: 'C:\\ProgramData\\Nuqta POS\\updates\\staged\\setup.exe', version: '1.1.0' } as StagedUpdate;

  it('starts the task and runs nothing itself when the task is there', async () => {
    const at = dir('nuqta-win-');
    const log = path.join(at, 'log');
    const launched: string[][] = [];
    const installer = windowsInstaller({
      run: runCommand,
      launch: async (file, args) => void launched.push([file, ...args]),
      publisher: 'Nuqta POS',
      log: { warn: () => {} },
      powershell: powershell(at, { status: 'Valid', subject: 'CN=Nuqta POS' }, log),
      schtasks: schtasks(at, 0, log),
    });
    await installer.prepare(update);
    await installer.launch(update);
    expect(logged(log).map((l) => l.tool)).toEqual(['powershell', 'schtasks']);
    expect(logged(log)[1]!.args).toEqual(['/Run', '/TN', 'Nuqta POS Update']);
    expect(launched).toEqual([]);
  });

  it('without the task, runs the installer silently itself and says why in the log', async () => {
    const at = dir('nuqta-win-');
    const log = path.join(at, 'log');
    const launched: string[][] = [];
    const warnings: string[] = [];
    const installer = windowsInstaller({
      run: runCommand,
      launch: async (file, args) => void launched.push([file, ...args]),
      publisher: 'Nuqta POS',
      log: { warn: (m) => void warnings.push(m) },
      schtasks: schtasks(at, 1, log),
    });
    await installer.launch(update);
    expect(launched).toEqual([[update.installerPath, '/S', '--force-run']]);
    expect(warnings.join(' ')).toMatch(/elevate/);
  });
});

describe('the SYSTEM task applies the staged update (--apply-staged-update)', () => {
  /** An "installer" that records it ran, with its arguments. */
  const fakeSetup = (marker: string, exit = 0) =>
    Buffer.from(`#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, JSON.stringify(process.argv.slice(2)));\nprocess.exit(${exit});\n`);

  it('copies the verified installer where only SYSTEM writes, checks it there, installs silently, then starts the till for the user', async () => {
    const at = dir('nuqta-apply-');
    const log = path.join(at, 'log');
    const marker = path.join(at, 'installed');
    const { updates, root } = await staged(fakeSetup(marker), 'win32-x64', 'setup.exe');
    // Made by the installer with its own ACL (icacls /inheritance:r): the task empties it, never recreates it —
    // a new folder would inherit %ProgramData%'s rights, where Users may create entries (DLLs beside the setup).
    const protectedDir = path.join(root, 'update-run');
    fs.mkdirSync(protectedDir, { mode: 0o750 });
    fs.chmodSync(protectedDir, 0o750);
    const made = fs.statSync(protectedDir).ino;
    const outcome = await applyStagedUpdate({
      staged: () => updates.staged(),
      protectedDir,
      run: runCommand,
      publisher: 'Nuqta POS',
      log: { info: () => {}, warn: () => {} },
      powershell: powershell(at, { status: 'Valid', subject: 'CN=Nuqta POS' }, log),
      schtasks: schtasks(at, 0, log),
    });
    expect(outcome).toBe('installed');
    expect(JSON.parse(fs.readFileSync(marker, 'utf8'))).toEqual(['/S']);
    const calls = logged(log);
    expect(calls[0]).toMatchObject({ tool: 'powershell', file: path.join(protectedDir, 'setup.exe') }); // the copy, not the user's file
    expect(calls[1]).toMatchObject({ tool: 'schtasks', args: ['/Run', '/TN', 'Nuqta POS Start'] });
    expect(fs.readdirSync(protectedDir)).toEqual([]);
    expect(fs.statSync(protectedDir).ino).toBe(made);
    expect(fs.statSync(protectedDir).mode & 0o777).toBe(0o750);
  });

  it('runs nothing when the staged installer was changed after it was verified, or is not the vendor-signed one', async () => {
    const at = dir('nuqta-apply-');
    const log = path.join(at, 'log');
    const marker = path.join(at, 'installed');
    const { updates, root, update } = await staged(fakeSetup(marker), 'win32-x64', 'setup.exe');
    const base = {
      protectedDir: path.join(root, 'update-run'),
      run: runCommand,
      publisher: 'Nuqta POS',
      log: { info: () => {}, warn: () => {} },
      schtasks: schtasks(at, 0, log),
    };
    fs.mkdirSync(base.protectedDir);
    // Not signed by the vendor's code-signing certificate.
    const unsigned = powershell(at, { status: 'Valid', subject: 'CN=Someone Else' }, log);
    expect(await codeOf(() => applyStagedUpdate({ ...base, staged: () => updates.staged(), powershell: unsigned }))).toBe('UPDATE_INSTALLER_UNSIGNED');
    // The till user swaps the staged file: the copy no longer matches what the manifest signed.
    fs.writeFileSync(update.installerPath, fakeSetup(path.join(at, 'evil')));
    const valid = powershell(at, { status: 'Valid', subject: 'CN=Nuqta POS' }, log);
    expect(await codeOf(() => applyStagedUpdate({ ...base, staged: async () => update, powershell: valid }))).toBe('UPDATE_FILE_MISMATCH');
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(path.join(at, 'evil'))).toBe(false);
    expect(fs.readdirSync(base.protectedDir)).toEqual([]);
    // The till closed itself for the update: each time it is started again, on the version it had.
    expect(logged(log).filter((l) => l.tool === 'schtasks').map((l) => l.args)).toEqual([
      ['/Run', '/TN', 'Nuqta POS Start'],
      ['/Run', '/TN', 'Nuqta POS Start'],
    ]);
  });

  it('refuses, running nothing but the till again, when the protected folder the installer made is not there', async () => {
    const at = dir('nuqta-apply-');
    const log = path.join(at, 'log');
    const marker = path.join(at, 'installed');
    const { updates, root } = await staged(fakeSetup(marker), 'win32-x64', 'setup.exe');
    const protectedDir = path.join(root, 'update-run');
    const run = () =>
      applyStagedUpdate({
        staged: () => updates.staged(),
        protectedDir,
        run: runCommand,
        publisher: 'Nuqta POS',
        log: { info: () => {}, warn: () => {} },
        powershell: powershell(at, { status: 'Valid', subject: 'CN=Nuqta POS' }, log),
        schtasks: schtasks(at, 0, log),
      });
    expect(await codeOf(run)).toBe('UPDATE_INSTALL_FAILED');
    expect(fs.existsSync(protectedDir)).toBe(false); // not made here, with rights inherited from its parent
    // A file where the folder should be is no folder either.
    fs.writeFileSync(protectedDir, 'x');
    expect(await codeOf(run)).toBe('UPDATE_INSTALL_FAILED');
    expect(fs.existsSync(marker)).toBe(false);
    // Nothing was checked or run; only the till was started again, both times.
    expect(logged(log).map((l) => l.tool)).toEqual(['schtasks', 'schtasks']);
  });

  it('as the task runs it: the app with --apply-staged-update finds the update the till staged in %ProgramData%', async () => {
    const at = dir('nuqta-task-');
    const programData = path.join(at, 'ProgramData');
    const marker = path.join(at, 'installed');
    const till = createUpdates({
      settings: () => ({ policy: 'manual', opensAt: '08:00', closesAt: '23:00', feedUrl: null, timeZone: 'Asia/Riyadh' }),
      currentVersion: '1.0.0',
      platform: 'win32-x64',
      tillState: () => ({ saleInProgress: false, paymentInDoubt: false, unreportedInvoices: 0 }),
      downloadDir: windowsUpdatesDir(programData),
      trustedKeys: [vendor.trusted],
    });
    const usb = writeFolder(path.join(at, 'usb'), makeRelease({ version: '1.1.0', key: vendor, installer: fakeSetup(marker), fileName: 'setup.exe' }));
    await till.importFile(usb);
    fs.mkdirSync(path.join(programData, 'Nuqta POS', 'update-run')); // made by the installer (update-task.nsh)
    const log = path.join(at, 'log');
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    const tools = { run: runCommand, powershell: powershell(at, { status: 'Valid', subject: 'CN=Nuqta POS' }, log), schtasks: schtasks(at, 0, log), trustedKeys: [vendor.trusted] };
    // A build already at 1.1.0 (or newer) installs nothing: the task never downgrades or repeats.
    expect(await applyStagedFromTask({ version: '1.1.0', programData, log: quiet, ...tools })).toBe(0);
    expect(fs.existsSync(marker)).toBe(false);
    await till.importFile(usb);
    expect(await applyStagedFromTask({ version: '1.0.0', programData, log: quiet, ...tools })).toBe(0);
    expect(JSON.parse(fs.readFileSync(marker, 'utf8'))).toEqual(['/S']);
  });

  it('says so when nothing is staged', async () => {
    const at = dir('nuqta-apply-');
    expect(await applyStagedUpdate({ staged: async () => null, protectedDir: path.join(at, 'p'), run: runCommand, publisher: 'Nuqta POS', log: { info: () => {}, warn: () => {} } })).toBe(
      'nothing-staged',
    );
  });
});

describe('an AppImage replaces itself', () => {
  it('puts the verified new AppImage in place of the running one, executable, in one rename, and starts it', async () => {
    const at = dir('nuqta-appimage-');
    const running = path.join(at, 'Nuqta-POS.AppImage');
    fs.writeFileSync(running, '#!/bin/sh\necho old\n', { mode: 0o755 });
    const started = path.join(at, 'started');
    const next = Buffer.from(`#!/bin/sh\necho "$0" > ${JSON.stringify(started)}\n`);
    const { update } = await staged(next, 'linux-x64-appimage', 'Nuqta-POS-1.1.0.AppImage');

    const installer = appImageInstaller({ appImage: running, launch: launchDetached });
    await installer.prepare();
    await installer.launch(update);
    expect(fs.readFileSync(running)).toEqual(next);
    expect(fs.statSync(running).mode & 0o111).toBe(0o111);
    await until(() => fs.existsSync(started));
    expect(fs.readFileSync(started, 'utf8').trim()).toBe(running);
    expect(fs.readdirSync(at).filter((f) => f.includes('.update-'))).toEqual([]);
  });

  it('leaves the running AppImage untouched when the staged one no longer matches the signed manifest', async () => {
    const at = dir('nuqta-appimage-');
    const running = path.join(at, 'Nuqta-POS.AppImage');
    fs.writeFileSync(running, '#!/bin/sh\necho old\n', { mode: 0o755 });
    const { update } = await staged(Buffer.from('#!/bin/sh\necho new\n'), 'linux-x64-appimage', 'Nuqta-POS-1.1.0.AppImage');
    fs.writeFileSync(update.installerPath, '#!/bin/sh\necho tampered\n');
    let launched = false;
    const installer = appImageInstaller({ appImage: running, launch: async () => void (launched = true) });
    expect(await codeOf(() => installer.launch(update))).toBe('UPDATE_FILE_MISMATCH');
    expect(fs.readFileSync(running, 'utf8')).toBe('#!/bin/sh\necho old\n');
    expect(launched).toBe(false);
    expect(fs.readdirSync(at).filter((f) => f.includes('.update-'))).toEqual([]);
  });
});
