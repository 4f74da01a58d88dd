// The X report in the admin area, in real Chromium against the browser host: after a cash sale and a card sale the
// manager reads what the till took, in Arabic — counts, totals, each way of paying — and axe finds nothing serious;
// then closes the day: Enter alone (a scanner's) does not, a click does; Z 1 is kept and the X starts again empty.
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/till';
import { axeFindings } from './support/axe';
import { ring, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();

describe('the X report', () => {
  it('shows the day so far after a cash sale and a card sale, then closes the day with a Z', async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-xreport-' });
    await ring(page, DEMO.milk.barcode);
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.press('Enter'); // exact amount
    await page.getByTestId('receipt-preview').waitFor();
    await page.keyboard.press('Escape');
    await ring(page, DEMO.dates.barcode);
    await page.keyboard.press('F11');
    await page.getByTestId('card-panel').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('completed-view').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');

    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-panel').waitFor();
    await page.getByTestId('manager-pin-input').fill('1234');
    await page.getByTestId('manager-pin-submit').click();
    await page.getByTestId('settings-form').waitFor();
    await page.getByTestId('admin-tab-xreport').click();
    await page.locator('[data-testid="x-report"][data-loaded="1"]').waitFor();

    expect(await page.getByTestId('x-receipts').locator('td').textContent()).toBe('2');
    const total = ((DEMO.milk.price + DEMO.dates.price) / 100).toFixed(2);
    expect(await page.getByTestId('x-sales').locator('td').textContent()).toContain(total);
    const tenders = (await page.getByTestId('x-tenders').textContent()) ?? '';
    expect(tenders).toContain('نقدًا');
    expect(tenders).toContain((DEMO.milk.price / 100).toFixed(2));
    expect(tenders).toContain((DEMO.dates.price / 100).toFixed(2));
    expect(await page.getByTestId('x-cash-taken').locator('td').textContent()).toContain((DEMO.milk.price / 100).toFixed(2));
    // Both sales are the demo cashier's: one row, with both.
    expect(await page.getByTestId('x-cashiers').locator('tr').count()).toBe(1);
    expect(await page.getByTestId('x-cashiers').locator('td').textContent()).toContain(total);
    // The checklist: a card was taken and the terminal not settled yet; nothing in doubt; no backup since the morning.
    expect(await page.getByTestId('check-payments').getAttribute('data-state')).toBe('done');
    expect(await page.getByTestId('check-settlement').getAttribute('data-state')).toBe('todo');
    expect(await page.getByTestId('check-backup').getAttribute('data-state')).toBe('todo');
    expect(await page.getByTestId('check-settlement').textContent()).toContain('سُوّي جهاز الدفع');
    // No discount given; the backup run from the checklist says why it cannot be made (no folder set), in Arabic.
    expect(await page.getByTestId('x-discounts').locator('td').textContent()).toContain('0.00');
    await page.getByTestId('check-backup-run').click();
    await page.getByTestId('check-backup-result').waitFor();
    expect(await page.getByTestId('check-backup-result').getAttribute('data-ok')).toBe('0');
    expect(await page.getByTestId('check-backup-result').textContent()).toContain('مجلد');
    expect(await page.getByTestId('check-backup').getAttribute('data-state')).toBe('todo');
    expect(await axeFindings(page)).toEqual([]);

    await page.getByTestId('z-close').click();
    await page.getByTestId('z-confirm').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('z-confirm').textContent()).toContain('Ctrl+Enter');
    expect(await page.getByTestId('z-closed').count()).toBe(0);
    await page.getByTestId('z-confirm-button').click();
    await page.getByTestId('z-closed').waitFor();
    expect(await page.getByTestId('z-closed').getAttribute('data-number')).toBe('1');
    expect(await page.getByTestId('z-closed').textContent()).toContain('Z000001');
    await expect.poll(() => page.getByTestId('x-receipts').locator('td').textContent()).toBe('0');
  });
});
