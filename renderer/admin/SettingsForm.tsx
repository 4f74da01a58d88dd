// The settings tab: every field main lists, grouped as the schema is, each with its label and, after a save
// main refused, its error in the screen's language right beside it. Only the changed fields are sent.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminSettings, SettingsField, SettingsFieldError, SettingsGroup, UpdateSettingsResult } from '../../preload/contract/admin';
import { useFormat } from '../format/FormatContext';
import { draftsOf, errorsByField, patchOf, type Draft, type Drafts } from './settingsForm';

interface Props {
  settings: AdminSettings;
  busy: boolean;
  /** Sends the patch; resolves with main's answer, or undefined when the call itself failed (the banner says why). */
  onSave(patch: Record<string, SettingsField['value']>): Promise<UpdateSettingsResult | undefined>;
}

const GROUPS: SettingsGroup[] = ['identity', 'address', 'receipt', 'printer', 'drawer', 'devices', 'customer', 'sales', 'people', 'terminal', 'stcPay', 'backups', 'updates', 'time'];

const testIdOf = (key: string) => `setting-${key.replace(/\./g, '-')}`;

export function SettingsForm({ settings, busy, onSave }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(settings.fields));
  const [errors, setErrors] = useState<SettingsFieldError[]>([]);
  const [saved, setSaved] = useState<Extract<UpdateSettingsResult, { outcome: 'saved' }> | null>(null);
  const keys = useMemo(() => settings.fields.map((x) => x.key), [settings.fields]);
  const byField = useMemo(() => errorsByField(keys, errors), [keys, errors]);

  const set = (key: string, draft: Draft) => {
    setDrafts((d) => ({ ...d, [key]: draft }));
    setSaved(null);
  };

  const save = async () => {
    const { patch, local } = patchOf(settings.fields, drafts);
    if (local.length > 0) {
      setErrors(local.map((l) => ({ key: l.key, en: t(`admin.local_${l.reason}`, { lng: 'en' }), ar: t(`admin.local_${l.reason}`, { lng: 'ar' }) })));
      return;
    }
    if (Object.keys(patch).length === 0) {
      setErrors([]);
      setSaved({ outcome: 'saved', changed: [], restartNeeded: false });
      return;
    }
    const answer = await onSave(patch);
    if (!answer) return;
    if (answer.outcome === 'invalid') {
      setErrors(answer.errors);
      setSaved(null);
    } else {
      setErrors([]);
      setSaved(answer);
    }
  };

  const say = (e: SettingsFieldError) => (f.locale === 'ar' ? e.ar : e.en);
  const general = byField.get('') ?? [];

  return (
    <form
      className="admin-settings"
      data-testid="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {general.length > 0 && (
        <ul className="admin-settings__general" role="alert" data-testid="settings-general-errors">
          {general.map((e) => (
            <li key={e.key}>
              <code>{e.key}</code> {say(e)}
            </li>
          ))}
        </ul>
      )}
      {GROUPS.map((group) => {
        const fields = settings.fields.filter((x) => x.group === group);
        if (fields.length === 0) return null;
        return (
          <fieldset key={group} className="admin-settings__group" data-testid={`settings-group-${group}`}>
            <legend>{t(`admin.group_${group}`)}</legend>
            {fields.map((field) => (
              <SettingRow key={field.key} field={field} draft={drafts[field.key] ?? ''} errors={byField.get(field.key) ?? []} say={say} onDraft={(d) => set(field.key, d)} />
            ))}
          </fieldset>
        );
      })}
      <div className="admin-settings__actions">
        <button type="submit" className="btn btn--primary" data-testid="settings-save" disabled={busy}>
          {t('admin.save')}
        </button>
        {errors.length > 0 && (
          <span className="admin-settings__status admin-settings__status--error" role="alert" data-testid="settings-invalid">
            {t('admin.invalid', { count: errors.length })}
          </span>
        )}
        {saved && (
          <span className="admin-settings__status" role="status" data-testid="settings-saved" data-changed={saved.changed.join(',')}>
            {saved.changed.length === 0 ? t('admin.nothingChanged') : t('admin.saved')}
            {saved.restartNeeded && ` ${t('admin.restartNeeded')}`}
          </span>
        )}
      </div>
    </form>
  );
}

interface RowProps {
  field: SettingsField;
  draft: Draft;
  errors: SettingsFieldError[];
  say(e: SettingsFieldError): string;
  onDraft(d: Draft): void;
}

function SettingRow({ field, draft, errors, say, onDraft }: RowProps) {
  const { t } = useTranslation();
  const id = testIdOf(field.key);
  const invalid = errors.length > 0;
  const common = { id, 'data-testid': id, 'aria-invalid': invalid, 'aria-describedby': invalid ? `${id}-error` : undefined };
  // Values are Latin (VAT numbers, addresses in the shop's script, hosts): typed as they are, whatever the screen's direction.
  const dir = field.key.endsWith('Ar') || field.key.startsWith('nationalAddress.') ? 'auto' : 'ltr';
  let input;
  if (field.kind === 'boolean') {
    input = <input type="checkbox" className="field__check" {...common} checked={draft === true} onChange={(e) => onDraft(e.target.checked)} />;
  } else if (field.kind === 'choice') {
    input = (
      <select className="field__input" {...common} value={String(draft)} onChange={(e) => onDraft(e.target.value)}>
        {(field.options ?? []).map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'json') {
    input = <textarea className="field__input field__input--json" dir="ltr" rows={4} spellCheck={false} {...common} value={String(draft)} onChange={(e) => onDraft(e.target.value)} />;
  } else {
    input = <input type="text" className="field__input" dir={dir} autoComplete="off" {...common} value={String(draft)} onChange={(e) => onDraft(e.target.value)} />;
  }
  return (
    <div className={invalid ? 'admin-field admin-field--invalid' : 'admin-field'} data-key={field.key}>
      <label className="admin-field__label" htmlFor={id}>
        {t(`admin.field.${field.key}`, { defaultValue: field.key })}
        {field.nullable && <span className="admin-field__optional"> {t('admin.optional')}</span>}
      </label>
      {input}
      {invalid && (
        <span className="admin-field__error" id={`${id}-error`} role="alert" data-testid={`${id}-error`}>
          {errors.map((e) => (e.key === field.key ? say(e) : `${e.key}: ${say(e)}`)).join(' · ')}
        </span>
      )}
    </div>
  );
}
