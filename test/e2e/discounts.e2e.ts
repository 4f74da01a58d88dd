// Discounts in real Chromium against the real browser host: a line discount within the cashier's limit by the
// keyboard alone (Enter does not apply it: a scanner ends every barcode with Enter), a sale discount past the
// cashier's limit approved by the manager's PIN in the same dialog, then the sale paid at the discounted total. One till, one test.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/till';
import { axeFindings } from './support/axe';
import { ring, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();
let page: Page;

describe('discounts at the till', () => {
  it('takes a line discount by the keyboard and a sale discount with a manager, and charges what is left', async () => {
    ({ page } = await tills.openTill({ prefix: 'nuqta-e2e-discounts-' }));
    await ring(page, DEMO.milk.barcode, DEMO.coffee.barcode);
    // + on the highlighted line: 2 × 6.50 + 27.75 = 40.75; then up to the milk line.
    await page.keyboard.press('Control+ArrowUp');
    await page.keyboard.press('+');
    await expect.poll(() => page.getByTestId('total').textContent()).toContain('40.75');

    await page.keyboard.press('Control+KeyD');
    const dialog = page.getByTestId('discount-dialog');
    await dialog.waitFor();
    await page.keyboard.type('5');
    await page.getByTestId('discount-reason-promotion').click();
    // Enter alone only says which key applies; nothing changes.
    await page.getByTestId('discount-value').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('discount-keys-hint').getAttribute('role')).toBe('alert');
    // Not sent: sending disables the button at once and closes the dialog on the answer (a total read now would
    // still say 40.75 for a discount sent but not yet answered).
    expect(await page.getByTestId('discount-apply').isEnabled()).toBe(true);
    expect(await page.getByTestId('total').textContent()).toContain('40.75');
    await page.keyboard.press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    // 5 % of 13.00 off the milk (the demo cashier's own limit): 0.65.
    await expect.poll(() => page.getByTestId('line-discount').textContent()).toContain('0.65');
    await expect.poll(() => page.getByTestId('total').textContent()).toContain('40.10');

    // A cashier gives no discount on the whole sale alone: the dialog asks for the manager.
    await page.keyboard.press('Control+Shift+KeyD');
    await dialog.waitFor();
    await page.getByTestId('discount-kind-amount').click();
    await page.getByTestId('discount-value').fill('5');
    await page.getByTestId('discount-reason-loyal_customer').click();
    await page.getByTestId('discount-apply').click();
    await page.getByTestId('discount-approval').waitFor();
    await expect.poll(() => page.getByTestId('message').textContent()).toMatch(/رمز المدير|manager/);
    // The dialog with its approval step: nothing serious or critical for axe.
    expect(await axeFindings(page)).toEqual([]);
    await page.getByTestId('manager-pin-input').fill('1234');
    await page.getByTestId('manager-pin-input').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('sale-discount').textContent()).toContain('5.00');
    expect(await axeFindings(page)).toEqual([]);
    await expect.poll(() => page.getByTestId('total').textContent()).toContain('35.10');

    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.type('35.10');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor();
    expect(await page.getByTestId('receipt-preview').textContent()).toContain('35.10');
  });
});
