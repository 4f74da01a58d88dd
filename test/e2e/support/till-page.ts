// The harness every browser end-to-end file shares: one Chromium for the run, a till (the built browser host on a
// data folder of its own) opened in a page the size of a till's screen, everything a test opened closed after it; and
// the few things a cashier does in every test (scan a barcode, type and press Enter).
import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeAll, expect } from 'vitest';
import { ensureMainBuilt } from '../../support/build';
import { tempDir } from '../../support/tmp';
import { launchChromium } from './browser';
import { startHostProcess, type HostProcess } from './host-process';
import { copyTillTemplate } from './till-template';

export interface OpenTill {
  page: Page;
  host: HostProcess;
  dir: string;
}

export interface OpenTillOptions {
  /** The temp data folder's name prefix. */
  prefix?: string;
  /** Runs on the data folder before the till starts: the way an admin configures a till. */
  configure?: (dir: string) => void;
}

export interface TillBrowser {
  /** The run's Chromium (launched by the first file's beforeAll). */
  readonly browser: Browser;
  /** Runs `steps` after the current test; what was registered last runs first. */
  onCleanup(...steps: Array<() => unknown>): void;
  /** A page on the till at `host`, once the till's view says it is ready; closed after the test. */
  openPage(host: HostProcess): Promise<Page>;
  /**
   * A till on a data folder of its own (a copy of the run's template till, see till-template.ts), started and open
   * in a page; all of it goes after the test.
   */
  openTill(options?: OpenTillOptions): Promise<OpenTill>;
}

/** Waits for the till's view to be ready (after a goto or a reload). */
export async function tillReady(page: Page): Promise<void> {
  await page.waitForSelector('html[data-ready="1"]');
}

// One Chromium for the whole run (the files share a test process, see ../vitest.config.mts): every test opens its
// pages in a fresh context and closes them, so a file leaves nothing behind for the next but a browser. A browser
// that went away is launched again; playwright kills the last one when the test process exits.
let chromium: Promise<Browser> | null = null;
async function sharedChromium(): Promise<Browser> {
  const running = chromium && (await chromium.catch(() => null));
  if (running?.isConnected()) return running;
  chromium = launchChromium();
  return chromium;
}

/** Registers the file's hooks (build, Chromium, cleanups after each test) and returns what opens tills. */
export function useTillBrowser(): TillBrowser {
  let browser: Browser;
  const cleanups: Array<() => unknown> = [];

  beforeAll(async () => {
    ensureMainBuilt();
    browser = await sharedChromium();
  });
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  const openPage = async (host: HostProcess) => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('pageerror', (e) => console.error('page error:', e));
    cleanups.push(() => page.close());
    await page.goto(host.url);
    await tillReady(page);
    return page;
  };

  return {
    get browser() {
      return browser;
    },
    onCleanup(...steps) {
      cleanups.push(...steps);
    },
    openPage,
    async openTill({ prefix = 'nuqta-e2e-', configure }: OpenTillOptions = {}) {
      const tmp = tempDir(prefix);
      cleanups.push(() => tmp.cleanup());
      copyTillTemplate(tmp.dir);
      configure?.(tmp.dir);
      const host = await startHostProcess(tmp.dir);
      cleanups.push(() => host.stop());
      const page = await openPage(host);
      return { page, host, dir: tmp.dir };
    },
  };
}

/** The data-testid of the element that has the keyboard. */
export const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

/** Types `text` key by key (`delay` ms apart), then Enter. */
export async function typeAndEnter(page: Page, text: string, delay = 40): Promise<void> {
  await page.keyboard.type(text, { delay });
  await page.keyboard.press('Enter');
}

/** A person typing a barcode into the scan field: slow keys, then Enter. */
export async function typeBarcode(page: Page, barcode: string, delay = 40): Promise<void> {
  await page.getByTestId('scan-input').focus();
  await typeAndEnter(page, barcode, delay);
}

/**
 * A keyboard-wedge scanner sending `code` (digits, capital letters) and Enter at a scanner's pace (4 ms apart by the events' own timestamps,
 * so a loaded machine cannot make it look like a person), wherever focus is.
 */
