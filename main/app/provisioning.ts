// The provisioning file an installer or an admin drops beside the till (/etc/nuqta-pos/provision.json,
// %ProgramData%\Nuqta POS\provision.json): settings, the manager PIN and provider secrets for a till that has
// never been set up by hand. Applied at start when it is new or its `version` grew; the change is journaled
// like any other (settings.changed, source provisioning); secrets and the PIN are sealed at once and removed
// from the file, which keeps only what is not secret and the names of what was sealed. The file may also name
// the till's first admin (names, PIN, optional badge): added, journaled as user.added by `provisioning`, only
// while the till has no active user, and removed from the file either way.
//
// A file that is not valid stops the start with CONFIG_INVALID naming the file and each field, in both
// languages: an admin who dropped it is at the till, and a till half set up from it would be worse.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { hashPin } from '../auth';
import { parseJsonColumnOrNull, type Db } from '../db';
import { TillError } from '../errors';
import type { Journal } from '../ledger';
import type { TillLog } from '../logging';
import type { Users } from '../people';
import type { SecretStore } from '../secrets';
import { bilingual, checkSettings, describeFieldErrors, exportable, fieldErrors, type FieldError, type SettingsStore } from '../settings';
import { changeSettings } from './settings-change';

/** Where an installer puts the file on each platform; NUQTA_PROVISION_FILE overrides it (tests, odd layouts). */
export function defaultProvisionFile(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.NUQTA_PROVISION_FILE) return path.resolve(env.NUQTA_PROVISION_FILE);
  if (platform === 'win32') return path.join(env.ProgramData ?? 'C:\\ProgramData', 'Nuqta POS', 'provision.json');
  return '/etc/nuqta-pos/provision.json';
}

/** The provider secrets a file may carry: text as is, the STC Pay certificate as base64 of the PKCS#12 file. */
const PROVISIONED_SECRETS = {
  'nexo.apiKey': 'text',
  'nexo.passphrase': 'text',
  'stcpay.passphrase': 'text',
  'stcpay.clientCert': 'base64',
} as const;

const ProvisionFile = z.strictObject({
  /** Raised by the admin for every change: a file whose version was applied already is left alone. */
  version: z.number().int().min(1),
  /** Any settings key (`nuqta config show` lists them); the rest keep their value. */
  settings: z.record(z.string(), z.unknown()).default({}),
  managerPin: z.string().regex(/^\d{4,8}$/, bilingual('manager PIN: 4 to 8 digits', 'رمز المدير: ٤ إلى ٨ أرقام')).optional(),
  secrets: z.partialRecord(z.enum(Object.keys(PROVISIONED_SECRETS) as [keyof typeof PROVISIONED_SECRETS]), z.string().min(1)).optional(),
  /** The till's first admin, added only while it has no active user (a live till takes no shared default PIN). */
  firstAdmin: z
    .strictObject({
      nameAr: z.string().trim().min(1).max(60),
      nameEn: z.string().trim().min(1).max(60),
      pin: z.string().regex(/^\d{4,8}$/, bilingual('PIN: 4 to 8 digits', 'الرمز: ٤ إلى ٨ أرقام')),
      badge: z.string().min(4).max(64).optional(),
    })
    .optional(),
  /** Written by the till: what it sealed and removed from this file, and when. */
  sealed: z.object({ names: z.array(z.string()), at: z.string() }).optional(),
});
type ProvisionFile = z.infer<typeof ProvisionFile>;

const APPLIED_KEY = 'provisioned';
/** What the till keeps of the last file it applied (the settings table, key `provisioned`). */
const AppliedProvision = z.object({ version: z.number().int().min(1), sha256: z.string(), at: z.string() });

export interface ProvisioningResult {
  applied: boolean;
  version?: number;
  /** Top-level settings that changed. */
  changed?: string[];
  sealed?: string[];
  /** The first admin the file named: added, or left out because the till had active users already. */
  firstAdmin?: 'added' | 'ignored';
  /** Something the admin must see that did not stop the start (the file could not be rewritten). */
  warning?: string;
}

function refuse(file: string, errors: FieldError[]): never {
  throw new TillError('CONFIG_INVALID', `${file}: ${describeFieldErrors(errors)}`);
}

function readFile(file: string): ProvisionFile | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    refuse(file, [{ key: '', en: `cannot be read (${(e as Error).message})`, ar: 'تعذّرت قراءة الملف' }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    refuse(file, [{ key: '', en: `not valid JSON (${(e as Error).message})`, ar: 'الملف ليس JSON صالحًا' }]);
  }
  const parsed = ProvisionFile.safeParse(json);
  if (!parsed.success) refuse(file, fieldErrors(parsed.error.issues));
  return parsed.data;
}

