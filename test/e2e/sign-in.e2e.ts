// People at the till, in real Chromium against the real browser host: the lock key, the sign-in screen (a wrong
// PIN empties the field and keeps the keyboard there), the open sale there again after sign-in, and the receipt
// naming who signed in; an admin's two-step enrolment and the code an admin action then asks for.
import { TOTP, URI } from 'otpauth';
// naming who signed in; a user added from the admin's Users tab signing in. One till per test.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { openDatabase } from '../../main/db';
import { createJournal } from '../../main/ledger';
import { createUsers, DEMO_CASHIER, DEMO_MANAGER } from '../../main/people';
import { DEMO } from '../support/till';
import { axeFindings } from './support/axe';
import { focusedTestId, tillReady, typeAndEnter, typeBarcode, useTillBrowser } from './support/till-page';

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

const TRAINEE = { nameAr: 'سلمى', nameEn: 'Salma', role: 'trainee' as const, pin: '2468' };

/** A trainee the admin added before the till started. */
function addTrainee(dir: string) {
  const db = openDatabase(ledgerFile(dir));
  try {
    const { pin, ...user } = TRAINEE;
    createUsers(db, createJournal(db, 'T01')).add({ ...user, pin }, 'test');
  } finally {
    db.close();
  }
}

/** Admin → Training with the manager's PIN, and the switch; the page reloads onto the other ledger. */
async function switchTraining(p: Page) {
  await p.keyboard.press('Control+Comma');
  await p.getByTestId('admin-panel').waitFor();
  await typeAndEnter(p, DEMO_MANAGER.pin);
  await p.getByTestId('settings-form').waitFor();
  await p.getByTestId('admin-tab-training').click();
  await p.getByTestId('training-section').waitFor();
  await Promise.all([p.waitForEvent('load'), p.getByTestId('training-toggle').click()]);
  await tillReady(p);
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

  it('switches into training with the manager PIN: the watermark on every screen, a trainee sells TR- receipts, and back to the live till', async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-training-', configure: addTrainee });
    expect(await page.getByTestId('training-watermark').count()).toBe(0);
    await switchTraining(page);

    // Training: nobody signed in, the watermark over the sign-in screen too; the trainee may sign in here.
    await signInScreen(page).waitFor();
    await page.getByTestId('training-watermark').waitFor();
    expect(await page.getByTestId('training-watermark').textContent()).toContain('تدريب TRAINING');
    await page.keyboard.type(TRAINEE.pin, { delay: 60 });
    await page.keyboard.press('Enter');
    await signInScreen(page).waitFor({ state: 'detached' });
    await typeBarcode(page, DEMO.milk.barcode);
    await expect.poll(() => lines(page).count()).toBe(1);
    // The watermark takes no clicks: the pay key under it still works.
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor();
    expect(await page.getByTestId('receipt-no').textContent()).toContain('TR-T01-000001');
    expect(await axeFindings(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor({ state: 'detached' });
    // The trainee's history: a copy may be reprinted, nothing returned (renderer/people/mayShow.ts).
    await page.keyboard.press('F5');
    await page.getByTestId('reprint').waitFor();
    expect(await page.getByTestId('history-return').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('history-panel').waitFor({ state: 'detached' });

    // A manager signs in and leaves training: the live till, unmarked, as the demo cashier left it.
    await page.keyboard.press('Control+l');
    await signInScreen(page).waitFor();
    await page.keyboard.type(DEMO_MANAGER.pin, { delay: 60 });
    await page.keyboard.press('Enter');
    await signInScreen(page).waitFor({ state: 'detached' });
    // The trainer's Practice panel: a scenario started now sees nothing done yet (the sale above came before it);
    // a sale of two items with change, and its check passes.
    const openTrainingTab = async () => {
      await page.keyboard.press('Control+Comma');
      await page.getByTestId('admin-panel').waitFor();
      await typeAndEnter(page, DEMO_MANAGER.pin);
      await page.getByTestId('settings-form').waitFor();
      await page.getByTestId('admin-tab-training').click();
      await page.getByTestId('practice-panel').waitFor();
    };
    await openTrainingTab();
    await page.getByTestId('practice-scenario-cash-with-change').click();
    expect(await page.getByTestId('practice-brief').textContent()).toContain('صنفين');
    await page.getByTestId('practice-start').click();
    await page.getByTestId('practice-result').waitFor();
    await page.getByTestId('practice-check').click();
    await expect.poll(() => page.locator('.practice__check').count()).toBe(3);
    expect(await page.locator('.practice__check--ok').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByTestId('admin-panel').waitFor({ state: 'detached' });
    await typeBarcode(page, DEMO.milk.barcode);
    await typeBarcode(page, DEMO.bread.barcode);
    await expect.poll(() => lines(page).count()).toBe(2);
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor({ state: 'detached' });
    await openTrainingTab();
    await page.getByTestId('practice-check').click();
    await expect.poll(() => page.locator('.practice__check--ok').count()).toBe(3);
    await Promise.all([page.waitForEvent('load'), page.getByTestId('training-toggle').click()]);
    await tillReady(page);
    await expect.poll(() => page.getByTestId('training-watermark').count()).toBe(0);
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(DEMO_CASHIER.nameAr);
  });

  it('an admin enrols in two-step verification from the user badge, then a settings change asks for the app\'s code', async () => {
    const ADMIN = { nameAr: 'سعاد', nameEn: 'Suad', role: 'admin' as const, pin: '9753' };
    const { page } = await tills.openTill({
      prefix: 'nuqta-e2e-totp-',
      configure: (dir) => {
        const db = openDatabase(ledgerFile(dir));
        try {
          createUsers(db, createJournal(db, 'T01')).add(ADMIN, 'test');
        } finally {
          db.close();
        }
      },
    });
    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(DEMO_CASHIER.nameAr);
    expect(await page.getByTestId('two-factor-open').count()).toBe(0); // not for a cashier
    await page.keyboard.press('Control+l');
    await signInScreen(page).waitFor();
    await page.keyboard.type(ADMIN.pin, { delay: 60 });
    await page.keyboard.press('Enter');
    await signInScreen(page).waitFor({ state: 'detached' });

    // Enrolment: the QR carries the otpauth:// URI (a phone would scan it; the test reads it), the codes shown once.
    await page.getByTestId('two-factor-open').click();
    await page.getByTestId('totp-qr').waitFor();
    const totp = URI.parse((await page.getByTestId('totp-qr').getAttribute('data-uri'))!) as TOTP;
    expect(totp).toMatchObject({ digits: 6, period: 30, algorithm: 'SHA1' });
    expect((await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '')).toBe(totp.secret.base32);
    expect(await page.getByTestId('totp-recovery-codes').locator('li').count()).toBe(10);
    expect(await axeFindings(page)).toEqual([]);
    await page.getByTestId('totp-code-input').fill(totp.generate());
    await page.getByTestId('totp-confirm').click();
    await page.locator('[data-testid=totp-done], [data-testid=totp-error]').first().waitFor();
    expect(await page.getByTestId('totp-error').allTextContents()).toEqual([]);
    await page.getByTestId('totp-close').click();

    // A settings change approved with the admin's PIN: main asks for the code; the same save goes through with it.
    await page.getByTestId('admin-open').click();
    await page.getByTestId('manager-pin-input').fill(ADMIN.pin);
    await page.getByTestId('manager-pin-submit').click();
    await page.getByTestId('settings-form').waitFor();
    await page.getByTestId('setting-tillName').fill('Till 2');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('second-factor-dialog').waitFor();
    expect(await page.getByTestId('second-factor-reason').textContent()).toContain('تطبيق المصادقة');
    await page.getByTestId('second-factor-input').fill('000000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('second-factor-reason').textContent()).toContain('رمز التحقق غير صحيح');
    // The enrolling code's step is used: the app's next code (one step ahead is accepted).
    await page.getByTestId('second-factor-input').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.keyboard.press('Enter');
    await page.getByTestId('second-factor-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('settings-saved').waitFor();
    expect(await page.getByTestId('settings-saved').getAttribute('data-changed')).toBe('tillName');
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
