// A cashier at the till, in real Chromium against the real browser host.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../main/paths';
import { DEMO } from '../support/till';
import { formatAmount } from '../../renderer/format/money';
import { startHostProcess, type HostProcess } from './support/host-process';
import { tempDir } from '../support/tmp';
import { focusedTestId, tillReady, typeBarcode as typeBarcodeAt, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();
let dir: string;
let host: HostProcess;
let page: Page;

beforeEach(async () => {
  ({ page, host, dir } = await tills.openTill());
});

const lines = (p: Page) => p.getByTestId('sale-line');
const scanField = (p: Page) => p.getByTestId('scan-input');

/** A person typing a barcode: slow keys, then Enter. */
const typeBarcode = (p: Page, barcode: string) => typeBarcodeAt(p, barcode, 60);

/**
 * A USB keyboard-wedge scanner while the Arabic layout is active: the physical keys are the digit keys, but
 * the characters the layout produces are Arabic letters. Sent through CDP so the events are trusted and
 * really type into the field. Each key carries the time it "arrived" from the scanner, 4 ms apart, the way the
 * OS stamps real USB input: the page sees the scanner's timing even when this busy test machine delivers late.
 */
async function wedgeScanUnderArabicLayout(p: Page, barcode: string) {
  const arabicForDigit = 'ذضصثقفغعهخ'; // what each digit key 0-9 yields on the simulated layout
  const cdp = await p.context().newCDPSession(p);
  const start = Date.now() / 1000;
  const at = (i: number) => start + i * 0.004;
  const sends: Promise<unknown>[] = [];
  [...barcode].forEach((ch, i) => {
    const d = Number(ch);
    const key = arabicForDigit[d]!;
    const base = { key, code: `Digit${d}`, windowsVirtualKeyCode: 48 + d, nativeVirtualKeyCode: 48 + d };
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...base, text: key, unmodifiedText: key, timestamp: at(i) }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base, timestamp: at(i) + 0.001 }));
  });
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 };
  sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r', timestamp: at(barcode.length) }));
  sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter, timestamp: at(barcode.length) + 0.001 }));
  await Promise.all(sends);
  await cdp.detach();
}

describe('a cash sale in Arabic', () => {
  it('opens in Arabic, right to left, and completes a whole sale from the keyboard', async () => {
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    await expect.poll(() => focusedTestId(page)).toBe('scan-input');

    await typeBarcode(page, DEMO.milk.barcode);
    await expect.poll(() => lines(page).count()).toBe(1);
    await typeBarcode(page, DEMO.coffee.barcode);
    await expect.poll(() => lines(page).count()).toBe(2);
    expect(await lines(page).first().getByTestId('line-name').textContent()).toContain('حليب');
    expect(await page.getByTestId('total').textContent()).toContain('34.25');

    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor();
    expect(await page.getByTestId('change-due').textContent()).toContain('15.75');
    expect(await page.getByTestId('receipt-no').textContent()).toContain('T01-000001');

    await page.keyboard.press('Enter');
    await expect.poll(() => lines(page).count()).toBe(0);
    await expect.poll(() => focusedTestId(page)).toBe('scan-input');
  });

  it('rejects an under-tender and keeps the sale open', async () => {
    await typeBarcode(page, DEMO.dates.barcode);
    await expect.poll(() => lines(page).count()).toBe(1);
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('message').getAttribute('data-code')).toBe('UNDER_TENDER');
    expect(await page.getByTestId('receipt-preview').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await lines(page).count()).toBe(1);
  });

  it('shows the change large while typing, tenders a note by its key, and refuses a barcode typed into the amount', async () => {
    await typeBarcode(page, DEMO.milk.barcode);
    await expect.poll(() => lines(page).count()).toBe(1);
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    const exact = page.getByTestId('quick-tender').first();
    expect(await exact.getAttribute('class')).toContain('btn--quick-exact'); // empty field: Enter is "exact"

    // A scanner too slow to be told from typing, into the amount field: a 7-digit code reads as 6,281,000 riyals.
    await page.keyboard.type('6281000', { delay: 120 });
    expect(await exact.getAttribute('class')).not.toContain('btn--quick-exact');
    expect(await page.getByTestId('tender-change').textContent()).toMatch(/\d/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('message').getAttribute('data-code')).toBe('CHANGE_TOO_LARGE');
    expect(await page.getByTestId('receipt-preview').count()).toBe(0);

    await page.getByTestId('tendered-input').fill('');
    const second = Number(await page.getByTestId('quick-tender').nth(1).getAttribute('data-halalas'));
    await page.keyboard.press('F2');
    await page.getByTestId('receipt-preview').waitFor();
    const change = (second - DEMO.milk.price) / 100;
    expect(await page.getByTestId('change-due').textContent()).toContain(change.toFixed(2));
    await page.keyboard.press('Enter');
    await expect.poll(() => lines(page).count()).toBe(0);
  });

  it('reports an unknown barcode clearly and leaves the sale untouched', async () => {
    await typeBarcode(page, DEMO.bread.barcode);
    await expect.poll(() => lines(page).count()).toBe(1);
    await typeBarcode(page, '6280000099998');
    await expect.poll(() => page.getByTestId('message').getAttribute('data-code')).toBe('BARCODE_UNKNOWN');
    expect(await page.getByTestId('message').textContent()).toMatch(/[\u0600-\u06ff]/);
    expect(await lines(page).count()).toBe(1);
  });

  it('reads a wedge scan right while the Arabic keyboard layout is active', async () => {
    await wedgeScanUnderArabicLayout(page, DEMO.water.barcode);
    await expect.poll(() => lines(page).count()).toBe(1);
    expect(await lines(page).first().getAttribute('data-barcode')).toBe(DEMO.water.barcode);
    // Not polled on purpose: the field is emptied by the scan's Enter, before the line can come back; text now is a key that leaked.
    expect(await scanField(page).inputValue()).toBe('');
  });

  it('finds products by Arabic name with alef / taa-marbuta variants and adds one with Enter', async () => {
    await scanField(page).focus();
    await page.keyboard.type('قهوه عربيه بالهيل', { delay: 40 });
    // The list follows the field a key at a time (60 ms debounce): on a slow machine the first list on screen can be
    // a partial query's, so the hit is waited for; Enter searches the whole text if the list is not for it yet.
    await expect.poll(() => page.getByTestId('search-hit').first().textContent()).toContain('قهوة');
    await page.keyboard.press('Enter');
    await expect.poll(() => lines(page).count()).toBe(1);
    expect(await lines(page).first().getAttribute('data-barcode')).toBe(DEMO.coffee.barcode);
  });
});

