// The admin screen's Updates tab through the real dispatcher on a real till: the manager PIN guards every call;
// a check against a local signed HTTPS feed finds the newer release and a download stages it verified; an offline
// folder is imported the same way; "install now" is refused in main — not only hidden in the view — while a sale
// is open, and otherwise checks with the platform installer, answers, and only then hands over and closes the till.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UpdateError, httpsFetch, updateErrorCatalog, type Installer, type StagedUpdate } from '../../main/updates';
import { updateSettings } from '../support/providers';
import { DEMO, startTestTill, type TestTill } from '../support/till';
import { tempDir } from '../support/tmp';
import { until } from '../support/until';
import { makeKey, makeRelease, startFeed, writeFolder, type Feed } from '../updates/feed-rig';

const PIN = '1234';
const vendor = makeKey('vendor-test');
const deb = (version: string) => makeRelease({ version, key: vendor, platform: 'linux-x64-deb', fileName: `nuqta-pos_${version}_amd64.deb` });

let feed: Feed;
beforeAll(async () => {
  feed = await startFeed();
});
afterAll(async () => {
  await feed.close();
});

let t: TestTill;
let tmp: { dir: string; cleanup(): void };
afterEach(async () => {
  await t?.close();
  tmp?.cleanup();
});

function recordingInstaller(fail?: Error): Installer & { prepared: StagedUpdate[]; launched: StagedUpdate[] } {
  const prepared: StagedUpdate[] = [];
  const launched: StagedUpdate[] = [];
  return {
    kind: 'appimage',
    prepared,
    launched,
    prepare: async (u) => {
      prepared.push(u);
      if (fail) throw fail;
    },
    launch: async (u) => void launched.push(u),
  };
}

async function start(installer: Installer, onInstalling = vi.fn()) {
  tmp = tempDir('nuqta-updates-admin-');
  updateSettings(tmp.dir, { updates: { policy: 'manual', opensAt: '08:00', closesAt: '23:00', feedUrl: feed.url } });
  t = await startTestTill(tmp.dir, {
    appVersion: '1.0.0',
    installer,
    onInstalling,
    updateTrust: { trustedKeys: [vendor.trusted], fetch: httpsFetch({ ca: feed.ca }) },
  });
  return onInstalling;
}

