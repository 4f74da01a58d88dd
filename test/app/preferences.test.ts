// The till's language and digit style: saved by setPreferences, and every view told at once when they change
// (the customer display follows the cashier's F9 / F10 through the preferencesChanged event).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../preload/contract';
import { startTestTill, type TestTill } from '../support/till';

let t: TestTill;
let heard: Array<{ event: EventName; payload: unknown }>;
beforeEach(async () => {
  t = await startTestTill();
  heard = [];
  t.till.subscribe((event, payload) => {
    if (event === 'preferencesChanged') heard.push({ event, payload });
  });
});
afterEach(async () => {
  await t.close();
});

describe('preferencesChanged', () => {
  it('tells every view the preferences saved when setPreferences changes them', async () => {
    expect(await t.call('setPreferences', { locale: 'en' })).toEqual({ locale: 'en', digits: 'latin' });
    expect(await t.call('setPreferences', { digits: 'arabic' })).toEqual({ locale: 'en', digits: 'arabic' });
    expect(heard).toEqual([
      { event: 'preferencesChanged', payload: { locale: 'en', digits: 'latin' } },
      { event: 'preferencesChanged', payload: { locale: 'en', digits: 'arabic' } },
    ]);
    // What the event said is what a fresh read (a view starting or reconnecting) finds.
    expect((await t.call('getTill', {})).preferences).toEqual({ locale: 'en', digits: 'arabic' });
  });

  it('stays quiet when nothing changed: an empty patch, or the values already saved', async () => {
    expect(await t.call('setPreferences', {})).toEqual({ locale: 'ar', digits: 'latin' });
    expect(await t.call('setPreferences', { locale: 'ar', digits: 'latin' })).toEqual({ locale: 'ar', digits: 'latin' });
    expect(heard).toEqual([]);
  });

  it('is not sent for a refused call', async () => {
    expect(await t.attempt('setPreferences', { locale: 'fr' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(heard).toEqual([]);
  });

  it('survives a restart: the saved preferences are what getTill answers', async () => {
    await t.call('setPreferences', { locale: 'en', digits: 'arabic' });
    expect(heard).toHaveLength(1);
    await t.restart();
    expect((await t.call('getTill', {})).preferences).toEqual({ locale: 'en', digits: 'arabic' });
  });
});
