// The admin screen's form, as main/settings' schema is grouped: which dotted keys it shows and how each is
// edited. Scalars get a field each; a device link or a whole device (terminal, STC Pay, pole display, scanner)
// is edited as JSON, because its shape depends on its `kind` — the schema still names the exact key it refuses
// (`printer.link.port`), and the screen shows that error beside the JSON field holding it.
import type { SettingsField } from '../../../preload/contract';
import { PROFILES } from '../../printing';
import { settingAt, type ExportedSettings } from '../../settings';

type FieldSpec = Omit<SettingsField, 'value'>;

const text = (group: FieldSpec['group'], key: string, nullable = false): FieldSpec => ({ key, group, kind: 'text', nullable });
const json = (group: FieldSpec['group'], key: string, nullable: boolean): FieldSpec => ({ key, group, kind: 'json', nullable });
const flag = (group: FieldSpec['group'], key: string): FieldSpec => ({ key, group, kind: 'boolean', nullable: false });
const whole = (group: FieldSpec['group'], key: string): FieldSpec => ({ key, group, kind: 'number', nullable: false });
const riyals = (group: FieldSpec['group'], key: string): FieldSpec => ({ key, group, kind: 'riyals', nullable: false });
const choice = (group: FieldSpec['group'], key: string, options: Array<string | number>): FieldSpec => ({ key, group, kind: 'choice', nullable: false, options });

const FIELDS: readonly FieldSpec[] = [
  text('identity', 'shopNameAr'),
  text('identity', 'shopNameEn'),
  text('identity', 'vatNumber'),
  text('identity', 'crNumber', true),
  text('identity', 'branchNameAr'),
  text('identity', 'branchNameEn'),
  text('identity', 'tillId'),
  text('identity', 'tillName'),
  flag('identity', 'pricesIncludeVat'),
  text('address', 'nationalAddress.buildingNumber'),
  text('address', 'nationalAddress.street'),
  text('address', 'nationalAddress.district'),
  text('address', 'nationalAddress.city'),
  text('address', 'nationalAddress.postalCode'),
  text('address', 'nationalAddress.additionalNumber', true),
  text('address', 'shopAddressAr'),
  text('address', 'shopAddressEn'),
  text('receipt', 'receipt.headerAr'),
  text('receipt', 'receipt.headerEn'),
  text('receipt', 'receipt.footerAr'),
  text('receipt', 'receipt.footerEn'),
  text('receipt', 'receipt.logoFile', true),
  choice('printer', 'printer.profile', []),
  json('printer', 'printer.link', false),
  // Null: the printer profile's pulse for that model; set only for a drawer that needs another ({"pin":2,"pulseMs":100}).
  json('drawer', 'drawer', true),
  json('devices', 'poleDisplay', true),
  json('devices', 'serialScanner', true),
  choice('customer', 'customerScreen', ['auto', 'always', 'off']),
  flag('customer', 'kiosk'),
  // What a cashier may take off alone while nobody is signed in (signed-in users have their role's limits).
  whole('sales', 'discounts.limitPercent'),
  // The shop's scale labels, per prefix 20–29 (docs/catalog.md): JSON, a list of layouts.
  json('sales', 'scaleBarcodes', false),
  // Past these a manager's authenticator code joins their PIN (docs/people.md): stored in halalas, shown in riyals.
  riyals('people', 'twoFactor.refundAboveHalalas'),
  riyals('people', 'twoFactor.cashDifferenceAboveHalalas'),
  // What each role does alone before an approver's PIN (main/settings/roles.ts; the admin has the manager's).
  ...(['cashier', 'supervisor', 'manager'] as const).flatMap((role) => [
    whole('people', `roleLimits.${role}.lineDiscountPercent`),
    whole('people', `roleLimits.${role}.saleDiscountPercent`),
    flag('people', `roleLimits.${role}.priceOverride`),
    riyals('people', `roleLimits.${role}.refundWithoutApprovalHalalas`),
    flag('people', `roleLimits.${role}.drawerWithoutSale`),
  ]),
  json('terminal', 'terminal', true),
  json('stcPay', 'stcPay', true),
  text('backups', 'backups.folder', true),
  text('backups', 'backups.dailyAt', true),
  flag('backups', 'backups.atClosing'),
  whole('backups', 'backups.keep'),
  choice('updates', 'updates.policy', ['off', 'manual', 'automatic']),
  text('updates', 'updates.opensAt'),
  text('updates', 'updates.closesAt'),
  text('updates', 'updates.feedUrl', true),
  text('time', 'timeZone'),
  // The till's idle lock (docs/people.md): minutes without a person's action; 0 never.
  whole('time', 'lockAfterMinutes'),
];

/** The keys the admin screen may change: anything else (preferences, the PIN's hash) is refused by name. */
export const EDITABLE_KEYS: ReadonlySet<string> = new Set(FIELDS.map((f) => f.key));

/** Every field with its current value (JSON-safe: the settings are plain JSON already). */
export function settingsFields(settings: ExportedSettings): SettingsField[] {
  const profiles = PROFILES.map((p) => p.id);
  return FIELDS.map((f) => ({
    ...(f.key === 'printer.profile' ? { ...f, options: profiles } : f),
    value: (settingAt(settings, f.key) ?? null) as SettingsField['value'],
  }));
}
