// The admin area's Updates tab in real Chromium against the browser host, in Arabic then English: the version
// running, the policy and how this till installs (the browser host: not at all), and an offline update folder
// (a USB drive) signed with a key this build does not carry — refused, with the reason in the cashier's language,
// nothing staged. This tree's builds carry no release key yet (docs/updates.md), so that is what a till built
// from it answers. The whole path with a trusted key (stage, wait during a sale, refuse then install in main) is
// in test/app/updates-handlers.test.ts, on a real till in-process where the test's keys can be handed in.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeKey, makeRelease, writeFolder } from '../updates/feed-rig';
import { useTillBrowser } from './support/till-page';

const tills = useTillBrowser();

async function openUpdates(page: Page): Promise<void> {
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-panel').waitFor();
  await page.getByTestId('manager-pin-input').fill('1234');
  await page.getByTestId('manager-pin-submit').click();
  await page.getByTestId('settings-form').waitFor();
  await page.getByTestId('admin-tab-updates').click();
  await page.locator('[data-testid="updates-admin"][data-loaded="1"]').waitFor();
}

describe('the Updates tab', () => {
  it('shows what runs and how it installs, and refuses a folder signed with a key the build does not trust', async () => {
    const { page, dir } = await tills.openTill({ prefix: 'nuqta-e2e-updates-' });
    await openUpdates(page);
    expect(await page.getByTestId('updates-version').textContent()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(await page.getByTestId('updates-policy').textContent()).toBe('يدوي (يثبّته المدير)');
    expect(await page.getByTestId('updates-installer').textContent()).toContain('المتصفح');
    expect(await page.getByTestId('updates-decision').getAttribute('data-kind')).toBe('nothing-staged');
    expect(await page.getByTestId('updates-install').count()).toBe(0);

    const usb = writeFolder(
      path.join(dir, 'usb'),
      makeRelease({ version: '99.0.0', key: makeKey('not-the-vendor'), platform: 'linux-x64-deb', fileName: 'nuqta-pos_99.0.0_amd64.deb' }),
    );
    await page.getByTestId('updates-folder').fill(usb);
    await page.getByTestId('updates-import').click();
    const result = page.getByTestId('updates-check-result');
    await expect.poll(() => result.getAttribute('data-status')).toBe('failed');
    expect(await result.textContent()).toContain('لا يحمل مفتاح توقيع');
    expect(await page.getByTestId('updates-staged').getAttribute('data-version')).toBe('');

    await page.keyboard.press('F9');
    await expect.poll(() => result.textContent()).toContain('carries no update signing key');
    expect(await page.getByTestId('updates-policy').textContent()).toBe('Manual (a manager installs)');
    // Nothing on the tab scrolls sideways at a till's 1366×768.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  });
});
