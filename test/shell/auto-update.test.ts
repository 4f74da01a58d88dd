// The Electron side of updates: the installer runs, and the till quits for it, only when the update service says
// "apply now"; never on Linux from here; a launcher that fails leaves the till running.
import { describe, expect, it, vi } from 'vitest';
import type { Ready } from '../../main/updates';
import { startAutoUpdate } from '../../main/shell/auto-update';
import { fakeUpdates } from './fake-till';

const staged = { version: '0.2.0', channel: 'stable', releasedAt: '2026-12-01T00:00:00Z', notes: { ar: '', en: '' }, platform: 'win32-x64' as const, signedBy: 'test', installerPath: 'C:\\ProgramData\\Nuqta POS\\updates\\staged\\Nuqta POS Setup 0.2.0.exe', size: 1, sha256: 'x' };

function rig(decision: Ready['decision'] | null, platform: NodeJS.Platform = 'win32', runInstaller = vi.fn()) {
  const updates = fakeUpdates();
  vi.mocked(updates.readyToApply).mockResolvedValue(decision === null ? null : ({ update: staged, decision } as Ready));
  const app = { quit: vi.fn() };
  const log = { warn: vi.fn(), error: vi.fn() };
  const updater = startAutoUpdate({ till: { updates }, app, platform, runInstaller, log, everyMs: 3_600_000 });
  return { updates, app, log, runInstaller, updater };
}

describe('installing a staged update from Electron', () => {
  it('runs the installer silently and quits only when the policy says now', async () => {
    const now = rig('apply-now');
    expect(await now.updater.tick()).toBe('installing');
    expect(now.updates.download).toHaveBeenCalledTimes(1);
    expect(now.runInstaller).toHaveBeenCalledWith(staged.installerPath, ['/S', '--force-run']);
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
    expect(r.runInstaller).not.toHaveBeenCalled();
    expect(r.app.quit).not.toHaveBeenCalled();
    r.updater.stop();
  });

  it('on Linux it announces the staged package once and never runs it', async () => {
    const r = rig('apply-now', 'linux');
    expect(await r.updater.tick()).toBe('not-now');
    expect(await r.updater.tick()).toBe('not-now');
    expect(r.runInstaller).not.toHaveBeenCalled();
    expect(r.app.quit).not.toHaveBeenCalled();
    expect(r.log.warn).toHaveBeenCalledTimes(1);
    r.updater.stop();
  });

  it('an installer that cannot start leaves the till running; a failed download is logged, not thrown', async () => {
    const r = rig(
      'apply-now',
      'win32',
      vi.fn(() => {
        throw new Error('ENOENT');
      }),
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
