// The on-screen number pad for touch tills, in real Chromium: a cash sale paid and a manager's PIN entered with
// taps alone — the pad's keys never take the focus from the field (a keyboard or a scanner still types there), and
// every key is a 44 px touch target or larger.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/till';
import { typeBarcode, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();

const tap = async (page: Page, testId: string, keys: string) => {
  for (const k of keys) await page.getByTestId(`${testId}-key-${k}`).click();
};

async function smallKeys(page: Page, testId: string): Promise<string[]> {
  return page.evaluate((id) => {
    return [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"] button`)]
      .map((b) => ({ id: b.dataset.testid ?? '', r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ id, r }) => `${id} ${Math.round(r.width)}×${Math.round(r.height)}`);
  }, testId);
}

describe('the number pad', () => {
  it('pays cash by taps: the amount, the change, Enter — the field keeps the focus', async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-keypad-' });
    await typeBarcode(page, DEMO.milk.barcode);
    await expect.poll(() => page.getByTestId('sale-line').count()).toBe(1);
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.getByTestId('tender-keypad-toggle').click();
    await page.getByTestId('tender-keypad').waitFor();
    expect(await smallKeys(page, 'tender-keypad')).toEqual([]);

    await tap(page, 'tender-keypad', '2');
    await page.getByTestId('tender-keypad-key-0').click();
    await page.getByTestId('tender-keypad-key-back').click();
    await page.getByTestId('tender-keypad-key-0').click();
    expect(await page.getByTestId('tendered-input').inputValue()).toBe('20');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tendered-input');
    await expect.poll(() => page.getByTestId('tender-change').textContent()).toContain(((2000 - DEMO.milk.price) / 100).toFixed(2));

    await page.getByTestId('tender-keypad-enter').click();
    await page.getByTestId('receipt-preview').waitFor();
    expect(await page.getByTestId('change-due').textContent()).toContain(((2000 - DEMO.milk.price) / 100).toFixed(2));
  });

  it("takes a manager's PIN by taps (the admin area opens), and a wrong one leaves the field empty for the next try", async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-keypad-pin-' });
    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-panel').waitFor();
    await page.getByTestId('pin-keypad-toggle').click();
    await page.getByTestId('pin-keypad').waitFor();
    expect(await smallKeys(page, 'pin-keypad')).toEqual([]);

    await tap(page, 'pin-keypad', '9999');
    await page.getByTestId('pin-keypad-enter').click();
    await expect.poll(() => page.getByTestId('message').getAttribute('data-code')).toBe('MANAGER_PIN_WRONG');
    await expect.poll(() => page.getByTestId('manager-pin-input').inputValue()).toBe('');

    await page.getByTestId('pin-keypad').waitFor();
    await tap(page, 'pin-keypad', '1234');
    expect(await page.getByTestId('manager-pin-input').inputValue()).toBe('1234');
    await page.getByTestId('pin-keypad-enter').click();
    await page.getByTestId('settings-form').waitFor();
  });
});
