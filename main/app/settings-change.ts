// Every change of the settings, whichever way it comes (the admin screen, `nuqta config`, a provisioning file),
// is one transaction: the new settings and a `settings.changed` journal entry naming who changed what, from
// which value to which. The manager PIN's hash never enters the journal (only that it changed).
import type { Db } from '../db';
import type { Journal } from '../ledger';
import { SECRET_SETTINGS, type SettingsStore, type TillSettings } from '../settings';

export type SettingsSource = 'admin-screen' | 'cli' | 'provisioning';

export interface SettingChange {
  key: string;
  before: unknown;
  after: unknown;
}

const isSecret = (key: string): boolean => (SECRET_SETTINGS as readonly string[]).includes(key);

/** The top-level keys whose value differs, with both values (secrets as a mark only). */
export function settingChanges(before: TillSettings, after: TillSettings): SettingChange[] {
  const keys = Object.keys(after) as Array<keyof TillSettings>;
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) =>
      isSecret(key) ? { key, before: '(secret)', after: '(changed)' } : { key, before: before[key] ?? null, after: after[key] ?? null },
    );
}

/** Stores `next` and journals the difference; nothing at all when nothing differs. */
export function changeSettings(
  db: Db,
  journal: Journal,
  store: SettingsStore,
  next: TillSettings,
  source: SettingsSource,
  extra: Record<string, unknown> = {},
): SettingChange[] {
  const changes = settingChanges(store.get(), next);
  if (changes.length === 0) return changes;
  try {
    db.transaction(() => {
      journal.append('settings.changed', { source, ...extra, changes });
      store.update(next);
    }).immediate();
  } catch (e) {
    store.reload();
    throw e;
  }
  return changes;
}
