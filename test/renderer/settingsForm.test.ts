// The settings form's drafts as data: a riyals field shows halalas as riyals and sends back halalas, in either
// digit script; what is not an amount is the form's own error before anything reaches main.
import { describe, expect, it } from 'vitest';
import type { SettingsField } from '../../preload/contract/admin';
import { settingsFields } from '../../main/app/admin/settings-fields';
import { DEMO_SETTINGS, exportable } from '../../main/settings';
import { draftOf, draftsOf, patchOf, riyalsOf } from '../../renderer/admin/settingsForm';

const refund: SettingsField = { key: 'twoFactor.refundAboveHalalas', group: 'people', kind: 'riyals', nullable: false, value: 50_000 };

describe('a riyals field', () => {
  it('shows halalas as riyals', () => {
    expect(draftOf(refund)).toBe('500');
    expect(riyalsOf(1_250)).toBe('12.50');
    expect(riyalsOf(5)).toBe('0.05');
  });

  it('sends halalas for riyals typed in Latin or Arabic digits, and refuses what is not an amount', () => {
    expect(patchOf([refund], { [refund.key]: '750.5' })).toEqual({ patch: { [refund.key]: 75_050 }, local: [] });
    expect(patchOf([refund], { [refund.key]: '٧٥٠٫٥٠' })).toEqual({ patch: { [refund.key]: 75_050 }, local: [] });
    expect(patchOf([refund], { [refund.key]: '500' })).toEqual({ patch: {}, local: [] });
    expect(patchOf([refund], { [refund.key]: '12.345' }).local).toEqual([{ key: refund.key, reason: 'riyals' }]);
    expect(patchOf([refund], { [refund.key]: 'abc' }).local).toEqual([{ key: refund.key, reason: 'riyals' }]);
  });
});

describe('the whole form', () => {
  it("sends nothing when nothing was typed: every field's draft reads back as its value (0 riyals, JSON, switches)", () => {
    const fields = settingsFields(exportable(DEMO_SETTINGS));
    expect(fields.some((f) => f.kind === 'riyals' && f.value === 0)).toBe(true);
    expect(patchOf(fields, draftsOf(fields))).toEqual({ patch: {}, local: [] });
  });
});
