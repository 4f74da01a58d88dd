// STC Pay at the till in real Chromium, in Arabic (the default), against the demo's in-process STC Pay
// simulator (OTP table in main/sim/stcpay/README.md): a wrong code then the right one, the
// sale completes on STC Pay and is refunded from the sale history; and an insufficient balance, after which
// the sale is still open and is paid in cash.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_SETTINGS } from '../../main/settings';
import { updateSettings } from '../support/providers';
import { DEMO } from '../support/till';
import { focusedTestId, returnEverythingWithPin, returnFromHistory, ring, tillReady, typeAndEnter, useTillBrowser } from './support/till-page';

/** Arabic letters: what the cashier reads is in Arabic. */
const ARABIC = /[\u0600-\u06ff]/;
/** The demo's wallet number, as STC Pay masks it: 9665*****567. */
const MASKED_MOBILE = /9665\*+567/;

const tills = useTillBrowser();

async function openTill(configure?: (dir: string) => void): Promise<Page> {
  const { page } = await tills.openTill({ prefix: 'nuqta-e2e-stcpay-', configure });
  return page;
}

/** Shift+F11, the customer's number, Enter: STC Pay texts the customer a code and the till asks for it. */
async function startStcPay(page: Page, mobile: string) {
  await page.keyboard.press('Shift+F11');
  await page.locator('[data-testid="card-panel"].card-panel--stcpay').waitFor();
  // The number field has the keyboard; the amount is already all that is due.
  await expect.poll(() => focusedTestId(page)).toBe('stcpay-mobile-input');
  await typeAndEnter(page, mobile);
  await page.getByTestId('stcpay-otp-input').waitFor({ timeout: 15_000 });
  await expect.poll(() => focusedTestId(page)).toBe('stcpay-otp-input');
}

const typeOtp = (page: Page, otp: string) => typeAndEnter(page, otp);

