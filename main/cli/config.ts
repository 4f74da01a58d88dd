// `nuqta config show | get KEY | set KEY VALUE | import FILE | export`: the till's settings as JSON, checked
// field by field with the same bilingual errors as the admin screen and a provisioning file, every change
// journaled (settings.changed, source cli). Secrets are never shown, exported or set here (`nuqta secret`,
// `nuqta manager-pin`).
import fs from 'node:fs';
import { changeSettings, ledgerFile } from '../app';
import { openDatabase } from '../db';
import { createJournal } from '../ledger';
import {
  checkSettings,
  exportable,
  openSettings,
  SECRET_SETTINGS,
  settingAt,
  withSetting,
  type FieldError,
  type SettingsStore,
} from '../settings';
import type { Db } from '../db';
import { EXIT, type Output } from './io';

export const CONFIG_USAGE = [
  'Usage: nuqta config show                  every setting (JSON; never secrets)',
  '       nuqta config get KEY               one setting, e.g. nationalAddress.postalCode',
  '       nuqta config set KEY VALUE         VALUE as JSON (42, true, null, {"kind":"tcp",…}) or plain text',
  '       nuqta config import FILE           settings from a JSON file (as export writes it; keys not in it are kept)',
  '       nuqta config export                every setting as JSON, to import on another till (never secrets)',
];

function withLedger<T>(dataDir: string, use: (db: Db, settings: SettingsStore) => T): T {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(ledgerFile(dataDir));
  try {
    return use(db, openSettings(db));
  } finally {
    db.close();
  }
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

function refuseFields(errors: FieldError[], io: Output): number {
  io.err('Not saved: the settings would not be valid. / لم يُحفظ شيء: الإعدادات غير صالحة.');
  for (const e of errors) io.err(`  ${e.key || '(settings)'}: ${e.en} / ${e.ar}`);
  return EXIT.usage;
}

/**
 * What VALUE may mean: the text as it is (`set tillName Express`, and `set vatNumber 310122393500003`, digits that
 * must stay text) and, when it reads as JSON, that value (`set printer.link.port 9100`, `set printer null`).
 */
function readings(text: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed === text ? [text] : [text, parsed];
  } catch {
    return [text];
  }
}

const isSecretKey = (key: string): boolean => (SECRET_SETTINGS as readonly string[]).includes(key.split('.')[0] ?? '');

/**
 * Stores and journals the first valid candidate (settings without secrets); when none is, says what is wrong
 * with the one that came closest (the fewest problems: a wrong type is usually the other reading's).
 */
function save(db: Db, settings: SettingsStore, candidates: Array<Record<string, unknown>>, io: Output): number {
  const results = candidates.map((c) => checkSettings({ ...c, managerPin: settings.get().managerPin }, settings.get()));
  const distance = (r: (typeof results)[number]) => (r.ok ? 0 : r.errors.reduce((n, e) => n + (e.code === 'invalid_type' ? 1.5 : 1), 0));
  const checked = results.find((r) => r.ok) ?? results.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  if (!checked.ok) return refuseFields(checked.errors, io);
  const changes = changeSettings(db, createJournal(db, settings.get().tillId), settings, checked.settings, 'cli');
  if (changes.length === 0) {
    io.out('Nothing changed. / لم يتغير شيء.');
    return EXIT.ok;
  }
  for (const c of changes) io.out(`${c.key}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`);
  io.out('Saved and journaled. Restart the till to use it. / حُفظت الإعدادات وسُجّلت. أعد تشغيل نقطة البيع لتطبيقها.');
  return EXIT.ok;
}

export function configCommand(dataDir: string, args: string[], io: Output): number {
  const [sub, key, value] = args;
  if (sub === 'show' || sub === 'export') {
    return withLedger(dataDir, (_db, settings) => {
      io.out(json(exportable(settings.get())));
      return EXIT.ok;
    });
  }
  if (sub === 'get' && key && args.length === 2) {
    if (isSecretKey(key)) return refuseSecret(key, io);
    return withLedger(dataDir, (_db, settings) => {
      const found = settingAt(exportable(settings.get()), key);
      if (found === undefined) {
        io.err(`No setting ${key} (nuqta config show lists them). / لا يوجد إعداد بهذا الاسم.`);
        return EXIT.usage;
      }
      io.out(json(found));
      return EXIT.ok;
    });
  }
  if (sub === 'set' && key && value !== undefined && args.length === 3) {
    if (isSecretKey(key)) return refuseSecret(key, io);
    return withLedger(dataDir, (db, settings) =>
      save(db, settings, readings(value).map((v) => withSetting(exportable(settings.get()), key, v)), io),
    );
  }
  if (sub === 'import' && key && args.length === 2) {
    let imported: unknown;
    try {
      imported = JSON.parse(fs.readFileSync(key, 'utf8'));
    } catch (e) {
      io.err(`Cannot read ${key} as JSON: ${(e as Error).message} / تعذّرت قراءة الملف كـ JSON.`);
      return EXIT.usage;
    }
    if (imported === null || typeof imported !== 'object' || Array.isArray(imported)) {
      return refuseFields([{ key: '', en: 'expected a JSON object of settings', ar: 'المتوقع كائن JSON بالإعدادات' }], io);
    }
    const secret = Object.keys(imported).find(isSecretKey);
    if (secret) return refuseSecret(secret, io);
    return withLedger(dataDir, (db, settings) => save(db, settings, [{ ...exportable(settings.get()), ...imported }], io));
  }
  io.err(CONFIG_USAGE.join('\n'));
  return EXIT.usage;
}

function refuseSecret(key: string, io: Output): number {
  io.err(`${key} is a secret: use nuqta manager-pin set. / هذا إعداد سري: استخدم nuqta manager-pin set.`);
  return EXIT.usage;
}
