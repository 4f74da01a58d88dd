// The admin area's e-invoicing tab in real Chromium against the browser host and the platform simulator: in
// Arabic, the demo unit onboarded with the simulator, a cash sale rung up at the till listed with its state and
// the command that prints its XML; a wrong OTP answered with where onboarding stopped and why, in Arabic; and
// nothing on the tab scrolls sideways on a 1366×768 screen.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/till';
import { typeBarcode, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();

const ARABIC = /[\u0600-\u06ff]/;

/** A cash sale of one item, paid exactly; answers with its receipt number. */
async function sellForCash(page: Page, barcode: string): Promise<string> {
  await typeBarcode(page, barcode);
  await expect.poll(() => page.getByTestId('sale-line').count()).toBe(1);
  await page.keyboard.press('F12');
  await page.getByTestId('tender-panel').waitFor();
  // Empty + Enter is the exact amount.
  await page.keyboard.press('Enter');
  await page.getByTestId('receipt-preview').waitFor();
  const receiptNo = /T01-\d{6}/.exec((await page.getByTestId('receipt-no').textContent()) ?? '')?.[0];
  expect(receiptNo).toBeDefined();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('sale-line').count()).toBe(0);
  return receiptNo!;
}

/** Top bar → Settings → the manager's PIN → the e-invoicing tab, loaded. */
async function openEinvoicing(page: Page): Promise<void> {
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-panel').waitFor();
  await page.getByTestId('manager-pin-input').fill('1234');
  await page.getByTestId('manager-pin-submit').click();
  await page.getByTestId('settings-form').waitFor();
  await page.getByTestId('admin-tab-einvoicing').click();
  await page.locator('[data-testid="einvoicing-admin"][data-loaded="1"]').waitFor();
}

/** Refresh, once the panel is free to take it, and back once main's status and list are in (the button is disabled meanwhile). */
async function refreshed(page: Page): Promise<void> {
  const idle = page.locator('[data-testid="einv-refresh"][aria-disabled="false"]');
  await idle.waitFor();
  await page.getByTestId('einv-refresh').click();
  await idle.waitFor();
}

/** Nothing wider than the screen: neither the page nor the admin dialog (which scrolls) has sideways overflow. */
async function horizontalOverflow(page: Page): Promise<{ page: number; dialog: number }> {
  return page.evaluate(() => {
    const dialog = document.querySelector('[data-testid="admin-panel"]');
    return {
      page: document.documentElement.scrollWidth - window.innerWidth,
      dialog: dialog ? dialog.scrollWidth - dialog.clientWidth : Number.NaN,
    };
  });
}

