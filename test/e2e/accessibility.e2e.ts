// axe-core on every till screen, in Arabic and in English: no serious or critical violation. axe is evaluated
// through the DevTools protocol (the page's own CSP, script-src 'self', rightly forbids injecting a script tag),
// then asked about the whole document as it is on screen. Each screen is opened the way a cashier or manager
// opens it: by its key or its button.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../support/till';
import { tempDir } from '../support/tmp';
import { startHostProcess, type HostProcess } from './support/host-process';
import { tillReady, typeAndEnter, typeBarcode, useTillBrowser } from './support/till-page';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  why: Array<string | undefined>;
}

/** The serious and critical violations on the page as it is now. */
async function axeFindings(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // Colours are measured as drawn: a button still fading between its states would read as low contrast.
    const drawn = Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
    await Promise.race([drawn, new Promise((done) => setTimeout(done, 2_000))]); // a spinner never finishes
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')), why: v.nodes.slice(0, 5).map((n) => n.failureSummary) }));
  });
}

const tills = useTillBrowser();

/** Each screen: how to get there from the sale screen and back. */
const SCREENS: Array<{ name: string; open(page: Page): Promise<void>; close(page: Page): Promise<void> }> = [
  { name: 'sale', open: async () => {}, close: async () => {} },
  {
    name: 'cash tender',
    open: async (p) => {
      await p.keyboard.press('F12');
      await p.getByTestId('tender-panel').waitFor();
      await p.keyboard.type('5');
    },
    close: (p) => p.keyboard.press('Escape'),
  },
  {
    name: 'quantity',
    open: async (p) => {
      await p.keyboard.press('F4');
      await p.getByTestId('quantity-prompt').waitFor();
    },
    close: (p) => p.keyboard.press('Escape'),
  },
  {
    name: 'void prompt',
    open: async (p) => {
      await p.keyboard.press('F8');
      await p.getByTestId('void-confirm-dialog').waitFor();
    },
    close: (p) => p.keyboard.press('Escape'),
  },
  {
    name: 'history',
    open: async (p) => {
      await p.keyboard.press('F5');
      await p.getByTestId('history-panel').waitFor();
      await p.getByTestId('history-item').first().waitFor();
    },
    close: (p) => p.keyboard.press('Escape'),
  },
  {
    name: 'print queue',
    open: async (p) => {
      await p.keyboard.press('F6');
      await p.getByTestId('print-queue').waitFor();
    },
    close: (p) => p.keyboard.press('Escape'),
  },
  {
    name: 'terminal',
    open: async (p) => {
      await p.keyboard.press('F7');
      await p.getByTestId('terminal-panel').waitFor();
    },
    close: (p) => p.keyboard.press('Escape'),
  },
  {
    name: 'drawer',
    open: async (p) => {
      await p.keyboard.press('F1');
      await p.getByTestId('drawer-dialog').waitFor();
    },
    close: (p) => p.keyboard.press('Escape'),
  },
  {
    name: 'buyer of a tax invoice',
    open: async (p) => {
      await p.keyboard.press('Control+KeyB');
      await p.getByTestId('buyer-dialog').waitFor();
    },
    close: (p) => p.keyboard.press('Escape'),
  },
  {
    name: 'health',
    open: async (p) => {
      await p.getByTestId('health-open').click();
      await p.getByTestId('health-panel').waitFor();
    },
    close: (p) => p.keyboard.press('Escape'),
  },
  {
    name: 'search results',
    open: async (p) => {
      await p.getByTestId('scan-input').focus();
      await p.keyboard.type('حليب', { delay: 40 });
      await p.getByTestId('search-hit').first().waitFor();
    },
    close: async (p) => {
      await p.keyboard.press('Escape'); // the results, then the typed name
      if ((await p.getByTestId('scan-input').inputValue()) !== '') await p.keyboard.press('Escape');
      expect(await p.getByTestId('scan-input').inputValue()).toBe('');
    },
  },
  {
    name: 'return dialog',
    open: async (p) => {
      await p.keyboard.press('F5');
      await p.getByTestId('history-panel').waitFor();
      await p.getByTestId('history-return').first().click();
      await p.getByTestId('return-dialog').waitFor();
    },
    close: async (p) => {
      await p.keyboard.press('Escape');
      await p.getByTestId('return-dialog').waitFor({ state: 'detached' });
      await p.keyboard.press('Escape');
    },
  },
  {
    name: 'admin settings',
    open: async (p) => {
      await p.keyboard.press('Control+Comma');
      await p.getByTestId('admin-panel').waitFor();
      await typeAndEnter(p, '1234');
      await p.getByTestId('settings-form').waitFor();
    },
    close: (p) => p.keyboard.press('Escape'),
  },
  ...(['commissioning', 'einvoicing', 'updates'] as const).map((tab) => ({
    name: `admin ${tab}`,
    open: async (p: Page) => {
      await p.keyboard.press('Control+Comma');
      await p.getByTestId('admin-panel').waitFor();
      await typeAndEnter(p, '1234');
      await p.getByTestId('settings-form').waitFor();
      await p.getByTestId(`admin-tab-${tab}`).click();
      // The e-invoicing tab says "loading" until main's status and then its list of documents are in (two calls), and
      // redraws as each comes: axe checks the tab as loaded, not a page changing under it.
      const loaded = { commissioning: '[data-testid="commissioning-wizard"]', einvoicing: '[data-testid="einv-documents"]:not([data-total=""])', updates: '[data-testid="updates-admin"][data-loaded="1"]' };
      await p.locator(loaded[tab]).waitFor();
    },
    close: (p: Page) => p.keyboard.press('Escape'),
  })),
];

