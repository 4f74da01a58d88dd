// .github/workflows/release.yml cannot run here (it needs networked Windows and Ubuntu runners); this checks
// that it parses and keeps the steps a release depends on, with paths that match electron-builder.yml.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '..', '..');
type Step = { name?: string; run?: string; uses?: string; env?: Record<string, string> };
type Job = { 'runs-on': string; steps: Step[]; needs?: string[]; if?: string; permissions?: Record<string, string> };
const workflow = parse(fs.readFileSync(path.join(root, '.github', 'workflows', 'release.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const builder = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  productName: string;
  linux: { executableName: string };
};
const runs = (job: string) => (workflow.jobs[job]?.steps ?? []).map((s) => s.run ?? '').join('\n');

describe('release workflow', () => {
  it('builds on Windows and Ubuntu runners and drafts the release only from a version tag', () => {
    expect(workflow.jobs.windows?.['runs-on']).toMatch(/^windows-/);
    expect(workflow.jobs.linux?.['runs-on']).toMatch(/^ubuntu-/);
    expect(workflow.on.push).toStrictEqual({ tags: ['v*'] });
    expect(workflow.permissions).toStrictEqual({ contents: 'read' });
    expect(workflow.jobs.publish?.needs).toStrictEqual(['windows', 'linux']);
    expect(workflow.jobs.publish?.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(runs('publish')).toMatch(/gh release create "\$GITHUB_REF_NAME" --draft/);
  });

  it.each(['windows', 'linux'])('%s: installs, rebuilds native modules for Electron, builds, packages, checks the fuses', (job) => {
    const text = runs(job);
    const order = ['npm ci', 'npx electron-builder install-app-deps', 'npm run dist', 'node scripts/release/check-fuses.mjs'];
    const at = order.map((command) => text.indexOf(command));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toStrictEqual(at);
  });

  it('checks the fuses on the executables electron-builder.yml names', () => {
    expect(runs('windows')).toContain(`check-fuses.mjs "release/win-unpacked/${builder.productName}.exe"`);
    expect(runs('linux')).toContain(`check-fuses.mjs release/linux-unpacked/${builder.linux.executableName}`);
  });

  it('signs Windows from secrets only, refuses an unsigned build, and verifies the signatures', () => {
    const step = workflow.jobs.windows?.steps.find((s) => s.run?.includes('npm run dist'));
    expect(step?.env).toStrictEqual({
      CSC_LINK: '${{ secrets.WIN_CSC_LINK }}',
      CSC_KEY_PASSWORD: '${{ secrets.WIN_CSC_KEY_PASSWORD }}',
      NUQTA_SIGN_COMMAND: '${{ secrets.NUQTA_SIGN_COMMAND }}',
    });
    expect(step?.run).toContain('-c.win.forceCodeSigning=true');
    expect(step?.run).toContain('-c.win.signtoolOptions.sign=./scripts/release/sign-windows.mjs');
    expect(fs.existsSync(path.join(root, 'scripts', 'release', 'sign-windows.mjs'))).toBe(true);
    expect(runs('windows')).toContain('Get-AuthenticodeSignature');
  });

  it('writes SHA256SUMS, then GPG-signs it and each Linux package, and checks each signature', () => {
    const text = runs('publish');
    expect(text).toContain('node scripts/release/checksums.mjs out');
    expect(text).toContain('--detach-sign');
    expect(text).toContain('for f in out/*.deb out/*.AppImage out/SHA256SUMS');
    expect(text).toContain('gpg --batch --verify "$f.asc" "$f"');
    expect(text.indexOf('checksums.mjs')).toBeLessThan(text.indexOf('--detach-sign'));
  });
});