describe('switching language mid-sale', () => {
  it('flips to English and left-to-right live without losing the sale', async () => {
    await typeBarcode(page, DEMO.milk.barcode);
    await typeBarcode(page, DEMO.bread.barcode);
    await expect.poll(() => lines(page).count()).toBe(2);
    const saleTotal = await page.getByTestId('total').textContent();

    await page.keyboard.press('F9');
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await lines(page).count()).toBe(2);
    expect(await lines(page).first().getByTestId('line-name').textContent()).toContain('Almarai');
    expect((await page.getByTestId('total').textContent())?.replace(/[^\d.]/g, '')).toBe(saleTotal?.replace(/[^\d.]/g, ''));

    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.press('Enter'); // empty amount = exact
    await page.getByTestId('receipt-preview').waitFor();
    expect(await page.getByTestId('change-due').textContent()).toContain('0.00');

    // The choice is kept by main: a reload comes back in English.
    await page.reload();
    await tillReady(page);
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
  });

  it('shows Arabic-Indic digits on request', async () => {
    await typeBarcode(page, DEMO.coffee.barcode);
    await expect.poll(() => lines(page).count()).toBe(1);
    await page.getByTestId('digits-toggle').click();
    await expect.poll(() => page.getByTestId('total').textContent()).toMatch(/[٠-٩]/);
    await expect.poll(() => focusedTestId(page)).toBe('scan-input');
  });
});

describe('surviving a crash', () => {
  it('kill -9 mid-sale and restart: the sale comes back exactly, and the ledger verifies', async () => {
    await typeBarcode(page, DEMO.milk.barcode);
    await typeBarcode(page, DEMO.dates.barcode);
    await typeBarcode(page, DEMO.dates.barcode);
    await expect.poll(() => lines(page).count()).toBe(2);
    // The second dates scan counts on the first's line: wait for its answer, not just for two lines.
    await expect.poll(() => page.getByTestId('total').textContent()).toContain(formatAmount(DEMO.milk.price + 2 * DEMO.dates.price, 'latin'));
    const before = await lines(page).allTextContents();
    await page.close();

    await host.stop('SIGKILL');
    const restarted = await startHostProcess(dir);
    tills.onCleanup(() => restarted.stop());
    page = await tills.openPage(restarted);
    await expect.poll(() => lines(page).count()).toBe(2);
    expect(await lines(page).allTextContents()).toEqual(before);

    // Finish the sale after the restart, then check the chain with the admin CLI.
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor();

    const cli = path.join(projectRoot(), 'dist', 'main', 'cli.cjs');
    const verify = (folder: string) => execFileSync(process.execPath, [cli, 'ledger', 'verify', '--data-dir', folder], { encoding: 'utf8' });
    expect(verify(dir)).toMatch(/Ledger OK: \d+ entries/);

    // A hand edit of one journal row, as someone with the sqlite3 shell would make it — on a backup copy, so the
    // till's own ledger stays whole.
    const copy = tempDir('nuqta-e2e-tampered-', { verifyLedger: false });
    tills.onCleanup(() => copy.cleanup());
    execFileSync(process.execPath, [cli, 'backup', path.join(copy.dir, 'till.db'), '--data-dir', dir], { encoding: 'utf8' });
    const db = new Database(path.join(copy.dir, 'till.db'));
    db.exec('DROP TRIGGER journal_no_update');
    db.prepare(`UPDATE journal SET payload = replace(payload, '"quantity":2', '"quantity":1') WHERE type = 'line.quantity_changed' OR type = 'sale.completed'`).run();
    db.close();
    let failure: { status: number; stderr: string } | undefined;
    try {
      verify(copy.dir);
    } catch (e) {
      failure = e as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(4);
    expect(failure?.stderr).toMatch(/Ledger FAILED \(journal hash chain\) at entry \d+/);
  });
});