describe('paying with STC Pay', () => {
  it('a wrong code, then the right one: the sale completes on STC Pay and is refunded from the history', async () => {
    const page = await openTill();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // The top bar shows STC Pay's reachability before anyone tries it.
    await page.getByTestId('provider-status-stcpay').waitFor();
    await expect.poll(() => page.getByTestId('provider-status-stcpay').getAttribute('data-health'), { timeout: 15_000 }).toBe('connected');

    await ring(page, DEMO.milk.barcode, DEMO.coffee.barcode); // 34.25
    await startStcPay(page, '0551234567');
    expect(await page.getByTestId('stcpay-masked-mobile').textContent()).toMatch(MASKED_MOBILE);
    expect(await page.getByTestId('stcpay-otp').getAttribute('data-attempt')).toBe('1');
    expect(Number(await page.getByTestId('stcpay-otp-expiry').getAttribute('data-seconds'))).toBeGreaterThan(0);

    // A wrong code: STC Pay asks again, saying why, in Arabic.
    await typeOtp(page, '999999');
    await expect.poll(() => page.getByTestId('stcpay-otp').getAttribute('data-attempt'), { timeout: 15_000 }).toBe('2');
    const error = await page.getByTestId('stcpay-otp-error').textContent();
    expect(error).toMatch(ARABIC);
    expect(error).toContain('الرمز غير صحيح');
    expect(await page.getByTestId('stcpay-otp-attempt').textContent()).toContain('2');
    // The new attempt empties the field (OtpEntry, in the same commit since cb9c67c; a render later before it).
    await expect.poll(() => page.getByTestId('stcpay-otp-input').inputValue()).toBe('');

    // The right code, tapped on the pad as on a touch till: the field keeps the focus; paid, the sale completes.
    await page.getByTestId('stcpay-otp-keypad-toggle').click();
    for (const k of '123456') await page.getByTestId(`stcpay-otp-keypad-key-${k}`).click();
    expect(await page.getByTestId('stcpay-otp-input').inputValue()).toBe('123456');
    expect(await focusedTestId(page)).toBe('stcpay-otp-input');
    await page.getByTestId('stcpay-otp-keypad-enter').click();
    await page.getByTestId('completed-view').waitFor({ timeout: 15_000 });
    const outcome = page.getByTestId('completed-view').getByTestId('card-outcome');
    expect(await outcome.getAttribute('data-outcome')).toBe('approved');
    expect(await outcome.getAttribute('data-method')).toBe('stcpay');
    expect(await page.getByTestId('completed-payment-name').textContent()).toMatch(/STC Pay/);
    expect(await page.getByTestId('completed-payment-name').textContent()).toMatch(MASKED_MOBILE);
    expect(await page.locator('#completed-title').textContent()).toContain('STC Pay');
    const receiptNo = (await page.getByTestId('receipt-no').textContent())!.trim();
    const tender = page.locator('[data-testid="receipt-card-tender"][data-method="stcpay"]');
    expect(await tender.textContent()).toMatch(MASKED_MOBILE);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('sale-line').count()).toBe(0);

    // Returned from the sale history: the receipt on screen, Ctrl+R, its lines, a reason, the manager's PIN. The
    // money goes back through STC Pay's RefundPayment, with the return's credit note.
    await returnFromHistory(page, receiptNo);
    const refunds = await returnEverythingWithPin(page, 15_000);
    expect(refunds.map((r) => [r.kind, r.method])).toEqual([['card', 'stcpay']]);
    expect(refunds[0]!.text).toMatch(/STC Pay/);
    expect(refunds[0]!.text).toContain('34.25');
  });

  it('an insufficient balance is declined in Arabic, the sale stays open and is paid in cash', async () => {
    const page = await openTill();
    await ring(page, DEMO.dates.barcode); // 35.00
    // The customer's number tapped on the pad (the touch till's way), then sent with its Enter.
    await page.keyboard.press('Shift+F11');
    await page.getByTestId('stcpay-mobile-keypad-toggle').click();
    for (const k of '0551234567') await page.getByTestId(`stcpay-mobile-keypad-key-${k}`).click();
    expect(await page.getByTestId('stcpay-mobile-input').inputValue()).toBe('0551234567');
    await page.getByTestId('stcpay-mobile-keypad-enter').click();
    await page.getByTestId('stcpay-otp-input').waitFor({ timeout: 15_000 });
    await typeOtp(page, '111111');
    const outcome = page.getByTestId('card-panel').getByTestId('card-outcome');
    await expect.poll(() => outcome.getAttribute('data-outcome'), { timeout: 15_000 }).toBe('declined');
    expect(await outcome.getAttribute('data-method')).toBe('stcpay');
    const why = await outcome.textContent();
    expect(why).toMatch(ARABIC);
    expect(why).toContain('غير كافٍ');
    // Nothing was paid: the sale is open with its item and all of it still due.
    expect(await page.getByTestId('sale-line').count()).toBe(1);
    expect(await page.getByTestId('sale-tender').count()).toBe(0);

    // The customer pays cash instead: F12 from the panel, Enter for the exact amount.
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('completed-view').waitFor();
    expect(await page.getByTestId('change-due').textContent()).toContain('0.00');
    expect(await page.locator('[data-testid="receipt-card-tender"]').count()).toBe(0);
  });

  it('Esc while STC Pay waits for the code cancels it: nothing charged, the sale still open', async () => {
    const page = await openTill();
    await ring(page, DEMO.bread.barcode);
    await startStcPay(page, '٠٥٥١٢٣٤٥٦٧'); // typed under the Arabic layout
    await page.keyboard.press('Escape');
    const outcome = page.getByTestId('card-panel').getByTestId('card-outcome');
    await expect.poll(() => outcome.getAttribute('data-outcome'), { timeout: 15_000 }).toBe('declined');
    expect(await outcome.textContent()).toMatch(ARABIC);
    expect(await page.getByTestId('sale-tender').count()).toBe(0);
    // Esc again closes the panel; the sale is as it was.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('card-panel').count()).toBe(0);
    expect(await page.getByTestId('sale-line').count()).toBe(1);
  });

  it('a reload while STC Pay waits for the code comes back to the code entry, and the code completes the sale', async () => {
    const page = await openTill();
    await ring(page, DEMO.milk.barcode);
    await startStcPay(page, '0551234567');
    await page.reload();
    await tillReady(page);
    // The view never saw main's prompt, but the payment is waiting on the customer's code: it offers the entry.
    await page.getByTestId('stcpay-otp-input').waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('stcpay-otp-input');
    await typeOtp(page, '123456');
    await expect.poll(() => page.getByTestId('message').getAttribute('data-code'), { timeout: 15_000 }).toBe('SALE_COMPLETED_BY_STCPAY');
    expect(await page.getByTestId('sale-line').count()).toBe(0);
  });

  it('STC Pay offline shows red in the top bar with the reason, and the panel says so before sending', async () => {
    // A real endpoint, but the merchant certificate was never put in the secret store: main cannot reach STC Pay.
    const page = await openTill((dir) =>
      updateSettings(dir, { stcPay: { ...DEMO_SETTINGS.stcPay!, link: { kind: 'endpoint', baseUrl: 'https://127.0.0.1:9/', caFile: null, pins: [] } } }),
    );
    const light = page.getByTestId('provider-status-stcpay');
    await expect.poll(() => light.getAttribute('data-health'), { timeout: 15_000 }).toBe('disconnected');
    expect(await light.textContent()).toContain('غير متصل');
    expect((await light.getAttribute('title'))?.split('\n').length).toBeGreaterThanOrEqual(2); // the reason is in the tooltip
    await ring(page, DEMO.water.barcode);
    await page.keyboard.press('Shift+F11');
    await page.getByTestId('stcpay-offline-warning').waitFor();
    await typeAndEnter(page, '0551234567');
    // Main refuses as data; the panel is back on the number and the cashier takes cash instead.
    await expect.poll(() => page.getByTestId('message').getAttribute('data-code')).toBe('PROVIDER_UNAVAILABLE');
    expect(await page.getByTestId('stcpay-mobile-input').isEnabled()).toBe(true);
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('completed-view').waitFor();
  });
});
