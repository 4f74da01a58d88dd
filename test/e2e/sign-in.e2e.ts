// People at the till, in real Chromium against the real browser host: the lock key, the sign-in screen (a wrong
// PIN empties the field and keeps the keyboard there), the open sale there again after sign-in, and the receipt
// naming who signed in; a user added from the admin's Users tab signing in. One till per test.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { createUsers, DEMO_CASHIER, DEMO_MANAGER } from '../../main/people';
import { DEMO } from '../support/till';
import { axeFindings } from './support/axe';
import { focusedTestId, typeBarcode, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();

const lines = (p: Page) => p.getByTestId('sale-line');
const signInScreen = (p: Page) => p.getByTestId('sign-in-screen');
const BADGE_USER = { nameAr: 'ريم', nameEn: 'Reem', role: 'cashier' as const, pin: '8642', badge: 'STAFF0042' };

/** A staff badge through a USB keyboard-wedge scanner: its keys 4 ms apart (stamped through CDP), then Enter. */
async function scanBadge(p: Page, code: string) {
  const cdp = await p.context().newCDPSession(p);
  const start = Date.now() / 1000;
  const at = (i: number) => start + i * 0.004;
  const sends: Promise<unknown>[] = [];
  [...code].forEach((ch, i) => {
    const digit = /\d/.test(ch);
    const vk = digit ? 48 + Number(ch) : ch.toUpperCase().charCodeAt(0);
    const base = { key: ch, code: digit ? `Digit${ch}` : `Key${ch.toUpperCase()}`, windowsVirtualKeyCode: vk, nativeVirtualKeyCode: vk };
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...base, text: ch, unmodifiedText: ch, timestamp: at(i) }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base, timestamp: at(i) + 0.001 }));
  });
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
  sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r', timestamp: at(code.length) }));
  sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter, timestamp: at(code.length) + 0.001 }));
  await Promise.all(sends);
  await cdp.detach();
}

/** The admin added a cashier with a staff badge before the till started (as `nuqta user add` does). */
function addBadgeUser(dir: string) {
  const db = openDatabase(ledgerFile(dir));
  try {
    const { pin, badge, ...user } = BADGE_USER;
    createUsers(db, createJournal(db, 'T01')).add({ ...user, pin, badge }, 'test');
  } finally {
    db.close();
  }
}

const size = async (p: Page, testId: string) => (await p.getByTestId(testId).boundingBox())!;

describe('signing in at the till', () => {
  it('locks with Ctrl+L, clears a wrong PIN and keeps the keyboard, brings the open sale back, names the cashier on the receipt, and takes a badge then the PIN', async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-sign-in-', configure: addBadgeUser });
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
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor({ state: 'detached' });

    // A staff badge scanned into the PIN field is held, never shown, and the PIN asked for next.
    await page.keyboard.press('Control+l');
    await signInScreen(page).waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('sign-in-pin');
    await scanBadge(page, BADGE_USER.badge);
    await expect.poll(() => page.getByTestId('sign-in-screen').textContent()).toContain('قُرئت بطاقة الموظف');
    expect(await page.getByTestId('sign-in-pin').inputValue()).toBe('');
    expect(await lines(page).count()).toBe(0); // the badge was not rung up as an item
    await page.keyboard.type(BADGE_USER.pin, { delay: 60 });
    await page.keyboard.press('Enter');
    await signInScreen(page).waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(BADGE_USER.nameAr);
  });

  it('adds a user from Admin → Users (the PIN typed twice), who then signs in', async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-users-tab-' });
    await page.getByTestId('admin-open').click();
    await page.getByTestId('admin-panel').waitFor();
    await page.getByTestId('manager-pin-input').fill(DEMO_MANAGER.pin);
    await page.getByTestId('manager-pin-submit').click();
    await page.getByTestId('admin-tab-users').click();
    await expect.poll(() => page.getByTestId('users-admin').getAttribute('data-loaded')).toBe('1');
    expect(await page.getByTestId('users-row').count()).toBe(2);

    await page.getByTestId('users-add').click();
    await page.getByTestId('users-name-ar').fill('سارة');
    await page.getByTestId('users-name-en').fill('Sara');
    await page.getByTestId('users-role').selectOption('supervisor');
    // Two PINs that differ are refused in the view, and both fields emptied.
    await page.getByTestId('users-pin').fill('5824');
    await page.getByTestId('users-pin-again').fill('5842');
    await page.getByTestId('users-save').click();
    await expect.poll(() => page.getByTestId('users-problem').textContent()).toContain('الرمزان مختلفان');
    expect(await page.getByTestId('users-pin').inputValue()).toBe('');
    await page.getByTestId('users-pin').fill('5824');
    await page.getByTestId('users-pin-again').fill('5824');
    await page.getByTestId('users-save').click();
    await expect.poll(() => page.getByTestId('users-row').count()).toBe(3);
    expect(await page.locator('[data-testid="users-row"][data-name="Sara"]').getAttribute('data-active')).toBe('1');
    expect(await axeFindings(page)).toEqual([]);

    await page.getByTestId('admin-close').click();
    await page.getByTestId('lock-till').click();
    await signInScreen(page).waitFor();
    await page.keyboard.type('5824', { delay: 60 });
    await page.keyboard.press('Enter');
    await signInScreen(page).waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain('سارة');
  });
});