export interface ProvisioningDeps {
  db: Db;
  journal: Journal;
  settings: SettingsStore;
  secrets: SecretStore;
  /** The till's users (the file's first admin); without them a file naming one is refused. */
  users?: Pick<Users, 'hasActive' | 'add'>;
  /** Null: this till takes no provisioning file. */
  file: string | null;
  log: TillLog;
}

export function applyProvisioning({ db, journal, settings, secrets, users, file, log }: ProvisioningDeps): ProvisioningResult {
  if (file === null) return { applied: false };
  const provision = readFile(file);
  if (!provision) return { applied: false };
  const applied = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(APPLIED_KEY);
  const appliedVersion = parseJsonColumnOrNull(AppliedProvision, applied?.value ?? null, `settings.${APPLIED_KEY}`)?.version ?? 0;
  if (provision.version <= appliedVersion) return { applied: false, version: appliedVersion };

  const current = settings.get();
  const candidate = { ...exportable(current), ...provision.settings };
  if ('managerPin' in provision.settings) refuse(file, [{ key: 'settings.managerPin', en: 'give the PIN as managerPin (digits), not its hash', ar: 'ضع رمز المدير في managerPin (أرقام)، لا في الإعدادات' }]);
  const checked = checkSettings({ ...candidate, managerPin: current.managerPin }, current);
  if (!checked.ok) refuse(file, checked.errors.map((e) => ({ ...e, key: e.key ? `settings.${e.key}` : 'settings' })));
  let next = checked.settings;
  if (provision.managerPin) {
    const salt = randomBytes(16).toString('hex');
    next = { ...next, managerPin: { salt, hash: hashPin(provision.managerPin, salt) } };
  }

  // Secrets first: sealed before the settings that need them say they are there.
  const sealed: string[] = [];
  for (const [name, value] of Object.entries(provision.secrets ?? {})) {
    const kind = PROVISIONED_SECRETS[name as keyof typeof PROVISIONED_SECRETS];
    secrets.put(name, kind === 'base64' ? Buffer.from(value, 'base64') : Buffer.from(value, 'utf8'));
    sealed.push(name);
  }
  if (provision.managerPin) sealed.push('managerPin');
  if (provision.firstAdmin && !users) refuse(file, [{ key: 'firstAdmin', en: 'this till cannot add users from a file', ar: 'لا يضيف هذا الجهاز مستخدمين من ملف' }]);
  const firstAdmin = provision.firstAdmin ? (users!.hasActive() ? 'ignored' : 'added') : undefined;
  if (provision.firstAdmin) sealed.push('firstAdmin');

  const fileHash = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  let changed: string[] = [];
  db.transaction(() => {
    changed = changeSettings(db, journal, settings, next, 'provisioning', { file, version: provision.version, sha256: fileHash, sealed }).map((c) => c.key);
    if (changed.length === 0) journal.append('settings.provisioned', { file, version: provision.version, sha256: fileHash, sealed, changes: [] });
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      APPLIED_KEY,
      JSON.stringify({ version: provision.version, sha256: fileHash, at: new Date().toISOString() }),
    );
    if (provision.firstAdmin && firstAdmin === 'added') {
      const { badge, ...admin } = provision.firstAdmin;
      users!.add({ ...admin, role: 'admin', ...(badge !== undefined ? { badge } : {}) }, 'provisioning');
    }
  }).immediate();
  // A file written for a till that has its users already: its PIN is not kept on disk, but nobody is added.
  if (firstAdmin === 'ignored') log.warn(`provisioning ${file}: firstAdmin left out, the till has active users already (it is removed from the file)`);

  const warning = sealed.length > 0 ? removeSecretsFromFile(file, provision, sealed, log) : undefined;
  log.info(`provisioning ${file} version ${provision.version} applied: ${changed.join(', ') || 'no setting changed'}${sealed.length ? `; sealed ${sealed.join(', ')}` : ''}`);
  return { applied: true, version: provision.version, changed, sealed, ...(firstAdmin ? { firstAdmin } : {}), ...(warning ? { warning } : {}) };
}

/** Rewrites the file without its secrets (atomically: a copy then a rename); says so when it cannot. */
function removeSecretsFromFile(file: string, provision: ProvisionFile, sealed: string[], log: TillLog): string | undefined {
  const { secrets: _secrets, managerPin: _pin, firstAdmin: _admin, ...kept } = provision;
  const rewritten: ProvisionFile = { ...kept, sealed: { names: sealed, at: new Date().toISOString() } };
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, `${JSON.stringify(rewritten, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temporary, file);
    return undefined;
  } catch (e) {
    fs.rmSync(temporary, { force: true });
    const warning = `the secrets were sealed but could not be removed from ${file} (${(e as Error).message}): delete the file or its "secrets", "managerPin" and "firstAdmin" by hand`;
    log.error(warning);
    return warning;
  }
}