describe('the e-invoicing tab of the admin area', () => {
  it('shows the demo unit onboarded, in Arabic, and the sale just made in the list with its state', async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-einv-' });
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const receiptNo = await sellForCash(page, DEMO.milk.barcode);

    await openEinvoicing(page);
    const status = page.getByTestId('einv-status');
    expect(await status.getAttribute('data-onboarded')).toBe('1');
    expect(await status.getAttribute('data-environment')).toBe('simulator');
    expect(await page.getByTestId('einv-onboarded').textContent()).toBe('مربوطة بمنصة فاتورة');
    expect(await page.getByTestId('einv-environment').textContent()).toContain('المحاكي');
    expect(await page.getByTestId('einv-unit-id').textContent()).toMatch(/^[0-9a-f-]{36}$/);
    // The simulator's certificates last a year.
    expect(Number(await page.getByTestId('einv-certificate-expiry').getAttribute('data-days'))).toBeGreaterThan(360);
    expect(await page.getByTestId('einv-certificate-expiry').getAttribute('data-tone')).toBe('ok');

    // The sale is in the list, newest first; the queue reports it in the background (Refresh asks main again).
    const row = page.locator(`[data-testid="einv-doc"][data-receipt-no="${receiptNo}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-icv')).toBe('1');
    // Each round waits for its refresh to finish: a refresh still running would swallow the filter click below (the
    // panel drops a call while one runs). The counts come from main's status, asked just before the list: the
    // document can be reported in between, so the row and the count are polled together.
    await expect
      .poll(
        async () => {
          await refreshed(page);
          return [await row.getAttribute('data-state'), await page.getByTestId('einv-count-reported').locator('.einv-count__n').textContent()];
        },
        { timeout: 15_000 },
      )
      .toEqual(['reported', '1']);
    expect(await row.textContent()).toContain('فاتورة مبسطة');
    expect(await row.textContent()).toContain('مُبلَّغ');
    await row.click();
    const detail = page.getByTestId('einv-detail');
    expect(await detail.getAttribute('data-receipt-no')).toBe(receiptNo);
    expect(await page.getByTestId('einv-xml-command').textContent()).toBe(`nuqta zatca xml ${receiptNo}`);
    expect(await page.getByTestId('einv-xml-sha256').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('einv-no-messages').textContent()).toMatch(ARABIC);
    expect(await page.getByTestId('einv-count-reported').textContent()).toContain('1');

    // Filtered to the rejected ones: none.
    await page.getByTestId('einv-filter-rejected').click();
    await expect.poll(() => page.getByTestId('einv-documents').getAttribute('data-filter')).toBe('rejected');
    expect(await page.getByTestId('einv-doc').count()).toBe(0);
    await page.getByTestId('einv-filter-all').click();
    await row.waitFor();

    expect(await horizontalOverflow(page)).toEqual({ page: 0, dialog: 0 });

    // English second: F9 turns the whole tab left to right, still without sideways scrolling.
    await page.keyboard.press('F9');
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.getByTestId('einv-onboarded').textContent()).toBe('Onboarded with FATOORA');
    expect(await row.textContent()).toContain('Simplified invoice');
    expect(await horizontalOverflow(page)).toEqual({ page: 0, dialog: 0 });
  });

  it('answers a wrong OTP with the step it stopped at and why, in Arabic, and keeps the unit', async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-einv-' });
    await openEinvoicing(page);
    const unitBefore = await page.getByTestId('einv-unit-id').textContent();

    // Six digits or nothing is sent.
    await page.getByTestId('einv-otp').fill('1234');
    await page.getByTestId('einv-onboard-start').click();
    await page.getByTestId('einv-otp-invalid').waitFor();
    expect(await page.getByTestId('einv-confirm').count()).toBe(0);

    expect(await page.getByTestId('einv-environment-select').inputValue()).toBe('simulator');
    // Enter in the field asks for the confirmation, as the button does.
    await page.getByTestId('einv-otp').fill('111111');
    await page.getByTestId('einv-otp').press('Enter');
    await page.getByTestId('einv-confirm').waitFor();
    expect(await page.getByTestId('einv-confirm').textContent()).toMatch(ARABIC);
    await page.getByTestId('einv-confirm-yes').click();

    const result = page.getByTestId('einv-onboard-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute('data-outcome')).toBe('failed');
    expect(await result.getAttribute('data-code')).toBe('EINVOICE_ONBOARD_OTP_REFUSED');
    expect(await result.getAttribute('data-step')).toBe('compliance-csid');
    expect(await page.getByTestId('einv-onboard-error').textContent()).toContain('رمز التحقق');
    expect(await page.getByTestId('einv-step-csr').getAttribute('data-state')).toBe('ok');
    expect(await page.getByTestId('einv-step-compliance-csid').getAttribute('data-state')).toBe('failed');
    expect(await page.getByTestId('einv-step-production-csid').getAttribute('data-state')).toBe('pending');
    expect(await result.locator('.einv-message[data-code="Invalid-OTP"]').count()).toBe(1);

    // Read after the refresh has answered: the unit is the same before it, so a poll would pass on the old screen.
    await refreshed(page);
    expect(await page.getByTestId('einv-unit-id').textContent()).toBe(unitBefore);
    expect(await page.getByTestId('einv-status').getAttribute('data-onboarded')).toBe('1');
    expect(await horizontalOverflow(page)).toEqual({ page: 0, dialog: 0 });

    // Esc closes the admin area (the tab holds no dialog of its own now).
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('admin-panel').count()).toBe(0);
  });

  it('renews the certificate with an OTP: the same unit, a new expiry shown', async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-einv-renew-' });
    await openEinvoicing(page);
    const unitBefore = await page.getByTestId('einv-unit-id').textContent();
    const expiryBefore = await page.getByTestId('einv-certificate-expiry').getAttribute('data-not-after');
    await page.getByTestId('einv-renew-otp').fill('111111');
    await page.getByTestId('einv-renew-start').click();
    const result = page.getByTestId('einv-renew-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute('data-outcome')).toBe('failed');
    expect(await result.textContent()).toMatch(ARABIC);

    await page.getByTestId('einv-renew-otp').fill('123345');
    await page.getByTestId('einv-renew-otp').press('Enter');
    await expect.poll(() => result.getAttribute('data-outcome'), { timeout: 30_000 }).toBe('renewed');
    expect(await result.textContent()).toMatch(ARABIC);
    expect(await page.getByTestId('einv-unit-id').textContent()).toBe(unitBefore);
    // The status shows the new certificate (it expires later than the one the unit had), and the result names
    // the same expiry.
    expect(Date.parse(expiryBefore ?? '')).toBeGreaterThan(0);
    await expect.poll(async () => Date.parse((await page.getByTestId('einv-certificate-expiry').getAttribute('data-not-after')) ?? '')).toBeGreaterThan(Date.parse(expiryBefore ?? ''));
    const expiry = await page.getByTestId('einv-certificate-expiry').locator('bdi').textContent();
    expect(expiry).toBeTruthy();
    expect(await result.textContent()).toContain(expiry);
    expect(await horizontalOverflow(page)).toEqual({ page: 0, dialog: 0 });
  });
});
