// electron-builder.yml checked the way electron-builder itself checks it (its own JSON schema, shipped in
// app-builder-lib, with ajv), plus what the till needs from it: a per-machine NSIS installer with the
// provisioning hook, deb and AppImage, native modules outside the asar, and the security fuses. The schema
// check is stricter than electron-builder's (no type coercion: "false" is not false).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { WINDOWS_PUBLISHER } from '../../main/shell/installer';
import { START_TASK, UPDATE_TASK } from '../../main/updates';
import { parse } from 'yaml';
import { defaultProvisionFile } from '../../main/app';
import { PDF_FONT_FILES } from '../../main/exports/z-pdf';

const root = path.resolve(__dirname, '..', '..');
const require = createRequire(import.meta.url);
const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
// strict: false as electron-builder's own validator: the schema uses a non-standard `typeof` keyword.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

type Config = Record<string, unknown> & {
  electronFuses: Record<string, unknown>;
  nsis: Record<string, unknown>;
  win: Record<string, unknown>;
  linux: Record<string, unknown>;
};
const loadConfig = (): Config => parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;
const config = loadConfig();

/** The schema's complaints about `candidate`, as `path: message` lines (empty when it is valid). */
function schemaErrors(candidate: unknown): string[] {
  if (validate(candidate)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
  );
}

/** A fresh copy of the config, changed by `edit` (the file itself is never touched). */
function edited(edit: (c: Config) => void): Config {
  const copy = loadConfig();
  edit(copy);
  return copy;
}

describe('electron-builder.yml against electron-builder’s schema', () => {
  it('is valid', () => {
    expect(schemaErrors(config)).toStrictEqual([]);
  });

  it.each<[string, (c: Config) => void, string]>([
    ['a misspelt top-level key', (c) => void (c.electronFuse = c.electronFuses), 'electronFuse'],
    ['a misspelt NSIS option', (c) => void (c.nsis.perMachin = true), 'perMachin'],
    ['a fuse that does not exist', (c) => void (c.electronFuses.runAsNod = false), 'runAsNod'],
    ['a fuse given as text', (c) => void (c.electronFuses.runAsNode = 'false'), 'must be boolean'],
    ['an unknown Linux target option', (c) => void (c.linux.targets = ['deb']), 'targets'],
  ])('rejects %s', (_what, edit, complaint) => {
    const errors = schemaErrors(edited(edit));
    expect(errors.join('\n')).toContain(complaint);
  });
});

