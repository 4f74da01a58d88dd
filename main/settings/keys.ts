// Settings by dotted key (`nuqta config get|set`, the admin screen's fields), the view that may leave the till
// (`config show|export`: never a secret), and what the settings say about the till: which devices are
// simulated (the demo badge) and whether it still carries the demo shop's identity.
import type { TillSettings } from './settings';
import { DEMO_VAT_NUMBER } from './shop';

/** Settings no `config` command shows or sets: the manager PIN's hash has its own command and never leaves. */
export const SECRET_SETTINGS = ['managerPin'] as const;

export type ExportedSettings = Omit<TillSettings, (typeof SECRET_SETTINGS)[number]>;

export function exportable(settings: TillSettings): ExportedSettings {
  const { managerPin: _secret, ...rest } = settings;
  return rest;
}

const segments = (key: string): string[] => key.split('.').filter((s) => s.length > 0);

/** The value at `key` (`printer.link.host`), or undefined when nothing is there. */
export function settingAt(settings: ExportedSettings, key: string): unknown {
  let at: unknown = settings;
  for (const part of segments(key)) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/**
 * A copy of `settings` with `value` at `key`, objects on the way created as needed (a null printer becomes
 * `{}` to take its first field; the schema then says what else it needs). Not validated here.
 */
export function withSetting(settings: ExportedSettings, key: string, value: unknown): Record<string, unknown> {
  const parts = segments(key);
  const root = structuredClone(settings) as unknown as Record<string, unknown>;
  let at = root;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    at[part] = next !== null && typeof next === 'object' && !Array.isArray(next) ? next : {};
    at = at[part] as Record<string, unknown>;
  }
  const last = parts.at(-1);
  if (last !== undefined) at[last] = value;
  return root;
}

/** The devices the till would run on a simulator: any one of them makes it a demo (the badge shows). */
export function simulatedDevices(settings: TillSettings): string[] {
  const simulated: string[] = [];
  if (settings.printer?.link.kind === 'simulator') simulated.push('printer');
  if (settings.terminal?.link.kind === 'simulator') simulated.push('terminal');
  if (settings.stcPay?.link.kind === 'simulator') simulated.push('stcPay');
  if (settings.einvoicing?.platform.kind === 'simulator') simulated.push('einvoicing');
  return simulated;
}

/** Still the demo shop: ZATCA's example VAT number. With real devices such a till refuses live sales. */
export const isDemoIdentity = (settings: TillSettings): boolean => settings.vatNumber === DEMO_VAT_NUMBER;
