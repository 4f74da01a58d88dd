// People at the till, in real Chromium against the real browser host: the lock key, the sign-in screen (a wrong
// PIN empties the field and keeps the keyboard there), the open sale there again after sign-in, and the receipt
// naming who signed in. One till for the file.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_CASHIER, DEMO_MANAGER } from '../../main/people';
import { DEMO } from '../support/till';
import { axeFindings } from './support/axe';
import { focusedTestId, typeBarcode, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();

const lines = (p: Page) => p.getByTestId('sale-line');
const signInScreen = (p: Page) => p.getByTestId('sign-in-screen');
const size = async (p: Page, testId: string) => (await p.getByTestId(testId).boundingBox())!;

describe('signing in at the till', () => {
  it('locks with Ctrl+L, clears a wrong PIN and keeps the keyboard, brings the open sale back, and names the cashier on the receipt', async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-sign-in-' });
    // A demo till starts signed in as the demo cashier.
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(DEMO_CASHIER.nameAr);
    expect(await axeFindings(page)).toEqual([]);
    const lock = await size(page, 'lock-till');
    expect(Math.min(lock.width, lock.height)).toBeGreaterThanOrEqual(44);

    // Locked on the empty sale; the manager signs in and it becomes theirs.
    await page.keyboard.press('Control+l');
    await signInScreen(page).waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('sign-in-pin');
    expect(await page.getByTestId('scan-input').isVisible()).toBe(true); // behind the overlay, never focused
    await page.keyboard.type(DEMO_MANAGER.pin, { delay: 60 });
    await page.keyboard.press('Enter');
    await signInScreen(page).waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(DEMO_MANAGER.nameAr);

    await typeBarcode(page, DEMO.milk.barcode);
    await expect.poll(() => lines(page).count()).toBe(1);

    // The lock button; then a wrong PIN: refused in the till's language, the field empty and still focused.
    await page.getByTestId('lock-till').click();
    await signInScreen(page).waitFor();
    const submit = await size(page, 'sign-in-submit');
    expect(Math.min(submit.width, submit.height)).toBeGreaterThanOrEqual(44);
    await expect.poll(() => focusedTestId(page)).toBe('sign-in-pin');
    await page.keyboard.type('0000', { delay: 60 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('sign-in-error').getAttribute('data-code')).toBe('SIGN_IN_WRONG');
    expect(await page.getByTestId('sign-in-error').textContent()).toContain('الرمز غير صحيح');
    expect(await page.getByTestId('sign-in-pin').inputValue()).toBe('');
    expect(await focusedTestId(page)).toBe('sign-in-pin');
    // The sign-in screen, with its refusal showing, passes axe (Arabic, right to left).
    expect(await axeFindings(page)).toEqual([]);

    // The right PIN: the open sale is there again, as it was.
    await page.keyboard.type(DEMO_MANAGER.pin, { delay: 60 });
    await page.keyboard.press('Enter');
    await signInScreen(page).waitFor({ state: 'detached' });
    expect(await lines(page).count()).toBe(1);
    await expect.poll(() => focusedTestId(page)).toBe('scan-input');

    // Paid: the receipt on screen names the manager who rang it up.
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor();
    expect(await page.getByTestId('receipt-cashier').textContent()).toBe(DEMO_MANAGER.nameAr);
  });
});
