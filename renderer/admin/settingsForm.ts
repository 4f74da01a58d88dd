// The settings form as pure data: what each field shows (a draft string or a switch), what a draft means as a
// setting, the patch of changed fields a save sends, and which field an error from main belongs to. Main's
// schema judges the values; here a draft is only turned into JSON (a number, null, a parsed link).
import type { SettingsField, SettingsFieldError, SettingsPatch } from '../../preload/contract/admin';
import { toLatinDigits } from '../../preload/contract/digits';
import { parseAmount } from '../format/money';

export type Draft = string | boolean;
export type Drafts = Record<string, Draft>;
type Json = SettingsField['value'];

export function draftOf(field: SettingsField): Draft {
  const v = field.value;
  if (field.kind === 'boolean') return v === true;
  if (v === null) return '';
  if (field.kind === 'json') return JSON.stringify(v, null, 2);
  if (field.kind === 'riyals' && typeof v === 'number') return riyalsOf(v);
  return String(v);
}

/** Halalas as the riyals a person types back: `500`, `12.50` (integer arithmetic, no float). */
export function riyalsOf(halalas: number): string {
  const sign = halalas < 0 ? '-' : '';
  const abs = Math.abs(halalas);
  const cents = abs % 100;
  const whole = String((abs - cents) / 100);
  return cents === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}

export const draftsOf = (fields: readonly SettingsField[]): Drafts => Object.fromEntries(fields.map((f) => [f.key, draftOf(f)]));

/** What the draft means, or why it cannot mean anything (checked here only where JSON itself cannot be formed). */
export function valueOf(field: SettingsField, draft: Draft): { ok: true; value: Json } | { ok: false; reason: LocalReason } {
  if (typeof draft === 'boolean') return { ok: true, value: draft };
  const text = field.kind === 'text' || field.kind === 'json' ? draft : toLatinDigits(draft.trim());
  if (text.trim() === '' && field.nullable) return { ok: true, value: null };
  switch (field.kind) {
    case 'number':
      return /^-?\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, reason: 'number' };
    case 'riyals': {
      // The amount typed in riyals (Arabic digits and decimal separator too), sent as halalas; main judges the range.
      const halalas = parseAmount(text);
      return halalas === null ? { ok: false, reason: 'riyals' } : { ok: true, value: halalas };
    }
    case 'choice': {
      const option = field.options?.find((o) => String(o) === text);
      return { ok: true, value: option ?? text };
    }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(text) as Json };
      } catch {
        return { ok: false, reason: 'json' };
      }
    default:
      return { ok: true, value: text };
  }
}

export type LocalReason = 'number' | 'json' | 'riyals';

export interface LocalError {
  key: string;
  reason: LocalReason;
}

/** The fields whose draft differs from the saved value, as a patch; drafts that are not JSON at all, as errors. */
export function patchOf(fields: readonly SettingsField[], drafts: Drafts): { patch: SettingsPatch; local: LocalError[] } {
  const patch: SettingsPatch = {};
  const local: LocalError[] = [];
  for (const field of fields) {
    const draft = drafts[field.key];
    if (draft === undefined) continue;
    const v = valueOf(field, draft);
    if (!v.ok) local.push({ key: field.key, reason: v.reason });
    else if (JSON.stringify(v.value) !== JSON.stringify(field.value)) patch[field.key] = v.value;
  }
  return { patch, local };
}

/**
 * The field an error from main belongs to: the field itself, the JSON field holding it (`printer.link.port`
 * under `printer.link`), or the first field of an object that is missing (`nationalAddress`). '' for none.
 */
export function fieldOfError(keys: readonly string[], errorKey: string): string {
  if (keys.includes(errorKey)) return errorKey;
  const holder = keys.filter((k) => errorKey.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
  if (holder) return holder;
  return keys.find((k) => k.startsWith(`${errorKey}.`)) ?? '';
}

/** Errors by the field they are shown beside ('' for those shown above the form). */
export function errorsByField(keys: readonly string[], errors: readonly SettingsFieldError[]): Map<string, SettingsFieldError[]> {
  const by = new Map<string, SettingsFieldError[]>();
  for (const e of errors) {
    const at = fieldOfError(keys, e.key);
    by.set(at, [...(by.get(at) ?? []), e]);
  }
  return by;
}