describe('what the till needs from the packages', () => {
  it('names the app', () => {
    expect(config.appId).toBe('sa.nuqta.pos');
    expect(config.productName).toBe('Nuqta POS');
  });

  it('keeps every security fuse, exactly', () => {
    expect(config.electronFuses).toStrictEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('unpacks every native binary from the asar', () => {
    // better-sqlite3, serialport's bindings and @napi-rs/canvas cannot be dlopen()ed from inside app.asar.
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('builds a per-machine NSIS installer that keeps the ledger on uninstall and includes the provisioning hook', () => {
    expect(config.win.target).toStrictEqual([{ target: 'nsis', arch: 'x64' }]);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false, deleteAppDataOnUninstall: false });
    expect(config.nsis.include).toBe('resources/installer/provision.nsh');
    expect(fs.existsSync(path.join(root, String(config.nsis.include)))).toBe(true);
  });

  it('signs Windows files from the environment only: no certificate, password or hook in the file', () => {
    const text = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/^\s*(cscLink|cscKeyPassword|certificateFile|certificatePassword|sign):/m);
    expect(config.win.signtoolOptions).toStrictEqual({ signingHashAlgorithms: ['sha256'], publisherName: WINDOWS_PUBLISHER });
  });

  it('builds a deb and an AppImage for Linux', () => {
    expect(config.linux.target).toStrictEqual(['AppImage', 'deb']);
    expect(config.linux.executableName).toBe('nuqta-pos');
  });

  it('keeps the installer scripts out of the app', () => {
    expect(config.files).toContain('!resources/installer/**');
    expect(config.extraResources).toStrictEqual([{ from: 'resources/', to: 'resources', filter: ['**/*', '!installer/**'] }]);
  });

  it('packs the Z PDF’s TrueType fonts next to app.asar, where the export reads them (resources/fonts)', () => {
    // extraResources copies resources/ but installer/ to process.resourcesPath/resources (the check above): fonts/ is in.
    for (const file of Object.values(PDF_FONT_FILES)) {
      expect(fs.statSync(path.join(root, 'resources', 'fonts', file)).size).toBeGreaterThan(100_000);
      expect(`fonts/${file}`.startsWith('installer/')).toBe(false);
    }
    expect(config.files).toContain('resources/**');
  });
});

describe('the update tasks (resources/installer/update-task.nsh)', () => {
  const provision = fs.readFileSync(path.join(root, 'resources', 'installer', 'provision.nsh'), 'utf8');
  const nsh = fs.readFileSync(path.join(root, 'resources', 'installer', 'update-task.nsh'), 'utf8');

  it('are made at install and removed at uninstall, through the one include electron-builder takes', () => {
    expect(provision).toContain('!include "${PROJECT_DIR}\\resources\\installer\\update-task.nsh"');
    expect(provision).toMatch(/!macro customInstall[\s\S]*!insertmacro nuqtaUpdateTasks[\s\S]*!macroend/);
    expect(provision).toMatch(/!macro customUnInstall\s+!insertmacro nuqtaRemoveUpdateTasks\s+!macroend/);
  });

  it('name the tasks the till starts, run the update as SYSTEM with --apply-staged-update, and lock its folder', () => {
    expect(nsh).toContain(`/TN "${UPDATE_TASK}" /RU SYSTEM`);
    expect(nsh).toContain('--apply-staged-update');
    expect(nsh).toContain(`/TN "${START_TASK}" /RU "BUILTIN\\Users" /IT`);
    expect(nsh).toContain('update-run" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F');
  });
});

describe('the provisioning hook (resources/installer/provision.nsh)', () => {
  const nsh = fs.readFileSync(path.join(root, 'resources', 'installer', 'provision.nsh'), 'utf8');

  it('reads /PROVISION= and copies the file to where the till reads it on Windows', () => {
    expect(nsh).toContain('${GetOptions} $R0 "/PROVISION=" $provisionSource');
    expect(nsh).toContain('ReadEnvStr $R0 "PROGRAMDATA"');
    expect(nsh).toContain('CopyFiles /SILENT /FILESONLY "$provisionSource" "$R0\\Nuqta POS\\provision.json"');
    // The same place main/app/provisioning.ts looks (it joins with the host's separator; Windows reads both).
    expect(path.win32.normalize(defaultProvisionFile({ ProgramData: 'C:\\ProgramData' }, 'win32'))).toBe(
      path.win32.join('C:\\ProgramData', 'Nuqta POS', 'provision.json'),
    );
    expect(defaultProvisionFile({}, 'linux')).toBe('/etc/nuqta-pos/provision.json');
  });

  const makensis = spawnSync('makensis', ['-VERSION'], { encoding: 'utf8' }).status === 0;

  // makensis is on till build machines and CI runners (electron-builder brings its own); `apt-get install nsis`
  // here. electron-builder compiles with -WX (warnings are errors) and -INPUTCHARSET UTF8, and so does this.
  it.skipIf(!makensis)('compiles with makensis -WX, in the installer and in the uninstaller build', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-nsis-'));
    try {
      const harness = path.join(dir, 'harness.nsi');
      fs.writeFileSync(
        harness,
        [
          `!include "${path.join(root, 'resources', 'installer', 'provision.nsh')}"`,
          'Unicode true',
          'Name "provision harness"',
          `OutFile "${path.join(dir, 'harness.exe')}"`,
          'RequestExecutionLevel admin',
          'InstallDir "$PROGRAMFILES64\\Nuqta POS"',
          '!ifndef BUILD_UNINSTALLER',
          'Function .onInit',
          '  SetShellVarContext all',
          '  !insertmacro customInit',
          'FunctionEnd',
          'Section "install"',
          '  !insertmacro customInstall',
          'SectionEnd',
          '!else',
          'Section "uninstall-build"',
          '  !insertmacro customUnInstall',
          'SectionEnd',
          '!endif',
          '',
        ].join('\n'),
      );
      for (const extra of [[], ['-DBUILD_UNINSTALLER']]) {
        // The defines electron-builder hands every include (NsisTarget.js): the project folder and the app's .exe.
        const defines = [`-DPROJECT_DIR=${root}`, '-DAPP_EXECUTABLE_FILENAME=Nuqta POS.exe'];
        execFileSync('makensis', ['-WX', '-INPUTCHARSET', 'UTF8', '-V2', ...defines, ...extra, harness], { stdio: 'pipe' });
        expect(fs.statSync(path.join(dir, 'harness.exe')).size).toBeGreaterThan(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run dist', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    devDependencies: Record<string, string>;
  };

  it('builds, then packages with electron-builder (a dev dependency)', () => {
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder --publish never');
    expect(pkg.devDependencies['electron-builder']).toBeDefined();
    expect(pkg.devDependencies['@electron/fuses']).toBeDefined();
  });
});
