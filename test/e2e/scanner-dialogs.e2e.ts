// A keyboard-wedge scanner firing while the cashier is in a prompt, and the other ways a till trips a cashier
// (a deleted line, a wrong PIN, an unknown barcode), in real Chromium against the real browser host.
//
// Scans are CDP key events carrying the physical `code`, the `key` the active layout makes of it and the time
// each key "arrived". Two timings: an even burst (8 ms apart), and the same keys as this 2-core machine
// delivered them when a test sent them 10 ms apart without stamping them (measured: mostly 15-35 ms, stalls of
// 113 and 127 ms, Enter 85 ms after the last digit) — what a busy till or a Bluetooth scanner hands the page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoCatalogCsv, projectRoot } from '../../main/paths';
import { DEMO } from '../support/till';
import { focusedTestId, typeAndEnter, typeBarcode, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();

/** A shop-assigned code with a B in it: under the Arabic layout KeyB types two characters, "لا". */
const BAG = { barcode: 'PLB2024', nameEn: 'Plastic bag' };

/** The demo till, plus the bag: imported before the first start (the demo seed only fills an empty catalog). */
async function openTill(): Promise<Page> {
  const { page } = await tills.openTill({
    prefix: 'nuqta-e2e-scan-',
    configure: (dir) => {
      const csv = path.join(dir, 'catalog.csv');
      const demo = fs.readFileSync(demoCatalogCsv(), 'utf8').trimEnd();
      fs.writeFileSync(csv, `${demo}\n${BAG.barcode},كيس بلاستيك,${BAG.nameEn},0.25,S,misc,متفرقات,Misc,\n`);
      const cli = path.join(projectRoot(), 'dist', 'main', 'cli.cjs');
      execFileSync(process.execPath, [cli, 'catalog', 'import', csv, '--data-dir', dir], { encoding: 'utf8' });
    },
  });
  return page;
}

const lines = (p: Page) => p.getByTestId('sale-line');
const barcodesOnSale = (p: Page) => lines(p).evaluateAll((els) => els.map((e) => e.getAttribute('data-barcode')));
const message = (p: Page) => p.getByTestId('message');
const messageCode = async (p: Page) => ((await message(p).count()) > 0 ? message(p).getAttribute('data-code') : null);

/** One physical key of a scan: its `code`, the `key` the layout made of it, and what it types into a field. */
interface WedgeKey {
  code: string;
  key: string;
  text: string;
}

const US: (ch: string) => WedgeKey = (ch) => {
  const code = /[0-9]/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`;
  return { code, key: ch, text: ch };
};

/** The Arabic (101) layout: what the keys of "plb2024" type. KeyB types two characters. */
const ARABIC: Record<string, string> = { KeyP: 'ح', KeyL: 'م', KeyB: 'لا', Digit0: '٠', Digit2: '٢', Digit4: '٤' };

interface Timing {
  gaps: number | number[];
  enterGap: number;
}

const EVEN: Timing = { gaps: 8, enterGap: 8 };
/** As delivered on a loaded machine (see the top of the file), trimmed or repeated to the barcode's length. */
const UNEVEN_13: Timing = { gaps: [113, 21, 30, 18, 17, 127, 18, 22, 24, 34, 26, 53], enterGap: 85 };
const UNEVEN_7: Timing = { gaps: [9, 120, 12, 8, 14, 11], enterGap: 60 };
/** A scanner slower than any timing rule allows (some are set to a 50 ms gap between characters). */
const SLOW: Timing = { gaps: 50, enterGap: 50 };

/** Sends the keys and then Enter, each stamped with the time it arrived (`gaps` ms apart). */
async function wedge(p: Page, keys: WedgeKey[], timing: Timing): Promise<void> {
  const cdp = await p.context().newCDPSession(p);
  let at = Date.now();
  const enter: WedgeKey = { code: 'Enter', key: 'Enter', text: '\r' };
  for (const [i, k] of [...keys, enter].entries()) {
    if (i > 0) at += i === keys.length ? timing.enterGap : Array.isArray(timing.gaps) ? (timing.gaps[i - 1] ?? 8) : timing.gaps;
    const vk = k.code === 'Enter' ? 13 : k.code.startsWith('Digit') ? 48 + Number(k.code.slice(5)) : k.code.charCodeAt(3);
    const base = { key: k.key, code: k.code, windowsVirtualKeyCode: vk, nativeVirtualKeyCode: vk };
    await cdp.send('Input.dispatchKeyEvent', { type: k.text ? 'keyDown' : 'rawKeyDown', ...base, text: k.text, unmodifiedText: k.text, timestamp: at / 1000 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base, timestamp: (at + 1) / 1000 });
  }
  await cdp.detach();
}

const scan = (p: Page, barcode: string, timing: Timing = EVEN) => wedge(p, [...barcode].map(US), timing);

/** Two boxes share some of the screen. */
function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('a scan while the void prompt is open', () => {
  it('F8, then a scan: the sale is not voided and the scanned item is added', async () => {
    const page = await openTill();
    await typeBarcode(page, DEMO.milk.barcode);
    await expect.poll(() => lines(page).count()).toBe(1);
    await page.keyboard.press('F8');
    await page.getByTestId('void-confirm-dialog').waitFor();
    await scan(page, DEMO.bread.barcode, EVEN);
    await expect.poll(() => barcodesOnSale(page)).toEqual([DEMO.milk.barcode, DEMO.bread.barcode]);
    expect(await page.getByTestId('void-confirm-dialog').count()).toBe(0);

    // The same, with the keys as a busy machine delivers them: too uneven to be sure it is a scanner by timing alone.
    await page.keyboard.press('F8');
    await page.getByTestId('void-confirm-dialog').waitFor();
    await scan(page, DEMO.coffee.barcode, UNEVEN_13);
    await expect.poll(() => barcodesOnSale(page)).toEqual([DEMO.milk.barcode, DEMO.bread.barcode, DEMO.coffee.barcode]);
    expect(await messageCode(page)).not.toBe('SALE_VOIDED');
    expect(await page.getByTestId('void-confirm-dialog').count()).toBe(0);

    // And a scanner too slow to tell from typing: its keys had nowhere to go in the prompt, so they are a barcode.
    await page.keyboard.press('F8');
    await page.getByTestId('void-confirm-dialog').waitFor();
    await scan(page, DEMO.water.barcode, SLOW);
    await expect.poll(() => barcodesOnSale(page)).toEqual([DEMO.milk.barcode, DEMO.bread.barcode, DEMO.coffee.barcode, DEMO.water.barcode]);
    expect(await messageCode(page)).not.toBe('SALE_VOIDED');
  });

  it('Enter alone never voids; the prompt says which key does, and F8 again voids', async () => {
    const page = await openTill();
    await typeBarcode(page, DEMO.milk.barcode);
    await expect.poll(() => lines(page).count()).toBe(1);
    await page.keyboard.press('F8');
    await page.getByTestId('void-confirm-dialog').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('void-enter-hint').waitFor();
    expect(await lines(page).count()).toBe(1);
    expect(await page.getByTestId('void-confirm-dialog').count()).toBe(1);
    await page.keyboard.press('F8');
    await expect.poll(() => lines(page).count()).toBe(0);
    await expect.poll(() => messageCode(page)).toBe('SALE_VOIDED');
  });
});

describe('a scan under the Arabic keyboard layout', () => {
  it('leaves nothing in the field and adds exactly the scanned item, whatever the keys say and however they arrive', async () => {
    const page = await openTill();
    const keys = [...BAG.barcode.toLowerCase()].map((ch, i): WedgeKey => {
      const code = US(ch).code;
      const arabic = ARABIC[code]!;
      // One key as some keyboards send it: an empty `key`, though the layout still typed its letter.
      return i === 1 ? { code, key: '', text: arabic } : { code, key: arabic, text: arabic };
    });
    expect(keys[2]).toEqual({ code: 'KeyB', key: 'لا', text: 'لا' });

    await wedge(page, keys, EVEN);
    await expect.poll(() => barcodesOnSale(page)).toEqual([BAG.barcode]);
    // Not polled on purpose: the wedge empties the field on the scan's Enter, before it asks main for the item.
    expect(await page.getByTestId('scan-input').inputValue()).toBe('');

    await wedge(page, keys, UNEVEN_7);
    await expect.poll(() => lines(page).first().getByTestId('line-qty').textContent()).toBe('2');
    expect(await page.getByTestId('scan-input').inputValue()).toBe('');
    // No search was left open behind the scan: the next Enter adds nothing (it used to add Langnese Honey).
    await page.waitForTimeout(300);
    expect(await page.getByTestId('search-results').count()).toBe(0);
    await page.keyboard.press('Enter');
    // Whatever that Enter sent reaches main before the next scan does: the milk lands right after the bag.
    await typeBarcode(page, DEMO.milk.barcode);
    await expect.poll(() => barcodesOnSale(page)).toEqual([BAG.barcode, DEMO.milk.barcode]);
    expect(await focusedTestId(page)).toBe('scan-input');
  });
});

describe('undoing a removed line', () => {
  it('Delete, then Ctrl+Z: the line is back with its quantity; − at quantity 1 says it removed the line', async () => {
    const page = await openTill();
    await typeBarcode(page, DEMO.milk.barcode);
    await typeBarcode(page, DEMO.milk.barcode);
    await typeBarcode(page, DEMO.bread.barcode);
    await expect.poll(() => lines(page).count()).toBe(2);
    await page.keyboard.press('Control+ArrowUp'); // the milk, quantity 2
    await page.keyboard.press('Delete');
    await expect.poll(() => barcodesOnSale(page)).toEqual([DEMO.bread.barcode]);
    const toast = page.getByTestId('undo-toast');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('حليب');

    await page.keyboard.press('Control+KeyZ');
    await expect.poll(() => barcodesOnSale(page)).toEqual([DEMO.bread.barcode, DEMO.milk.barcode]);
    // The undo is two calls (the product again, then its quantity): the line shows before its quantity does.
    await expect.poll(() => lines(page).nth(1).getByTestId('line-qty').textContent()).toBe('2');
    await expect.poll(() => toast.count()).toBe(0);

    // The milk is highlighted again (it came back last): − twice takes it to 1, then off the sale.
    await page.keyboard.press('Minus');
    await expect.poll(() => lines(page).nth(1).getByTestId('line-qty').textContent()).toBe('1');
    await page.keyboard.press('Minus');
    await expect.poll(() => barcodesOnSale(page)).toEqual([DEMO.bread.barcode]);
    await toast.waitFor();
    expect(await toast.getAttribute('data-reason')).toBe('minus');
    await page.getByTestId('undo-button').click();
    await expect.poll(() => barcodesOnSale(page)).toEqual([DEMO.bread.barcode, DEMO.milk.barcode]);
    // Not polled: the product comes back at 1 and the undo has no quantity to set after it; 1 must be what shows.
    expect(await lines(page).nth(1).getByTestId('line-qty').textContent()).toBe('1');
    await expect.poll(() => focusedTestId(page)).toBe('scan-input');
  });
});

describe('a wrong manager PIN', () => {
  it('drawer: the PIN field is emptied and keeps the keyboard; the message does not cover the title and goes with the dialog', async () => {
    const page = await openTill();
    await page.keyboard.press('F1');
    await page.getByTestId('drawer-dialog').waitFor();
    await expect.poll(() => focusedTestId(page)).toBe('drawer-reason');
    await typeAndEnter(page, 'change');
    await expect.poll(() => focusedTestId(page)).toBe('manager-pin-input');
    await typeAndEnter(page, '9999');
    await expect.poll(() => messageCode(page)).toBe('MANAGER_PIN_WRONG');
    await expect.poll(() => focusedTestId(page)).toBe('manager-pin-input');
    expect(await page.getByTestId('manager-pin-input').inputValue()).toBe('');
    const dialog = (await page.getByTestId('drawer-dialog').boundingBox())!;
    const banner = (await message(page).boundingBox())!;
    expect(overlaps(dialog, banner)).toBe(false);

    // A scan into the PIN field is not a PIN: refused, the field emptied, nothing added (main is asked only whether it
    // is an approver's staff badge, docs/people.md).
    await scan(page, DEMO.milk.barcode);
    await expect.poll(() => messageCode(page)).toBe('SCAN_NOT_A_PIN');
    expect(await page.getByTestId('manager-pin-input').inputValue()).toBe('');
    expect(await focusedTestId(page)).toBe('manager-pin-input');
    expect(await page.getByTestId('drawer-outcome').count()).toBe(0);
    expect(await lines(page).count()).toBe(0);

    // The error belonged to the dialog: it goes when the dialog closes.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('drawer-dialog').count()).toBe(0);
    await expect.poll(() => message(page).count()).toBe(0);
  });

  it('a return from the sale history (1024×768): the PIN field is emptied and keeps the keyboard, the message clear of the title', async () => {
    const page = await openTill();
    await page.setViewportSize({ width: 1024, height: 768 });
    await typeBarcode(page, DEMO.milk.barcode);
    await expect.poll(() => lines(page).count()).toBe(1);
    await page.keyboard.press('F11');
    await page.getByTestId('card-panel').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor({ timeout: 15_000 });
    const receiptNo = (await page.getByTestId('receipt-no').textContent())!.trim();
    await page.keyboard.press('Enter');
    await page.keyboard.press('F5');
    await page.locator(`[data-testid="history-item"][data-receipt-no="${receiptNo}"][aria-current="true"]`).waitFor();
    // Ctrl+R: the receipt's return (money goes back only as a return, with its credit note).
    await page.keyboard.press('Control+KeyR');
    await page.getByTestId('return-dialog').waitFor();
    await page.getByTestId('return-more').first().click();
    await page.getByTestId('return-reason').selectOption('damaged');
    await page.getByTestId('manager-pin-input').focus();
    await page.keyboard.type('9999', { delay: 40 });
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => messageCode(page)).toBe('MANAGER_PIN_WRONG');
    await expect.poll(() => focusedTestId(page)).toBe('manager-pin-input');
    expect(await page.getByTestId('manager-pin-input').inputValue()).toBe('');
    // The history under it is the tallest dialog (its title 75 px from the top at this size): the message floating
    // over the dimmed screen keeps clear of all of it, title included.
    const dialog = (await page.getByTestId('history-panel').boundingBox())!;
    const title = (await page.locator('#history-title').boundingBox())!;
    const banner = (await message(page).boundingBox())!;
    expect(overlaps(dialog, banner)).toBe(false);
    expect(title.y).toBeGreaterThan(banner.y + banner.height);
  });
});

describe('an unknown barcode', () => {
  it('shows the scanned code, left to right inside the Arabic message, and offers the search by name', async () => {
    const page = await openTill();
    await scan(page, '6280000099998');
    await expect.poll(() => messageCode(page)).toBe('BARCODE_UNKNOWN');
    expect(await message(page).textContent()).toMatch(/[\u0600-\u06ff]/);
    const code = page.getByTestId('unknown-barcode-code');
    expect(await code.textContent()).toBe('6280000099998');
    expect(await code.evaluate((el) => [el.tagName, el.getAttribute('dir')])).toEqual(['BDI', 'ltr']);

    await page.getByTestId('search-by-name').click();
    await expect.poll(() => focusedTestId(page)).toBe('scan-input');
    await page.keyboard.type('حليب', { delay: 40 });
    await page.getByTestId('search-hit').first().waitFor();
    // Searching is a new context: the old message is gone.
    expect(await message(page).count()).toBe(0);

    // The key does the same as the button.
    await page.keyboard.press('Escape');
    await scan(page, '6280000099998');
    await expect.poll(() => messageCode(page)).toBe('BARCODE_UNKNOWN');
    await page.keyboard.press('Control+KeyF');
    await expect.poll(() => page.getByTestId('scan-input').getAttribute('data-mode')).toBe('name-search');
    expect(await focusedTestId(page)).toBe('scan-input');
    expect(await message(page).count()).toBe(0);
  });
});
