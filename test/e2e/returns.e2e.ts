// A return at the till, in real Chromium against the real browser host: a cash sale of two items, then from
// the sale history one item comes back with a reason and the manager's PIN; main answers with the return's
// number and the refund, and the receipt then shows what came back. A wrong PIN is refused and cleared, and a
// plain Enter never confirms (that is a scanner's key).
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../support/till';
import { focusedTestId, ring, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();
let page: Page;

beforeEach(async () => {
  ({ page } = await tills.openTill({ prefix: 'nuqta-e2e-returns-' }));
});

const messageCode = (p: Page) => p.getByTestId('message').getAttribute('data-code');
const dialog = (p: Page) => p.getByTestId('return-dialog');
const lineOf = (p: Page, barcode: string) => dialog(p).locator(`[data-testid="return-line"][data-barcode="${barcode}"]`);
const cell = (p: Page, barcode: string, testId: string) => lineOf(p, barcode).getByTestId(testId).textContent();

/** Milk and coffee, paid with 50 in cash; back at an empty sale. Returns the receipt number. */
async function sellTwoForCash(p: Page): Promise<string> {
  await ring(p, DEMO.milk.barcode, DEMO.coffee.barcode);
  await p.keyboard.press('F12');
  await p.getByTestId('tender-panel').waitFor();
  await p.keyboard.type('50');
  await p.keyboard.press('Enter');
  await p.getByTestId('receipt-preview').waitFor();
  const receiptNo = (await p.getByTestId('receipt-no').textContent())!.trim();
  await p.keyboard.press('Enter');
  await expect.poll(() => p.getByTestId('sale-line').count()).toBe(0);
  return receiptNo;
}

/** F5, the receipt highlighted, its Return action: the dialog with the receipt's lines. */
async function openReturn(p: Page, receiptNo: string): Promise<void> {
  if ((await p.getByTestId('history-panel').count()) === 0) {
    await p.keyboard.press('F5');
    await p.getByTestId('history-panel').waitFor();
  }
  await p.locator(`[data-testid="history-item"][data-receipt-no="${receiptNo}"][aria-current="true"]`).waitFor();
  await p.locator(`[data-testid="history-return"][data-receipt-no="${receiptNo}"]`).click();
  await dialog(p).waitFor();
  await expect.poll(() => dialog(p).getByTestId('return-line').count()).toBe(2);
}

describe('a return from the sale history', () => {
  it('returns one of two items with a reason and the PIN, then shows what came back', async () => {
    const receiptNo = await sellTwoForCash(page);
    await openReturn(page, receiptNo);

    expect(await cell(page, DEMO.milk.barcode, 'return-sold')).toBe('1');
    expect(await cell(page, DEMO.milk.barcode, 'return-returned')).toBe('0');
    expect(await cell(page, DEMO.milk.barcode, 'return-left')).toBe('1');
    const confirm = page.getByTestId('return-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    expect(await page.getByTestId('return-hint').getAttribute('data-block')).toBe('none_selected');

    // One milk (the stepper stops at what may come back), then the reason.
    await lineOf(page, DEMO.milk.barcode).getByTestId('return-more').click();
    expect(await cell(page, DEMO.milk.barcode, 'return-qty')).toBe('1');
    expect(await lineOf(page, DEMO.milk.barcode).getByTestId('return-more').getAttribute('aria-disabled')).toBe('true');
    await lineOf(page, DEMO.milk.barcode).getByTestId('return-more').press('+');
    expect(await cell(page, DEMO.milk.barcode, 'return-qty')).toBe('1');
    expect(await page.getByTestId('return-hint').getAttribute('data-block')).toBe('no_reason');
    const reasons = await page.getByTestId('return-reason').locator('option').allTextContents();
    expect(reasons).toContain('بضاعة تالفة / Damaged goods');
    await page.getByTestId('return-reason').selectOption('damaged');
    expect(await confirm.isEnabled()).toBe(true);

    // A wrong PIN: Enter in the field moves to the button, Enter on the button does nothing; Ctrl+Enter sends it.
    await page.getByTestId('manager-pin-input').focus();
    await page.keyboard.type('9999', { delay: 40 });
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('return-confirm');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    // Not sent: sending clears the PIN at once, before main answers.
    expect(await page.getByTestId('manager-pin-input').inputValue()).toBe('9999');
    expect(await page.getByTestId('message').count()).toBe(0);
    expect(await page.getByTestId('return-result').count()).toBe(0);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => messageCode(page)).toBe('MANAGER_PIN_WRONG');
    await expect.poll(() => focusedTestId(page)).toBe('manager-pin-input');
    expect(await page.getByTestId('manager-pin-input').inputValue()).toBe('');
    expect(await page.getByTestId('return-result').count()).toBe(0);

    // The right PIN and a click: main issues the return.
    await page.keyboard.type('1234', { delay: 40 });
    await confirm.click();
    await page.getByTestId('return-result').waitFor();
    expect(await page.getByTestId('return-no').textContent()).toBe('T01-R000001');
    expect(await page.getByTestId('return-total').textContent()).toContain('6.50');
    expect(await page.getByTestId('return-drawer').getAttribute('data-outcome')).toBe('opened');
    expect(await page.getByTestId('manager-pin-input').count()).toBe(0);

    // Enter closes the outcome; the history stays, and the receipt now shows the milk as returned.
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog(page).count()).toBe(0);
    await page.getByTestId('history-panel').waitFor();
    // The history row says the sale is partly returned.
    const row = page.locator(`[data-testid="history-item"][data-receipt-no="${receiptNo}"]`);
    await expect.poll(() => row.getByTestId('history-returned').count()).toBe(1);
    expect(await row.getByTestId('history-returned').textContent()).toContain('6.50');
    await openReturn(page, receiptNo);
    expect(await cell(page, DEMO.milk.barcode, 'return-returned')).toBe('1');
    expect(await cell(page, DEMO.milk.barcode, 'return-left')).toBe('0');
    expect(await lineOf(page, DEMO.milk.barcode).getAttribute('aria-disabled')).toBe('true');
    expect(await lineOf(page, DEMO.milk.barcode).getByTestId('return-more').isDisabled()).toBe(true);
    expect(await cell(page, DEMO.coffee.barcode, 'return-left')).toBe('1');
    expect(await page.getByTestId('return-earlier').textContent()).toContain('T01-R000001');

    // The coffee too, from the keyboard (+ on its line, Ctrl+Enter): then nothing is left on the receipt.
    await lineOf(page, DEMO.coffee.barcode).getByTestId('return-more').focus();
    await page.keyboard.press('+');
    expect(await cell(page, DEMO.coffee.barcode, 'return-qty')).toBe('1');
    await page.getByTestId('return-reason').selectOption('customer_changed_mind');
    await page.getByTestId('manager-pin-input').focus();
    await page.keyboard.type('1234', { delay: 40 });
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('return-result').waitFor();
    expect(await page.getByTestId('return-no').textContent()).toBe('T01-R000002');
    expect(await page.getByTestId('return-total').textContent()).toContain('27.75');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    await openReturn(page, receiptNo);
    await page.getByTestId('return-nothing-left').waitFor();
    expect(await page.getByTestId('return-confirm').count()).toBe(0);

    // Esc closes the return dialog only, then the history.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await page.getByTestId('history-panel').count()).toBe(1);
  });
});
