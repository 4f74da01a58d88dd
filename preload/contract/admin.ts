// What the admin screen and the commissioning wizard exchange with main. The settings schema itself lives in
// main/settings (the contract imports nothing of main): the screen gets the fields to show from main, with their
// values, and sends back only what changed, by the same dotted keys `nuqta config set` takes.
import { z } from 'zod';
import { ErrorData } from './schemas';

/** The form groups, in the order the schema (and docs/commissioning.md) lists them. */
export const SettingsGroup = z.enum([
  'identity',
  'address',
  'receipt',
  'printer',
  'drawer',
  'devices',
  'customer',
  'sales',
  'people',
  'terminal',
  'stcPay',
  'backups',
  'updates',
  'time',
]);
export type SettingsGroup = z.infer<typeof SettingsGroup>;

/**
 * How a field is edited: a line of text, a whole number, a switch, one of `options`, JSON (a device link,
 * whose shape depends on its `kind`), or riyals (the value is integer halalas; the screen shows and takes SAR with
 * up to two decimals). `nullable`: an empty field means "none".
 */
export const SettingsField = z.object({
  key: z.string(),
  group: SettingsGroup,
  kind: z.enum(['text', 'number', 'boolean', 'choice', 'json', 'riyals']),
  nullable: z.boolean(),
  options: z.array(z.union([z.string(), z.number()])).optional(),
  value: z.json(),
});
export type SettingsField = z.infer<typeof SettingsField>;

/** One field the schema refused, with the words for it in both languages (main/settings/messages.ts). */
export const SettingsFieldError = z.object({ key: z.string(), en: z.string(), ar: z.string() });
export type SettingsFieldError = z.infer<typeof SettingsFieldError>;

export const AdminSettings = z.object({
  /** Every setting but the secrets (the manager PIN's hash never leaves main). */
  settings: z.record(z.string(), z.json()),
  fields: z.array(SettingsField),
});
export type AdminSettings = z.infer<typeof AdminSettings>;

/**
 * The bytes of JSON one save may carry. The browser host refuses a frame over 8 KiB and keeps its largest
 * legitimate call a sixth of that (test/host/frame-limit.test.ts): an admin who changes more at once saves twice.
 */
export const SETTINGS_PATCH_MAX_BYTES = 1_150;

const jsonBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/** Changed settings by dotted key (`nationalAddress.postalCode`, `printer.link`), at most 40 of them. */
export const SettingsPatch = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*){0,3}$/), z.json())
  .refine((patch) => Object.keys(patch).length <= 40 && jsonBytes(patch) <= SETTINGS_PATCH_MAX_BYTES, 'too many changes at once');
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Errors as data: the screen marks each field. `changed`: the top-level settings that changed (journaled). */
export const UpdateSettingsResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), changed: z.array(z.string()), restartNeeded: z.boolean() }),
  z.object({ outcome: z.literal('invalid'), errors: z.array(SettingsFieldError) }),
]);
export type UpdateSettingsResult = z.infer<typeof UpdateSettingsResult>;

/** The wizard's self-tests, in the order it walks through them. */
export const COMMISSIONING_STEPS = ['identity', 'printer', 'drawer', 'scanner', 'customerDisplay', 'cardTerminal', 'providers'] as const;
export const CommissioningStepName = z.enum(COMMISSIONING_STEPS);
export type CommissioningStepName = z.infer<typeof CommissioningStepName>;

/** What a step found: whether it passed, the error that failed it, and plain facts to show (keyed for the view's words). */
export const CommissioningStepResult = z.object({
  step: CommissioningStepName,
  ok: z.boolean(),
  at: z.string(),
  error: ErrorData.nullable(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type CommissioningStepResult = z.infer<typeof CommissioningStepResult>;

export const CommissioningReport = z.object({
  tillId: z.string(),
  /** The latest result of each step run so far, in the wizard's order. */
  steps: z.array(CommissioningStepResult),
  /** Every step has run and the latest run of each passed. */
  complete: z.boolean(),
  /** Where the report was last saved (the data folder), once `done` saved it. */
  savedTo: z.string().nullable(),
  /** Whether the saved report was printed on the receipt printer (null: not saved yet). */
  printed: z.boolean().nullable(),
});
export type CommissioningReport = z.infer<typeof CommissioningReport>;

/** A step's input besides the PIN: what the scanner read, whether the customer saw the display, the admin's go-ahead. */
export const CommissioningStepInput = z.strictObject({
  step: z.union([CommissioningStepName, z.literal('done')]),
  /** cardTerminal: the admin confirms a real card is at hand; only then are financial messages sent. */
  confirmRealCard: z.boolean().optional(),
  /** scanner: the text the screen read from the scan, and whether it came through the Arabic-layout path. */
  scan: z.strictObject({ text: z.string().max(64), arabicLayout: z.boolean() }).optional(),
  /** customerDisplay: the admin saw the test on the customer's screen (or did not). */
  shown: z.boolean().optional(),
});

export const CommissioningStepAnswer = z.object({ result: CommissioningStepResult.nullable(), report: CommissioningReport });
