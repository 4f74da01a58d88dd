// The deb's maintainer scripts and systemd units for the update service (resources/installer): parsed by bash and
// sh, rendered the way electron-builder renders them, still carrying electron-builder's own template, and the
// Nuqta part run for real in a temporary root (NUQTA_TEST_ROOT) with logging stand-ins for systemctl, getent,
// groupadd, groupdel and chown on the PATH — nothing on this machine's /etc or systemd is touched. The units are
// checked against the code's paths and, where systemd-analyze is installed, by `systemd-analyze verify`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { debPaths } from '../../main/updates';
import { APPLY_STAGED_FLAG } from '../../main/shell';
import { tempDir } from '../support/tmp';

const repo = path.resolve(__dirname, '..', '..');
const installerDir = path.join(repo, 'resources', 'installer');
const require = createRequire(import.meta.url);
const templates = path.join(path.dirname(require.resolve('app-builder-lib/package.json')), 'templates', 'linux');
const builder = parse(fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as {
  productName: string;
  linux: { executableName: string; extraResources: Array<{ from: string; to: string }> };
  deb: { afterInstall: string; afterRemove: string };
};
const macros = { executable: builder.linux.executableName, sanitizedProductName: builder.productName };
const MARKER = '# --- Nuqta POS: the update service';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** As app-builder-lib's writeConfigFile: every ${name} filled in, an unknown one stops the build. */
function render(text: string): string {
  return text.replace(/\${([a-zA-Z]+)}/g, (_m, name: string) => {
    if (!(name in macros)) throw new Error(`Macro ${name} is not defined`);
    return macros[name as keyof typeof macros];
  });
}

const script = (which: 'afterInstall' | 'afterRemove') => fs.readFileSync(path.join(repo, builder.deb[which]), 'utf8');

/** A temporary root with stand-ins on the PATH; `groupExists` is what getent answers. */
function rig(groupExists = false) {
  const t = tempDir('nuqta-deb-scripts-');
  cleanups.push(t.cleanup);
  const root = path.join(t.dir, 'root');
  const bin = path.join(t.dir, 'bin');
  const log = path.join(t.dir, 'calls');
  fs.mkdirSync(bin);
  const standIn = (name: string, exit = 0) =>
    fs.writeFileSync(path.join(bin, name), `#!/bin/sh\necho "${name} $*" >> '${log}'\nexit ${exit}\n`, { mode: 0o755 });
  for (const name of ['systemctl', 'groupadd', 'groupdel', 'chown']) standIn(name);
  standIn('getent', groupExists ? 0 : 2);
  // What the package puts in /opt: the unit files, through linux.extraResources.
  const shipped = path.join(root, 'opt', builder.productName, 'resources', builder.linux.extraResources[0]!.to);
  fs.mkdirSync(shipped, { recursive: true });
  for (const f of fs.readdirSync(path.join(installerDir, 'systemd'))) fs.copyFileSync(path.join(installerDir, 'systemd', f), path.join(shipped, f));
  /** Runs the Nuqta part of a rendered script as dpkg would, with `args`. */
  const run = (which: 'afterInstall' | 'afterRemove', ...args: string[]) => {
    const text = render(script(which));
    const file = path.join(t.dir, `${which}.sh`);
    fs.writeFileSync(file, `#!/bin/bash\n${text.slice(text.indexOf(MARKER))}`);
    const r = spawnSync('bash', [file, ...args], { env: { PATH: `${bin}:/usr/bin:/bin`, NUQTA_TEST_ROOT: root }, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  };
  const calls = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : []);
  const reset = () => fs.rmSync(log, { force: true });
  return { root, run, calls, reset, paths: debPaths(root) };
}

const mode = (p: string) => fs.statSync(p).mode & 0o7777;

describe('the deb maintainer scripts', () => {
  it.each(['afterInstall', 'afterRemove'] as const)('%s parses (bash -n, sh -n) and names only electron-builder’s macros', (which) => {
    const file = path.join(repo, builder.deb[which]);
    execFileSync('bash', ['-n', file]);
    execFileSync('sh', ['-n', file]);
    expect(() => render(script(which))).not.toThrow();
    expect(script(which).startsWith('#!/bin/bash\n')).toBe(true);
  });

  it.each([
    ['afterInstall', 'after-install.tpl'],
    ['afterRemove', 'after-remove.tpl'],
  ] as const)('%s still does what electron-builder’s own %s does (naming a script replaces it)', (which, tpl) => {
    const own = fs.readFileSync(path.join(templates, tpl), 'utf8').replace(/^#!.*\n/, '').trim();
    expect(script(which)).toContain(own);
    expect(script(which).indexOf(own)).toBeLessThan(script(which).indexOf(MARKER));
  });

  it('postinst: makes the group, the folders with their owners and modes, installs and enables the path unit', () => {
    const r = rig(false);
    fs.mkdirSync(path.join(r.root, 'run', 'systemd', 'system'), { recursive: true }); // systemd is running
    r.run('afterInstall', 'configure');
    const state = path.dirname(r.paths.updatesDir);
    expect(mode(state)).toBe(0o755);
    expect(mode(r.paths.updatesDir)).toBe(0o2770);
    expect(mode(r.paths.runDir)).toBe(0o700);
    expect(mode(path.join(state, 'update-home'))).toBe(0o700);
    for (const unit of ['nuqta-pos-update.path', 'nuqta-pos-update.service']) {
      const installed = path.join(r.root, 'etc', 'systemd', 'system', unit);
      expect(fs.readFileSync(installed, 'utf8')).toBe(fs.readFileSync(path.join(installerDir, 'systemd', unit), 'utf8'));
      expect(mode(installed)).toBe(0o644);
    }
    expect(fs.existsSync(r.paths.pathUnit)).toBe(true); // what the till's prepare looks for
    expect(r.calls()).toEqual([
      'getent group nuqta-pos',
      'groupadd --system nuqta-pos',
      `chown root:root ${state}`,
      `chown root:nuqta-pos ${r.paths.updatesDir}`,
      `chown root:root ${r.paths.runDir}`,
      `chown root:root ${path.join(state, 'update-home')}`,
      'systemctl daemon-reload',
      'systemctl enable --now nuqta-pos-update.path',
    ]);
  });

  it('postinst on an upgrade (run by the service itself): keeps what is there, never stops or restarts the service', () => {
    const r = rig(true);
    fs.mkdirSync(path.join(r.root, 'run', 'systemd', 'system'), { recursive: true });
    r.run('afterInstall', 'configure');
    fs.writeFileSync(path.join(r.paths.updatesDir, 'install-result'), '{}');
    r.reset();
    r.run('afterInstall', 'configure', '1.0.0');
    expect(fs.existsSync(path.join(r.paths.updatesDir, 'install-result'))).toBe(true);
    expect(r.calls()).not.toContain('groupadd --system nuqta-pos');
    expect(r.calls().filter((c) => c.startsWith('systemctl'))).toEqual(['systemctl daemon-reload', 'systemctl enable --now nuqta-pos-update.path']);
  });

  it('postinst without a running systemd (an image being built): enables for the next boot only', () => {
    const r = rig(true);
    r.run('afterInstall', 'configure');
    expect(r.calls().filter((c) => c.startsWith('systemctl'))).toEqual([`systemctl --root=${r.root} enable nuqta-pos-update.path`]);
  });

  it('postrm: nothing on an upgrade; a removal takes the service away and keeps staged updates; a purge takes everything', () => {
    const r = rig(true);
    fs.mkdirSync(path.join(r.root, 'run', 'systemd', 'system'), { recursive: true });
    r.run('afterInstall', 'configure');
    const units = path.join(r.root, 'etc', 'systemd', 'system');
    fs.mkdirSync(path.join(units, 'paths.target.wants'));
    fs.symlinkSync(r.paths.pathUnit, path.join(units, 'paths.target.wants', 'nuqta-pos-update.path'));
    r.reset();

    r.run('afterRemove', 'upgrade', '1.1.0');
    expect(r.calls()).toEqual([]);
    expect(fs.existsSync(r.paths.pathUnit)).toBe(true);

    r.run('afterRemove', 'remove');
    expect(r.calls()).toEqual(['systemctl disable --now nuqta-pos-update.path', 'systemctl daemon-reload']);
    expect(fs.readdirSync(units)).toEqual(['paths.target.wants']);
    expect(fs.readdirSync(path.join(units, 'paths.target.wants'))).toEqual([]);
    expect(fs.existsSync(r.paths.runDir)).toBe(false);
    expect(fs.existsSync(r.paths.updatesDir)).toBe(true);
    r.reset();

    r.run('afterRemove', 'purge');
    expect(fs.existsSync(path.dirname(r.paths.updatesDir))).toBe(false);
    expect(r.calls()).toContain('groupdel nuqta-pos');
  });
});

describe('the update service units', () => {
  const unit = (name: string) => fs.readFileSync(path.join(installerDir, 'systemd', name), 'utf8');
  const paths = debPaths();

  it('run the installed app with the entry’s flag, watch the request the till writes, as the code names them', () => {
    const exe = `/opt/${builder.productName}/${builder.linux.executableName}`;
    expect(unit('nuqta-pos-update.service')).toContain(`\nExecStart="${exe}" ${APPLY_STAGED_FLAG} --no-sandbox`);
    expect(unit('nuqta-pos-update.service')).toContain(`\nExecStopPost=/bin/rm -f ${paths.requestFile}\n`);
    expect(unit('nuqta-pos-update.path')).toContain(`\nPathExists=${paths.requestFile}\n`);
    expect(unit('nuqta-pos-update.path')).toContain('\nUnit=nuqta-pos-update.service\n');
    expect(builder.linux.extraResources).toContainEqual({ from: 'resources/installer/systemd', to: 'systemd' });
  });

  it('hide every home folder from the root service: updates are staged under /var/lib, where it reads them', () => {
    expect(unit('nuqta-pos-update.service')).toMatch(/\nProtectHome=yes\n/);
    for (const p of [paths.updatesDir, paths.runDir, paths.requestFile, paths.resultFile]) expect(p.startsWith('/var/lib/nuqta-pos/')).toBe(true);
    expect(unit('nuqta-pos-update.service')).toContain('Environment=HOME=/var/lib/nuqta-pos/update-home ');
  });

  it('pass systemd-analyze verify (the app itself is not on this machine: a stand-in binary takes its path)', () => {
    const analyze = spawnSync('systemd-analyze', ['--version']);
    if (analyze.error) {
      console.warn('systemd-analyze is not installed here: the units were not verified');
      return;
    }
    const t = tempDir('nuqta-units-');
    cleanups.push(t.cleanup);
    const exe = `/opt/${builder.productName}/${builder.linux.executableName}`;
    // Unchanged, the only complaint is the missing app.
    for (const f of ['nuqta-pos-update.service', 'nuqta-pos-update.path']) fs.writeFileSync(path.join(t.dir, f), unit(f));
    const asIs = spawnSync('systemd-analyze', ['verify', ...['nuqta-pos-update.service', 'nuqta-pos-update.path'].map((f) => path.join(t.dir, f))], { encoding: 'utf8' });
    const complaints = asIs.stderr.trim().split('\n');
    expect(complaints.length).toBeGreaterThan(0);
    for (const line of complaints) expect(line).toContain(exe);
    fs.writeFileSync(path.join(t.dir, 'nuqta-pos-update.service'), unit('nuqta-pos-update.service').replace(`"${exe}"`, '/bin/true'));
    const r = spawnSync('systemd-analyze', ['verify', ...['nuqta-pos-update.service', 'nuqta-pos-update.path'].map((f) => path.join(t.dir, f))], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('electron-builder.yml names the scripts where electron-builder reads them', () => {
  it('deb.afterInstall and deb.afterRemove, checked by its schema (a misspelt key is refused)', () => {
    expect(builder.deb).toEqual({ afterInstall: 'resources/installer/deb-after-install.sh', afterRemove: 'resources/installer/deb-after-remove.sh' });
    const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(builder)).toBe(true);
    expect(validate({ ...builder, deb: { afterInstal: builder.deb.afterInstall } })).toBe(false);
  });
});
