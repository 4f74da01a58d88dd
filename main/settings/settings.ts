// The till's settings live in the ledger database (one file to back up), validated on every read so a
// hand-edited or half-provisioned value fails loudly with a bilingual error instead of misbehaving at the
// counter. Provisioning (HQ, installers) will write the same keys.
import { z } from 'zod';
import { Preferences } from '../../preload/contract';
import type { Db } from '../db';
import { TillError } from '../errors';

export const TillSettings = z.object({
  tillId: z.string().regex(/^[A-Z0-9-]{1,16}$/, 'till id: 1-16 of A-Z, 0-9, -'),
  shopNameAr: z.string().min(1).max(80),
  shopNameEn: z.string().min(1).max(80),
  /** ZATCA VAT registration: 15 digits, starting and ending with 3 (BR-KSA-40). */
  vatNumber: z.string().regex(/^3\d{13}3$/, 'VAT number: 15 digits starting and ending with 3'),
  pricesIncludeVat: z.boolean(),
  preferences: Preferences,
});
export type TillSettings = z.infer<typeof TillSettings>;

export const DEMO_SETTINGS: TillSettings = {
  tillId: 'T01',
  shopNameAr: 'بقالة نقطة التجريبية',
  shopNameEn: 'Nuqta Demo Grocery',
  vatNumber: '300000000000003',
  pricesIncludeVat: true,
  preferences: { locale: 'ar', digits: 'latin' },
};

const KEY = 'till';

export interface SettingsStore {
  get(): TillSettings;
  update(patch: Partial<TillSettings>): TillSettings;
}

export function openSettings(db: Db, defaults: TillSettings = DEMO_SETTINGS): SettingsStore {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  const parse = (raw: string): TillSettings => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new TillError('CONFIG_INVALID', 'settings are not valid JSON');
    }
    const result = TillSettings.safeParse(json);
    if (!result.success) {
      throw new TillError('CONFIG_INVALID', result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    }
    return result.data;
  };

  let current: TillSettings;
  const stored = read.get(KEY);
  if (stored) current = parse(stored.value);
  else {
    current = TillSettings.parse(defaults);
    write.run(KEY, JSON.stringify(current));
  }

  return {
    get: () => current,
    update(patch) {
      const next = TillSettings.safeParse({ ...current, ...patch });
      if (!next.success) throw new TillError('CONFIG_INVALID', next.error.message);
      write.run(KEY, JSON.stringify(next.data));
      current = next.data;
      return current;
    },
  };
}
