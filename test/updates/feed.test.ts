// The updates service against a local HTTPS feed (openssl-made certificate, real sockets, real files): check →
// download → sha256 verified and staged → readyToApply under the policy; a corrupted or oversized installer
// refused and deleted; a downgrade and an unsigned or foreign-signed feed refused before any download; the
// offline folder verified the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUpdates, httpsFetch, isUpdateError, type TillState, type UpdateErrorCode, type UpdateSettingsView, type UpdatesOptions } from '../../main/updates';
import { installerBytes, makeKey, makeRelease, sha256, startFeed, writeFolder, type Feed } from './feed-rig';

const vendor = makeKey('vendor-2026');
const stranger = makeKey('someone-else');
let feed: Feed;
let dir: string;
let settings: UpdateSettingsView;
let till: TillState;
/** 00:30 in Riyadh: the shop (08:00-23:00) is closed. */
const NIGHT = new Date('2026-03-01T21:30:00Z');

beforeAll(async () => {
  feed = await startFeed();
});
afterAll(() => feed.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nuqta-updates-'));
  settings = { policy: 'automatic', opensAt: '08:00', closesAt: '23:00', feedUrl: feed.url, timeZone: 'Asia/Riyadh' };
  till = { saleInProgress: false, paymentInDoubt: false, unreportedInvoices: 0 };
  feed.requests.length = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const downloads = (): string => path.join(dir, 'updates');

function service(over: Partial<UpdatesOptions> = {}) {
  return createUpdates({
    settings: () => settings,
    currentVersion: '1.2.0',
    platform: 'win32-x64',
    tillState: () => till,
    downloadDir: downloads(),
    fetch: httpsFetch({ ca: feed.ca }),
    now: () => NIGHT,
    trustedKeys: [vendor.trusted],
    ...over,
  });
}

async function codeOf(run: () => Promise<unknown>): Promise<UpdateErrorCode | 'no error'> {
  try {
    await run();
    return 'no error';
  } catch (e) {
    if (isUpdateError(e)) return e.code;
    throw e;
  }
}

const leftovers = (): string[] => (fs.existsSync(downloads()) ? fs.readdirSync(downloads()) : []);

describe('the update feed over HTTPS', () => {
  it('check → download → verified, staged, and applied only when the policy says so', async () => {
    const release = makeRelease({ version: '1.3.0', key: vendor });
    feed.publish(release);
    const updates = service();

    expect(await updates.check()).toMatchObject({ status: 'available', version: '1.3.0', signedBy: 'vendor-2026', notes: { en: 'Fixes', ar: 'إصلاحات' } });
    expect(feed.requests).toEqual(['/feed/stable/latest.json', '/feed/stable/latest.json.sig']);

    const result = await updates.download();
    if (result.status !== 'staged') throw new Error(`expected staged, got ${result.status}`);
    expect(result.alreadyStaged).toBe(false);
    const installer = [...release.files.values()][0] ?? Buffer.alloc(0);
    expect(sha256(fs.readFileSync(result.update.installerPath))).toBe(sha256(installer));
    expect(result.update).toMatchObject({ version: '1.3.0', sha256: sha256(installer), size: installer.length, platform: 'win32-x64' });
    expect(fs.statSync(result.update.installerPath).mode & 0o777).toBe(0o600);
    expect(leftovers()).toEqual(['staged']);

    // Asked again, the staged file is re-verified and kept: no second download.
    feed.requests.length = 0;
    expect(await updates.download()).toMatchObject({ status: 'staged', alreadyStaged: true });
    expect(feed.requests).not.toContain('/feed/stable/Nuqta POS Setup 1.3.0.exe');

    expect(await updates.readyToApply()).toMatchObject({ decision: 'apply-now', update: { version: '1.3.0' } });
    till = { ...till, saleInProgress: true };
    expect(await updates.readyToApply()).toMatchObject({ decision: { wait: { code: 'UPDATE_WAIT_SALE' } } });
    till = { ...till, saleInProgress: false, paymentInDoubt: true };
    expect(await updates.readyToApply()).toMatchObject({ decision: { wait: { code: 'UPDATE_WAIT_PAYMENT' } } });
    till = { ...till, paymentInDoubt: false, unreportedInvoices: 4 };
    expect(await updates.readyToApply()).toMatchObject({ decision: { wait: { code: 'UPDATE_WAIT_INVOICES' } } });
    till = { ...till, unreportedInvoices: 0 };
    settings = { ...settings, policy: 'manual' };
    expect(await updates.readyToApply()).toMatchObject({ decision: 'ask-admin' });
    settings = { ...settings, policy: 'off' };
    expect(await updates.readyToApply()).toMatchObject({ decision: 'never' });

    // Once the till runs 1.3.0, the staged copy is no longer an update: it is cleared.
    expect(await service({ currentVersion: '1.3.0' }).readyToApply()).toBeNull();
    expect(leftovers()).toEqual([]);
  });

  it('a corrupted installer is refused with a bilingual error and deleted; nothing is staged', async () => {
    const release = makeRelease({ version: '1.3.0', key: vendor });
    const name = 'Nuqta POS Setup 1.3.0.exe';
    const good = release.files.get(name) ?? Buffer.alloc(0);
    const bad = Buffer.from(good);
    bad[1000] = (bad[1000] ?? 0) ^ 0xff;
    feed.publish(release);
    feed.routes.set(name, bad);

    const updates = service();
    let error: unknown;
    await updates.download().catch((e: unknown) => (error = e));
    expect(isUpdateError(error) && error.code).toBe('UPDATE_FILE_MISMATCH');
    if (isUpdateError(error)) {
      expect(error.toData().message_en).toMatch(/does not match what the vendor signed.*deleted/);
      expect(error.toData().message_ar).toMatch(/لا يطابق/);
    }
    expect(feed.requests).toContain(`/feed/stable/${name}`);
    expect(leftovers()).toEqual([]);
    expect(await updates.readyToApply()).toBeNull();
  });

  it('a server sending more bytes than signed is cut off and nothing is kept', async () => {
    const release = makeRelease({ version: '1.3.0', key: vendor });
    const name = 'Nuqta POS Setup 1.3.0.exe';
    feed.publish(release);
    feed.routes.set(name, Buffer.concat([release.files.get(name) ?? Buffer.alloc(0), installerBytes('extra', 200 * 1024)]));
    expect(await codeOf(() => service().download())).toBe('UPDATE_FILE_MISMATCH');
    expect(leftovers()).toEqual([]);
  });

  it('a staged installer changed on disk is refused and deleted before it is applied', async () => {
    feed.publish(makeRelease({ version: '1.3.0', key: vendor }));
    const updates = service();
    const result = await updates.download();
    if (result.status !== 'staged') throw new Error('not staged');
    fs.appendFileSync(result.update.installerPath, 'x');
    expect(await codeOf(() => updates.readyToApply())).toBe('UPDATE_FILE_MISMATCH');
    expect(leftovers()).toEqual([]);
    // And the next download fetches it again, clean.
    expect(await updates.download()).toMatchObject({ status: 'staged', alreadyStaged: false });
  });

  it('an older or equal release on the feed is up to date, never downloaded', async () => {
    for (const version of ['1.1.0', '1.2.0']) {
      feed.publish(makeRelease({ version, key: vendor }));
      feed.requests.length = 0;
      expect(await service().check()).toEqual({ status: 'up-to-date', latest: version, signedBy: 'vendor-2026' });
      expect(await service().download()).toMatchObject({ status: 'up-to-date' });
      expect(feed.requests.filter((r) => r.endsWith('.exe'))).toEqual([]);
      expect(leftovers()).toEqual([]);
    }
  });

  it('an unsigned feed or one signed by an unknown key is refused before anything is downloaded', async () => {
    const foreign = makeRelease({ version: '9.0.0', key: stranger });
    feed.publish(foreign);
    expect(await codeOf(() => service().check())).toBe('UPDATE_SIGNATURE_INVALID');
    expect(await codeOf(() => service().download())).toBe('UPDATE_SIGNATURE_INVALID');

    feed.publish(makeRelease({ version: '1.3.0', key: vendor }));
    feed.routes.delete('latest.json.sig');
    expect(await codeOf(() => service().download())).toBe('UPDATE_SIGNATURE_MISSING');

    // The signature of one manifest under another's bytes.
    const real = makeRelease({ version: '1.3.0', key: vendor });
    const other = makeRelease({ version: '1.4.0', key: vendor });
    feed.publish(real);
    feed.routes.set('latest.json.sig', other.signature);
    expect(await codeOf(() => service().download())).toBe('UPDATE_SIGNATURE_INVALID');

    expect(feed.requests.filter((r) => r.endsWith('.exe'))).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it('https only: a redirect to http is refused; a certificate the till does not trust fails', async () => {
    feed.publish(makeRelease({ version: '1.3.0', key: vendor }));
    feed.routes.set('latest.json', { redirect: 'http://127.0.0.1:9/latest.json' });
    expect(await codeOf(() => service().check())).toBe('UPDATE_NOT_HTTPS');

    feed.publish(makeRelease({ version: '1.3.0', key: vendor }));
    expect(await codeOf(() => service({ fetch: httpsFetch() }).check())).toBe('UPDATE_FEED_UNREACHABLE');
    expect(await codeOf(() => service({ fetch: undefined }).check())).toBe('UPDATE_FEED_UNREACHABLE');
  });

  it('follows an https redirect to the file store', async () => {
    const release = makeRelease({ version: '1.3.0', key: vendor });
    feed.publish(release);
    const name = 'Nuqta POS Setup 1.3.0.exe';
    feed.routes.set('store/blob-1', release.files.get(name) ?? Buffer.alloc(0));
    feed.routes.set(name, { redirect: `${feed.url}/store/blob-1` });
    expect(await service().download()).toMatchObject({ status: 'staged' });
  });

  it('a manifest over the size limit is refused', async () => {
    feed.publish(makeRelease({ version: '1.3.0', key: vendor }));
    feed.routes.set('latest.json', Buffer.alloc(200 * 1024, 0x20));
    expect(await codeOf(() => service().check())).toBe('UPDATE_TOO_LARGE');
  });

  it('policy off asks nothing; no feed URL means offline files only', async () => {
    feed.publish(makeRelease({ version: '1.3.0', key: vendor }));
    settings = { ...settings, policy: 'off' };
    expect(await service().check()).toEqual({ status: 'off' });
    settings = { ...settings, policy: 'manual', feedUrl: null };
    expect(await service().download()).toEqual({ status: 'no-feed' });
    expect(feed.requests).toEqual([]);
  });
});

describe('an offline update folder', () => {
  const usb = (): string => path.join(dir, 'usb');

  it('is verified in place like the feed, and imported as a verified copy', async () => {
    const release = makeRelease({ version: '1.3.0', key: vendor });
    writeFolder(usb(), release);
    const updates = service({ fetch: () => Promise.reject(new Error('offline: no network')) });

    const verified = await updates.verifyFile(usb());
    expect(verified).toMatchObject({ version: '1.3.0', signedBy: 'vendor-2026', installerPath: path.join(usb(), 'Nuqta POS Setup 1.3.0.exe') });
    expect(await updates.verifyFile(path.join(usb(), 'latest.json'))).toMatchObject({ version: '1.3.0' });
    expect(leftovers()).toEqual([]);

    const staged = await updates.importFile(usb());
    expect(staged.installerPath.startsWith(downloads())).toBe(true);
    expect(sha256(fs.readFileSync(staged.installerPath))).toBe(staged.sha256);
    // The drive can go: the staged copy is what is applied.
    fs.rmSync(usb(), { recursive: true });
    expect(await updates.readyToApply()).toMatchObject({ decision: 'apply-now', update: { version: '1.3.0' } });
  });

  it('a corrupted installer on the drive is refused, the admin\'s file left alone, nothing staged', async () => {
    const release = makeRelease({ version: '1.3.0', key: vendor });
    writeFolder(usb(), release);
    const file = path.join(usb(), 'Nuqta POS Setup 1.3.0.exe');
    const bytes = fs.readFileSync(file);
    bytes[5] = (bytes[5] ?? 0) ^ 1;
    fs.writeFileSync(file, bytes);
    const updates = service();
    expect(await codeOf(() => updates.verifyFile(usb()))).toBe('UPDATE_OFFLINE_MISMATCH');
    expect(await codeOf(() => updates.importFile(usb()))).toBe('UPDATE_OFFLINE_MISMATCH');
    expect(fs.existsSync(file)).toBe(true);
    expect(leftovers()).toEqual([]);
    // Longer than signed: the copy stops at the signed size.
    fs.writeFileSync(file, Buffer.concat([[...release.files.values()][0] ?? Buffer.alloc(0), Buffer.from('tail')]));
    expect(await codeOf(() => updates.importFile(usb()))).toBe('UPDATE_OFFLINE_MISMATCH');
    expect(leftovers()).toEqual([]);
  });

  it('refuses a downgrade, a foreign signature, a missing signature or installer', async () => {
    writeFolder(path.join(usb(), 'old'), makeRelease({ version: '1.1.0', key: vendor }));
    expect(await codeOf(() => service().verifyFile(path.join(usb(), 'old')))).toBe('UPDATE_NOT_NEWER');
    expect(await codeOf(() => service().importFile(path.join(usb(), 'old')))).toBe('UPDATE_NOT_NEWER');

    writeFolder(path.join(usb(), 'foreign'), makeRelease({ version: '1.3.0', key: stranger }));
    expect(await codeOf(() => service().importFile(path.join(usb(), 'foreign')))).toBe('UPDATE_SIGNATURE_INVALID');

    const unsigned = writeFolder(path.join(usb(), 'unsigned'), makeRelease({ version: '1.3.0', key: vendor }));
    fs.rmSync(path.join(unsigned, 'latest.json.sig'));
    expect(await codeOf(() => service().verifyFile(unsigned))).toBe('UPDATE_SIGNATURE_MISSING');

    const partial = writeFolder(path.join(usb(), 'partial'), makeRelease({ version: '1.3.0', key: vendor }));
    fs.rmSync(path.join(partial, 'Nuqta POS Setup 1.3.0.exe'));
    expect(await codeOf(() => service().verifyFile(partial))).toBe('UPDATE_FILE_MISSING');

    expect(await codeOf(() => service().verifyFile(path.join(usb(), 'nothing-here')))).toBe('UPDATE_MANIFEST_INVALID');
    expect(leftovers()).toEqual([]);
  });
});