describe('the Updates tab', () => {
  it('is guarded by the manager PIN', async () => {
    await start(recordingInstaller());
    expect(await t.attempt('getUpdates', { managerPin: '9999' })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
    expect(await t.attempt('installUpdate', { managerPin: '9999' })).toMatchObject({ ok: false, error: { code: 'MANAGER_PIN_WRONG' } });
  });

  it('shows the version and policy, finds the newer release, stages it, and waits while a sale is open', async () => {
    feed.publish(deb('1.1.0'));
    await start(recordingInstaller());
    const first = await t.call('getUpdates', { managerPin: PIN });
    expect(first).toMatchObject({ currentVersion: '1.0.0', platform: 'linux-x64-deb', installer: 'appimage', policy: 'manual', feedUrl: feed.url, check: null, staged: null, decision: { kind: 'nothing-staged' } });

    const checked = await t.call('checkUpdates', { managerPin: PIN });
    expect(checked.check).toMatchObject({ status: 'available', release: { version: '1.1.0', notes: { ar: 'إصلاحات', en: 'Fixes' } } });
    expect(checked.checkedAt).not.toBeNull();
    expect(checked.staged).toBeNull();

    const downloaded = await t.call('downloadUpdate', { managerPin: PIN });
    expect(downloaded.staged).toMatchObject({ version: '1.1.0', signedBy: 'vendor-test' });
    expect(downloaded.decision).toEqual({ kind: 'may-install' });

    await t.call('scanBarcode', { barcode: DEMO.milk.barcode });
    const busy = await t.call('getUpdates', { managerPin: PIN });
    expect(busy.decision).toMatchObject({ kind: 'wait', reasons: [{ code: 'UPDATE_WAIT_SALE' }] });
  });

  it('refuses to install in main while a sale is open; installs once the sale is done, after the answer', async () => {
    feed.publish(deb('1.2.0'));
    const installer = recordingInstaller();
    const onInstalling = await start(installer);
    await t.call('downloadUpdate', { managerPin: PIN });
    const sale = await t.call('scanBarcode', { barcode: DEMO.milk.barcode });

    const refused = await t.call('installUpdate', { managerPin: PIN });
    expect(refused).toMatchObject({ outcome: 'refused', reasons: [{ code: 'UPDATE_WAIT_SALE' }] });
    expect(installer.prepared).toEqual([]);

    await t.call('tenderCash', { tenderedHalalas: sale.dueHalalas });
    const answer = await t.call('installUpdate', { managerPin: PIN });
    expect(answer).toEqual({ outcome: 'installing', version: '1.2.0' });
    expect(installer.prepared.map((u) => u.version)).toEqual(['1.2.0']);
    // Handed over only after the answer went back, then the shell is told to quit.
    expect(installer.launched).toEqual([]);
    await until(() => onInstalling.mock.calls.length === 1);
    expect(installer.launched.map((u) => u.version)).toEqual(['1.2.0']);
  });

  it('hands over once when "install now" arrives twice while the first is still being checked', async () => {
    // Windows' Authenticode check runs PowerShell (a second or more): a second call in that time must not pass
    // the "already installing" test and launch the installer a second time (a second task run, or the direct
    // fallback running the installer beside the task's).
    feed.publish(deb('1.2.5'));
    const installer = recordingInstaller();
    const slowPrepare = installer.prepare;
    installer.prepare = async (u) => {
      await new Promise((r) => setTimeout(r, 300));
      return slowPrepare(u);
    };
    const onInstalling = await start(installer);
    await t.call('downloadUpdate', { managerPin: PIN });
    const answers = await Promise.all([t.call('installUpdate', { managerPin: PIN }), t.call('installUpdate', { managerPin: PIN })]);
    expect(answers).toEqual([
      { outcome: 'installing', version: '1.2.5' },
      { outcome: 'installing', version: '1.2.5' },
    ]);
    await until(() => onInstalling.mock.calls.length >= 1);
    await new Promise((r) => setTimeout(r, 400));
    expect(installer.prepared.map((u) => u.version)).toEqual(['1.2.5']);
    expect(installer.launched.map((u) => u.version)).toEqual(['1.2.5']);
    expect(onInstalling).toHaveBeenCalledTimes(1);
  });

  it("says why when nothing is staged or the platform's installer refuses (nothing changes)", async () => {
    const installer = recordingInstaller(new UpdateError('UPDATE_INSTALLER_UNSIGNED', 'test'));
    const onInstalling = await start(installer);
    expect(await t.call('installUpdate', { managerPin: PIN })).toMatchObject({ outcome: 'refused', reasons: [{ code: 'UPDATE_NOTHING_STAGED' }] });

    feed.publish(deb('1.3.0'));
    await t.call('downloadUpdate', { managerPin: PIN });
    const refused = await t.call('installUpdate', { managerPin: PIN });
    expect(refused).toMatchObject({ outcome: 'refused', reasons: [updateErrorCatalog.data('UPDATE_INSTALLER_UNSIGNED')] });
    await new Promise((r) => setTimeout(r, 400));
    expect(onInstalling).not.toHaveBeenCalled();
  });

  it('an install that fails after the answer (a deb: apt-get, while the till stays open) shows its reason in the tab and closes nothing', async () => {
    feed.publish(deb('1.3.5'));
    const installer = { ...recordingInstaller(), kind: 'deb' as const };
    installer.launch = async (u) => {
      installer.launched.push(u);
      throw new UpdateError('UPDATE_DEB_FAILED', 'apt-get ended with 100');
    };
    const onInstalling = await start(installer);
    await t.call('downloadUpdate', { managerPin: PIN });
    expect(await t.call('installUpdate', { managerPin: PIN })).toEqual({ outcome: 'installing', version: '1.3.5' });
    await until(() => installer.launched.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    const status = await t.call('getUpdates', { managerPin: PIN });
    expect(status.check).toEqual({ status: 'failed', error: updateErrorCatalog.data('UPDATE_DEB_FAILED') });
    expect(onInstalling).not.toHaveBeenCalled();
    // Not stuck "installing": the admin may try again.
    expect(await t.call('installUpdate', { managerPin: PIN })).toEqual({ outcome: 'installing', version: '1.3.5' });
    await until(() => installer.launched.length === 2);
  });

  it('imports an offline folder, and reports a folder that fails verification beside the check', async () => {
    await start(recordingInstaller());
    const usb = writeFolder(path.join(tmp.dir, 'usb'), deb('1.4.0'));
    const imported = await t.call('importUpdateFolder', { managerPin: PIN, folder: usb });
    expect(imported.staged).toMatchObject({ version: '1.4.0' });

    const foreign = makeRelease({ version: '1.5.0', key: makeKey('someone-else'), platform: 'linux-x64-deb', fileName: 'x.deb' });
    const bad = await t.call('importUpdateFolder', { managerPin: PIN, folder: writeFolder(path.join(tmp.dir, 'bad'), foreign) });
    expect(bad.check).toMatchObject({ status: 'failed', error: { code: 'UPDATE_SIGNATURE_INVALID' } });
    expect(bad.staged).toMatchObject({ version: '1.4.0' }); // what was staged stays
  });

  it('the browser host installs nothing, and says so in both languages', async () => {
    tmp = tempDir('nuqta-updates-admin-');
    t = await startTestTill(tmp.dir, { appVersion: '1.0.0', updateTrust: { trustedKeys: [vendor.trusted] } });
    await t.call('importUpdateFolder', { managerPin: PIN, folder: writeFolder(path.join(tmp.dir, 'usb'), deb('1.1.0')) });
    const status = await t.call('getUpdates', { managerPin: PIN });
    expect(status.installer).toBe('none');
    const answer = await t.call('installUpdate', { managerPin: PIN });
    expect(answer).toMatchObject({ outcome: 'refused', reasons: [updateErrorCatalog.data('UPDATE_INSTALL_UNAVAILABLE')] });
  });
});
