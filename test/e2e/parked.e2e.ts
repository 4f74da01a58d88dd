// Parked sales in real Chromium against the real browser host: a customer's sale is parked, the next customer is
// served and pays, and the parked sale is recalled and paid. One till, one test (the suite's time budget).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/till';
import { focusedTestId, ring, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();
let page: Page;

const lines = (p: Page) => p.getByTestId('sale-line');

/** F12, the amount, Enter; then Enter again past the receipt to the next sale. */
async function payCash(p: Page, amount: string): Promise<string> {
  await p.keyboard.press('F12');
  await p.getByTestId('tender-panel').waitFor();
  await p.keyboard.type(amount);
  await p.keyboard.press('Enter');
  await p.getByTestId('receipt-preview').waitFor();
  const receiptNo = (await p.getByTestId('receipt-no').textContent()) ?? '';
  await p.keyboard.press('Enter');
  await expect.poll(() => lines(p).count()).toBe(0);
  return receiptNo;
}

describe('parked sales', () => {
  it('parks a sale, serves the next customer, then recalls the parked sale by the keyboard and pays it', async () => {
    ({ page } = await tills.openTill({ prefix: 'nuqta-e2e-parked-' }));
    // An empty sale cannot be parked: the banner says so.
    await page.keyboard.press('Control+KeyH');
    await expect.poll(() => page.getByTestId('message').textContent()).toMatch(/لا توجد أصناف/);

    await ring(page, DEMO.milk.barcode, DEMO.coffee.barcode);
    expect(await page.getByTestId('park-sale').textContent()).toContain('Ctrl+H');
    await page.keyboard.press('Control+KeyH');
    await expect.poll(() => lines(page).count()).toBe(0);
    await expect.poll(() => focusedTestId(page)).toBe('scan-input');

    // The next customer: one item, paid in cash.
    await ring(page, DEMO.bread.barcode);
    expect(await payCash(page, '5')).toContain('T01-000001');

    // The list: when, how many lines, the total, whose. Enter before a sale is picked only says how to pick one.
    await page.keyboard.press('Control+Shift+KeyH');
    await page.getByTestId('parked-dialog').waitFor();
    await expect.poll(() => page.getByTestId('parked-item').count()).toBe(1);
    expect(await page.getByTestId('parked-lines').textContent()).toBe('2');
    expect(await page.getByTestId('parked-total').textContent()).toContain('34.25');
    // Whose sale it is: the demo cashier who rang it up (a sale is parked to its owner when another signs in).
    expect(await page.getByTestId('parked-cashier').textContent()).toContain('أمل');
    await page.keyboard.press('Enter');
    await page.getByTestId('parked-enter-hint').waitFor();
    expect(await lines(page).count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('parked-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => lines(page).count()).toBe(2);
    expect(await page.getByTestId('total').textContent()).toContain('34.25');

    expect(await payCash(page, '50')).toContain('T01-000002');
    await page.getByTestId('parked-open').click();
    await page.getByTestId('parked-empty').waitFor();
  });
});
