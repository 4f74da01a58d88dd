// The Electron side of updates: the platform installer runs, and the till quits for it, only when the update
// service says "apply now" (a deb through its root update service too); an installer that fails leaves the till running.
import { describe, expect, it, vi } from 'vitest';
import type { Installer, Ready } from '../../main/updates';
import { startAutoUpdate } from '../../main/shell/auto-update';
import { fakeUpdates } from './fake-till';

const staged = { version: '0.2.0', channel: 'stable', releasedAt: '2026-12-01T00:00:00Z', notes: { ar: '', en: '' }, platform: 'win32-x64' as const, signedBy: 'test', installerPath: 'C:\\ProgramData\\Nuqta POS\\updates\\staged\\Nuqta POS Setup 0.2.0.exe', size: 1, sha256: 'x' };

function fakeInstaller(kind: Installer['kind'] = 'windows', launch = vi.fn(async () => {})) {
  return { kind, prepare: vi.fn(async () => {}), launch };
}

function rig(decision: Ready['decision'] | null, installer = fakeInstaller()) {
  const updates = fakeUpdates();
  vi.mocked(updates.readyToApply).mockResolvedValue(decision === null ? null : ({ update: staged, decision } as Ready));
  const app = { quit: vi.fn() };
  const log = { warn: vi.fn(), error: vi.fn() };
  const updater = startAutoUpdate({ till: { updates }, app, installer, log, everyMs: 3_600_000 });
  return { updates, app, log, installer, updater };
}

describe('installing a staged update from Electron', () => {
  it('checks, hands over to the installer and quits only when the policy says now', async () => {
    const now = rig('apply-now');
    expect(await now.updater.tick()).toBe('installing');
    expect(now.updates.download).toHaveBeenCalledTimes(1);
    expect(now.installer.prepare).toHaveBeenCalledWith(staged);
    expect(now.installer.launch).toHaveBeenCalledWith(staged);
    expect(now.app.quit).toHaveBeenCalledTimes(1);
    now.updater.stop();
  });

  it.each([
    ['nothing staged', null],
    ['a sale or a payment in doubt', { wait: { code: 'UPDATE_WAIT_SALE', message_ar: 'x', message_en: 'x' }, reasons: [] }],
    ['manual policy', 'ask-admin'],
    ['policy off', 'never'],
    ['a downgrade', { refuse: { code: 'UPDATE_DOWNGRADE', message_ar: 'x', message_en: 'x' } }],
  ] as const)('does nothing for %s', async (_what, decision) => {
    const r = rig(decision as Ready['decision'] | null);
    expect(await r.updater.tick()).toBe('not-now');
    expect(r.installer.launch).not.toHaveBeenCalled();
    expect(r.app.quit).not.toHaveBeenCalled();
    r.updater.stop();
  });

  it('a deb install goes through its root update service like any installer, then the till quits (its installer has registered the relaunch)', async () => {
    const r = rig('apply-now', fakeInstaller('deb'));
    expect(await r.updater.tick()).toBe('installing');
    expect(r.installer.prepare).toHaveBeenCalledWith(staged);
    expect(r.installer.launch).toHaveBeenCalledWith(staged);
    expect(r.app.quit).toHaveBeenCalledTimes(1);
    r.updater.stop();
  });

  it('a deb install that fails (apt-get, the service) leaves the till open on its version', async () => {
    const r = rig(
      'apply-now',
      fakeInstaller(
        'deb',
        vi.fn(async () => {
          throw new Error('UPDATE_DEB_FAILED');
        }),
      ),
    );
    expect(await r.updater.tick()).toBe('not-now');
    expect(r.app.quit).not.toHaveBeenCalled();
    expect(r.log.error).toHaveBeenCalledTimes(1);
    r.updater.stop();
  });

  it('where nothing can install, the staged update is announced once and never run', async () => {
    const r = rig('apply-now', fakeInstaller('none'));
    expect(await r.updater.tick()).toBe('not-now');
    expect(await r.updater.tick()).toBe('not-now');
    expect(r.installer.launch).not.toHaveBeenCalled();
    expect(r.app.quit).not.toHaveBeenCalled();
    expect(r.log.warn).toHaveBeenCalledTimes(1);
    r.updater.stop();
  });

  it('an installer that cannot start leaves the till running; a failed download is logged, not thrown', async () => {
    const r = rig(
      'apply-now',
      fakeInstaller(
        'windows',
        vi.fn(async () => {
          throw new Error('ENOENT');
        }),
      ),
    );
    vi.mocked(r.updates.download).mockRejectedValueOnce(new Error('feed down'));
    expect(await r.updater.tick()).toBe('not-now');
    expect(r.app.quit).not.toHaveBeenCalled();
    expect(r.log.warn).toHaveBeenCalledWith('the update could not be downloaded; the till runs on', expect.any(Error));
    expect(r.log.error).toHaveBeenCalledTimes(1);
    r.updater.stop();
  });

  it('one check at a time', async () => {
    const r = rig(null);
    await Promise.all([r.updater.tick(), r.updater.tick(), r.updater.tick()]);
    expect(r.updates.readyToApply).toHaveBeenCalledTimes(1);
    r.updater.stop();
  });
});
