// `nuqta update check | download | verify-file PATH`: the admin's view of updates from the data folder's
// settings (updates.*, timeZone). `download` stages the installer in the data folder's updates/ for the till
// to apply under its policy; `verify-file` checks an offline update folder (a USB drive) in place. Nothing here
// installs anything: applying an update is the Electron shell's step, when the till's state allows it.
import fs from 'node:fs';
import path from 'node:path';
import { version as packageVersion } from '../../package.json';
import { ledgerFile } from '../app';
import { openDatabase } from '../db';
import { openSettings } from '../settings';
import {
  createUpdates,
  detectPlatform,
  isUpdateError,
  updateErrorCatalog,
  type StagedUpdate,
  type TrustedKey,
  type UpdateErrorCode,
  type UpdateFetch,
  type UpdatePlatform,
  type UpdateSettingsView,
} from '../updates';
import { EXIT, type Output } from './io';

export const UPDATE_USAGE = [
  'Usage: nuqta update check              ask the update feed for the latest signed release (downloads nothing)',
  '       nuqta update download           download, verify (signature, size, sha256) and stage it for the till',
  '       nuqta update verify-file PATH   verify an offline update folder (latest.json, latest.json.sig, installer)',
];

/** Tests hand these in; the real command uses the built version, this machine's platform and the release keys. */
export interface UpdateCommandOptions {
  currentVersion?: string;
  platform?: UpdatePlatform;
  fetch?: UpdateFetch;
  trustedKeys?: readonly TrustedKey[];
}

/** The folder a till keeps its staged update in. */
export const updatesDir = (dataDir: string): string => path.join(dataDir, 'updates');

/** Failures of the release itself (exit 4) as against the network or the disk (exit 1). */
const VERIFICATION_FAILURES: readonly UpdateErrorCode[] = [
  'UPDATE_SIGNATURE_MISSING',
  'UPDATE_SIGNATURE_INVALID',
  'UPDATE_NO_TRUSTED_KEY',
  'UPDATE_MANIFEST_INVALID',
  'UPDATE_WRONG_CHANNEL',
  'UPDATE_NOT_NEWER',
  'UPDATE_NO_FILE_FOR_PLATFORM',
  'UPDATE_FILE_MISSING',
  'UPDATE_FILE_MISMATCH',
  'UPDATE_OFFLINE_MISMATCH',
  'UPDATE_TOO_LARGE',
];

const DEFAULT_VIEW: UpdateSettingsView = { policy: 'manual', opensAt: '08:00', closesAt: '23:00', feedUrl: null, timeZone: 'Asia/Riyadh' };

function readView(dataDir: string): UpdateSettingsView | null {
  const file = ledgerFile(dataDir);
  if (!fs.existsSync(file)) return null;
  const db = openDatabase(file, { readonly: true });
  try {
    const s = openSettings(db).get();
    return { ...s.updates, timeZone: s.timeZone };
  } finally {
    db.close();
  }
}

const mb = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024))} MB`;

function describeStaged(u: StagedUpdate, io: Output): void {
  io.out(`  installer ${u.installerPath}`);
  io.out(`  ${mb(u.size)}, sha256 ${u.sha256}, signed by ${u.signedBy}, released ${u.releasedAt}`);
  if (u.notes.en) io.out(`  ${u.notes.en}`);
  if (u.notes.ar) io.out(`  ${u.notes.ar}`);
}

export async function updateCommand(dataDir: string, args: readonly string[], io: Output, options: UpdateCommandOptions = {}): Promise<number> {
  const [sub, target, ...extra] = args;
  const wantsPath = sub === 'verify-file';
  if (!sub || !['check', 'download', 'verify-file'].includes(sub) || (wantsPath ? !target || extra.length > 0 : target !== undefined)) {
    io.err(UPDATE_USAGE.join('\n'));
    return EXIT.usage;
  }
  const platform = options.platform ?? detectPlatform();
  if (!platform) {
    io.err(`No installer is built for ${process.platform}-${process.arch}, so this till cannot update itself. / لا يوجد مثبّت لهذا النوع من الأجهزة.`);
    return EXIT.failure;
  }
  const currentVersion = options.currentVersion ?? packageVersion;
  const view = readView(dataDir);
  if (!view && sub !== 'verify-file') {
    io.err(`No till data in ${dataDir}. / لا توجد بيانات نقطة بيع في هذا المجلد.`);
    return EXIT.failure;
  }
  const updates = createUpdates({
    settings: () => view ?? DEFAULT_VIEW,
    currentVersion,
    platform,
    // The CLI cannot see the running till's sale or payments, so it never decides to apply: it stages only.
    tillState: () => ({ saleInProgress: true, paymentInDoubt: true, unreportedInvoices: Number.NaN }),
    downloadDir: updatesDir(dataDir),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.trustedKeys ? { trustedKeys: options.trustedKeys } : {}),
  });
  try {
    if (sub === 'verify-file') {
      const u = await updates.verifyFile(target ?? '');
      io.out(`The update folder verifies: version ${u.version} (running ${currentVersion}). / مجلد التحديث سليم وموقّع.`);
      describeStaged(u, io);
      return EXIT.ok;
    }
    const result = sub === 'check' ? await updates.check() : await updates.download();
    switch (result.status) {
      case 'off':
        io.err('Updates are off (updates.policy off); nothing was checked. / التحديثات متوقفة في الإعدادات.');
        return EXIT.failure;
      case 'no-feed':
        io.err(`${updateErrorCatalog.text.UPDATE_NO_FEED.en}\n${updateErrorCatalog.text.UPDATE_NO_FEED.ar}`);
        return EXIT.failure;
      case 'up-to-date':
        io.out(`Up to date: running ${currentVersion}; the feed's latest is ${result.latest} (signed by ${result.signedBy}). / البرنامج محدَّث.`);
        return EXIT.ok;
      case 'available':
        io.out(`Update available: ${result.version} (running ${currentVersion}), ${mb(result.size)}, released ${result.releasedAt}, signed by ${result.signedBy}. / يتوفر تحديث.`);
        if (result.notes.en) io.out(`  ${result.notes.en}`);
        if (result.notes.ar) io.out(`  ${result.notes.ar}`);
        return EXIT.ok;
      case 'staged':
        io.out(
          `Update ${result.update.version} ${result.alreadyStaged ? 'was already' : 'is'} downloaded and verified; the till applies it under its update policy (${view?.policy ?? 'manual'}). / نُزّل التحديث وتُحقق منه.`,
        );
        describeStaged(result.update, io);
        return EXIT.ok;
    }
  } catch (e) {
    if (!isUpdateError(e)) throw e;
    const text = updateErrorCatalog.text[e.code];
    io.err(`${text.en}\n${text.ar}\n(${e.code}: ${e.detail})`);
    return VERIFICATION_FAILURES.includes(e.code) ? EXIT.rejected : EXIT.failure;
  }
}