describe('accessibility: axe-core on every screen', () => {
  let tmp: { dir: string; cleanup(): void };
  let host: HostProcess;
  let page: Page;

  beforeAll(async () => {
    tmp = tempDir('nuqta-e2e-axe-');
    host = await startHostProcess(tmp.dir);
    page = await tills.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await tillReady(page);
    // One sale done (history has a receipt), one open with two lines.
    await typeBarcode(page, DEMO.milk.barcode);
    await page.getByTestId('sale-line').first().waitFor();
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor();
    await page.keyboard.press('Enter');
    await typeBarcode(page, DEMO.coffee.barcode);
    await typeBarcode(page, DEMO.bread.barcode);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="sale-line"]').length === 2);
  });
  afterAll(async () => {
    await page?.close();
    await host?.stop();
    tmp?.cleanup();
  });

  for (const language of ['ar', 'en'] as const) {
    for (const screen of SCREENS) {
      it(`${screen.name} in ${language === 'ar' ? 'Arabic' : 'English'}`, async () => {
        if ((await page.getAttribute('html', 'lang')) !== language) await page.keyboard.press('F9');
        await expect.poll(() => page.getAttribute('html', 'lang')).toBe(language);
        await screen.open(page);
        try {
          expect(await axeFindings(page)).toEqual([]);
        } finally {
          await screen.close(page);
        }
      });
    }
  }

  it('the customer display in both languages', async () => {
    expect(await page.getByTestId('sale-line').count()).toBe(2); // the screens above left the sale as it was
    const display = await tills.browser.newPage({ viewport: { width: 1024, height: 600 } });
    try {
      await display.goto(host.customerDisplayUrl);
      await display.waitForSelector('html[data-ready="1"]');
      await display.getByTestId('customer-line').first().waitFor();
      expect(await axeFindings(display)).toEqual([]);
      await page.keyboard.press('F9');
      const language = await page.getAttribute('html', 'lang');
      await expect.poll(() => display.getAttribute('html', 'lang')).toBe(language);
      expect(await axeFindings(display)).toEqual([]);
    } finally {
      await display.close();
    }
  });

  // Last: paying ends the open sale the screens above are drawn over.
  it('the change and the receipt preview in both languages', async () => {
    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await typeAndEnter(page, '100');
    await page.getByTestId('receipt-preview').waitFor();
    for (let i = 0; i < 2; i++) {
      expect(await axeFindings(page)).toEqual([]);
      await page.keyboard.press('F9');
    }
  });
});