export async function wedgeScan(p: Page, code: string): Promise<void> {
  if (!/^[0-9A-Z]+$/.test(code)) throw new Error(`wedgeScan sends digits and capital letters only, not "${code}"`);
  const cdp = await p.context().newCDPSession(p);
  const start = Date.now() / 1000;
  // A capital letter (a store credit voucher's "SC") comes with Shift held, as a scanner in the US layout sends it.
  const keys = [...code].map((c) =>
    /\d/.test(c)
      ? { key: c, code: `Digit${c}`, windowsVirtualKeyCode: c.charCodeAt(0), text: c, modifiers: 0 }
      : { key: c, code: `Key${c}`, windowsVirtualKeyCode: c.charCodeAt(0), text: c, modifiers: 8 },
  );
  const sends: Promise<unknown>[] = [];
  [...keys, { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r', modifiers: 0 }].forEach((k, i) => {
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...k, nativeVirtualKeyCode: k.windowsVirtualKeyCode, unmodifiedText: k.text, timestamp: start + i * 0.004 }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, code: k.code, windowsVirtualKeyCode: k.windowsVirtualKeyCode, modifiers: k.modifiers, timestamp: start + i * 0.004 + 0.001 }));
  });
  await Promise.all(sends);
  await cdp.detach();
}

/**
 * Scans each barcode (all different) into the scan field with a wedge scanner, each one a new line on the sale. A
 * person keying a barcode in (typeBarcode) is the slower path, walked by the tests about it.
 */
export async function ring(page: Page, ...barcodes: string[]): Promise<void> {
  for (const [i, barcode] of barcodes.entries()) {
    await page.getByTestId('scan-input').focus();
    await wedgeScan(page, barcode);
    await expect.poll(() => page.getByTestId('sale-line').count()).toBe(i + 1);
  }
}

/**
 * F5 for the sale history, where the receipt `receiptNo` (the one just sold) is selected; Ctrl+R opens its return
 * (money goes back only as a return of the receipt's lines, with its credit note).
 */
export async function returnFromHistory(page: Page, receiptNo: string): Promise<void> {
  await page.keyboard.press('F5');
  await page.getByTestId('history-panel').waitFor();
  await page.locator(`[data-testid="history-item"][data-receipt-no="${receiptNo}"][aria-current="true"]`).waitFor();
  await page.keyboard.press('Control+KeyR');
  await page.getByTestId('return-dialog').waitFor();
  await expect.poll(() => page.getByTestId('return-line').count()).toBeGreaterThan(0);
}

/**
 * In the open return dialog: every line all the way back (each + until it stops), a reason, the manager's PIN
 * (the demo's 1234) and Ctrl+Enter; the return is issued within `timeout` ms. Answers the refunds as shown.
 */
export async function returnEverythingWithPin(page: Page, timeout: number): Promise<Array<{ kind: string | null; method: string | null; text: string }>> {
  const lines = page.getByTestId('return-line');
  // The dialog asks main for the receipt's lines when it opens: counted before they come, nothing would be chosen
  // and Ctrl+Enter would have nothing to return (the returns desk's test failed so on a busy CI machine).
  await expect.poll(() => lines.count()).toBeGreaterThan(0);
  for (let i = 0; i < (await lines.count()); i += 1) {
    const more = lines.nth(i).getByTestId('return-more');
    while ((await more.getAttribute('aria-disabled')) !== 'true') await more.click();
  }
  await page.getByTestId('return-reason').selectOption('customer_changed_mind');
  await page.getByTestId('manager-pin-input').focus();
  await page.keyboard.type('1234', { delay: 40 });
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('return-result').waitFor({ timeout });
  const refunds = page.getByTestId('return-refund');
  const shown = [];
  for (let i = 0; i < (await refunds.count()); i += 1) {
    const r = refunds.nth(i);
    shown.push({ kind: await r.getAttribute('data-kind'), method: await r.getAttribute('data-method'), text: (await r.textContent()) ?? '' });
  }
  return shown;
}
