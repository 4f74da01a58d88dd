// A save from the admin screen: the changed fields, by dotted key, laid over the settings as they are and the
// whole checked by the one schema. Refused whole with every field's bilingual error, or the settings to store.
import type { SettingsFieldError, SettingsPatch } from '../../../preload/contract';
import { checkSettings, exportable, withSetting, type ExportedSettings, type TillSettings } from '../../settings';
import { EDITABLE_KEYS } from './settings-fields';

export type PatchOutcome = { ok: true; settings: TillSettings } | { ok: false; errors: SettingsFieldError[] };

const notEditable = (key: string): SettingsFieldError => ({
  key,
  en: 'not a setting this screen changes (the manager PIN and secrets have their own commands)',
  ar: 'ليس من الإعدادات التي تُغيَّر من هذه الشاشة (لرمز المدير والأسرار أوامرها الخاصة)',
});

export function applySettingsPatch(current: TillSettings, patch: SettingsPatch): PatchOutcome {
  const refused = Object.keys(patch).filter((key) => !EDITABLE_KEYS.has(key));
  if (refused.length > 0) return { ok: false, errors: refused.map(notEditable) };
  // Each key over the last: not valid until the whole patch is in (a printer's link and its kind change together).
  const next = Object.entries(patch).reduce<ExportedSettings>((at, [key, value]) => withSetting(at, key, value) as unknown as ExportedSettings, exportable(current));
  // The PIN's hash is not the screen's to send: it comes from the stored settings, never from the patch.
  const checked = checkSettings({ ...next, managerPin: current.managerPin }, current);
  if (checked.ok) return { ok: true, settings: checked.settings };
  return { ok: false, errors: checked.errors.map(({ key, en, ar }) => ({ key, en, ar })) };
}
