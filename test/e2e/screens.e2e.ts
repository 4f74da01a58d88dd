// The screens tills really have: the till at 1024×768 (15" 4:3 touch tills), 1280×800, 1366×768 and
// 1920×1080, the customer display and the receipt preview at 800×480 and 1024×600 (pole-less second screens),
// in Arabic and in English. On each: no horizontal scroll, the total and the pay buttons wholly on screen and
// not covered, a long item name cut with an ellipsis on its one line, every button a touch target of 44 px or
// more. A screenshot of each goes to test-results/screens/ for the closing note (not committed).
//
// Then numbers and codes inside Arabic sentences: the masked mobile "9665*****567" and the other codes must
// read in their own left-to-right order, measured from where Chromium draws each character.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalogCsv, projectRoot } from '../../main/paths';
import { i18n } from '../../renderer/i18n';
import { FSI, PDI, withoutIsolation } from '../../renderer/i18n/bidi';
import { DEMO } from '../support/till';
import { tempDir } from '../support/tmp';
import { startHostProcess, type HostProcess } from './support/host-process';
import { focusedTestId, tillReady, typeAndEnter, typeBarcode, useTillBrowser } from './support/till-page';

const SHOTS = path.join(projectRoot(), 'test-results', 'screens');

/** A name longer than the name column even at 1920 px (valid EAN-13). */
const LONG = {
  barcode: '6289999999999',
  nameAr: 'تمر سكري القصيم الفاخر المختار بعناية من أفضل مزارع منطقة القصيم، ناضج طبيعياً بلا إضافات، علبة هدايا عائلية كبيرة جداً ٥ كيلو، إصدار رمضان الخاص',
  nameEn: 'Premium Qassim Sukkari Dates Hand Picked From The Finest Farms Of The Al Qassim Region, Naturally Ripened, No Additives, Extra Large Family Gift Box 5kg, Ramadan Edition',
};

const TILL_SIZES = [
  [1024, 768],
  [1280, 800],
  [1366, 768],
  [1920, 1080],
] as const;
const SECOND_SCREEN_SIZES = [
  [800, 480],
  [1024, 600],
] as const;
const LANGUAGES = ['ar', 'en'] as const;
type Language = (typeof LANGUAGES)[number];

const tills = useTillBrowser();

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the page looks like to a person at this size: scroll, where things are, what is cut, what is small. */
interface Layout {
  scrollWidth: number;
  clientWidth: number;
  viewport: { width: number; height: number };
  /** Each test id asked for: its box, whether its centre is really it (not covered), whether its text is clipped. */
  boxes: Record<string, { box: Box; onTop: boolean; clipped: boolean } | null>;
  /** Visible buttons smaller than 44 px in either direction. */
  smallButtons: string[];
}

function layout(page: Page, testIds: string[]): Promise<Layout> {
  return page.evaluate((ids) => {
    const boxes: Layout['boxes'] = {};
    for (const id of ids) {
      const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      if (!el) {
        boxes[id] = null;
        continue;
      }
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      boxes[id] = {
        box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
        onTop: hit !== null && (hit === el || el.contains(hit)),
        clipped: el.scrollWidth > el.clientWidth + 1,
      };
    }
    const smallButtons = [...document.querySelectorAll<HTMLElement>('button')]
      .filter((b) => b.offsetParent !== null)
      .map((b) => ({ b, r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
      .map(({ b, r }) => `${b.dataset.testid ?? b.className} ${Math.round(r.width)}×${Math.round(r.height)}`);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      boxes,
      smallButtons,
    };
  }, testIds);
}

/** The checks every screen shares: no horizontal scroll, each element wholly in view and on top, buttons 44 px. */
function expectWellLaidOut(l: Layout, mustShow: string[], where: string): void {
  expect(l.scrollWidth, `${where}: page wider than the window`).toBeLessThanOrEqual(l.clientWidth);
  expect(l.clientWidth, where).toBe(l.viewport.width);
  for (const id of mustShow) {
    const found = l.boxes[id];
    expect(found, `${where}: ${id} missing`).toBeTruthy();
    const { box, onTop, clipped } = found!;
    expect(box.left, `${where}: ${id} off the start/left`).toBeGreaterThanOrEqual(0);
    expect(box.top, `${where}: ${id} off the top`).toBeGreaterThanOrEqual(0);
    expect(box.right, `${where}: ${id} off the right`).toBeLessThanOrEqual(l.viewport.width);
    expect(box.bottom, `${where}: ${id} off the bottom`).toBeLessThanOrEqual(l.viewport.height);
    expect(onTop, `${where}: ${id} covered`).toBe(true);
    expect(clipped, `${where}: ${id}'s text cut`).toBe(false);
  }
  expect(l.smallButtons, `${where}: buttons under 44 px`).toEqual([]);
}

/** How the long name shows in `rowSelector`'s `nameSelector`, against a short-named row's height. */
function nameCut(page: Page, rowSelector: string, nameSelector: string, shortRowSelector: string) {
  return page.evaluate(
    ([row, name, shortRow]) => {
      const rowEl = document.querySelector<HTMLElement>(row)!;
      const nameEl = rowEl.querySelector<HTMLElement>(name)!;
      const style = getComputedStyle(nameEl);
      return {
        overflowing: nameEl.scrollWidth > nameEl.clientWidth,
        ellipsis: style.textOverflow === 'ellipsis' && style.whiteSpace === 'nowrap',
        rowHeight: Math.round(rowEl.getBoundingClientRect().height),
        shortRowHeight: Math.round(document.querySelector<HTMLElement>(shortRow)!.getBoundingClientRect().height),
      };
    },
    [rowSelector, nameSelector, shortRowSelector] as const,
  );
}

/** Two animation frames: the layout after a resize or a language switch has been drawn. */
const settled = (page: Page) => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

async function useLanguage(page: Page, language: Language): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) !== language) await page.keyboard.press('F9');
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(language);
}

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

describe('every till screen size, in Arabic and English', () => {
  let tmp: { dir: string; cleanup(): void };
  let host: HostProcess;
  let till: Page;

  beforeAll(async () => {
    tmp = tempDir('nuqta-e2e-screens-');
    // The demo catalog (cards and STC Pay on: all three pay buttons) and one very long name.
    const catalog = path.join(tmp.dir, 'catalog.csv');
    const row = [LONG.barcode, `"${LONG.nameAr}"`, `"${LONG.nameEn}"`, '99.95', 'S', 'dates', 'تمور', 'Dates', ''].join(',');
    fs.writeFileSync(catalog, `${fs.readFileSync(demoCatalogCsv(), 'utf8')}${row}\r\n`);
    host = await startHostProcess(tmp.dir, ['--catalog', catalog]);
    till = await tills.browser.newPage({ viewport: { width: 1366, height: 768 } });
    till.on('pageerror', (e) => console.error('page error:', e));
    await till.goto(host.url);
    await tillReady(till);
    // (expect.poll is for tests only: the page is waited on directly here.)
    for (const [i, barcode] of [DEMO.milk.barcode, LONG.barcode, DEMO.coffee.barcode].entries()) {
      await typeBarcode(till, barcode);
      await till.waitForFunction((n) => document.querySelectorAll('[data-testid="sale-line"]').length === n, i + 1);
    }
  });
  afterAll(async () => {
    await till?.close();
    await host?.stop();
    tmp?.cleanup();
  });

  const longRow = `[data-testid="sale-line"][data-barcode="${LONG.barcode}"]`;
  const shortRow = `[data-testid="sale-line"][data-barcode="${DEMO.milk.barcode}"]`;

  for (const language of LANGUAGES) {
    for (const [width, height] of TILL_SIZES) {
      it(`the till at ${width}×${height} in ${language === 'ar' ? 'Arabic' : 'English'}`, async () => {
        await till.setViewportSize({ width, height });
        await useLanguage(till, language);
        await settled(till);

        const where = `till ${language} ${width}×${height}`;
        const l = await layout(till, ['total', 'pay-cash', 'pay-card', 'pay-stcpay', 'void-sale', 'scan-input']);
        expectWellLaidOut(l, ['total', 'pay-cash', 'pay-card', 'pay-stcpay', 'void-sale', 'scan-input'], where);
        // The total is the whole amount (the bug this guards: "06.70" for 106.70 with the page cut at the right).
        expect(withoutIsolation((await till.getByTestId('total').textContent()) ?? '')).toContain('134.20');

        const cut = await nameCut(till, longRow, '[data-testid="line-name"]', shortRow);
        expect(cut, where).toEqual({ overflowing: true, ellipsis: true, rowHeight: cut.shortRowHeight, shortRowHeight: cut.shortRowHeight });

        await shoot(till, `till-${language}-${width}x${height}`);
      });
    }
  }

  for (const language of LANGUAGES) {
    for (const [width, height] of SECOND_SCREEN_SIZES) {
      it(`the customer display at ${width}×${height} in ${language === 'ar' ? 'Arabic' : 'English'}`, async () => {
        await useLanguage(till, language);
        const display = await tills.browser.newPage({ viewport: { width, height } });
        try {
          await display.goto(host.customerDisplayUrl);
          await display.waitForSelector('html[data-ready="1"]');
          await expect.poll(() => display.getAttribute('html', 'lang')).toBe(language);
          await expect.poll(() => display.getByTestId('customer-line').count()).toBe(3);
          await settled(display);

          const where = `customer display ${language} ${width}×${height}`;
          expectWellLaidOut(await layout(display, ['customer-total']), ['customer-total'], where);
          const customerLong = `[data-testid="customer-line"][data-barcode="${LONG.barcode}"]`;
          const customerShort = `[data-testid="customer-line"][data-barcode="${DEMO.milk.barcode}"]`;
          for (const name of ['.cd-line__ar', '.cd-line__en']) {
            const cut = await nameCut(display, customerLong, name, customerShort);
            expect(cut, `${where} ${name}`).toEqual({ overflowing: true, ellipsis: true, rowHeight: cut.shortRowHeight, shortRowHeight: cut.shortRowHeight });
          }
          await shoot(display, `customer-${language}-${width}x${height}`);
        } finally {
          await display.close();
        }
      });
    }
  }

  // Last: paying ends the sale the tests above look at.
  for (const language of LANGUAGES) {
    for (const [width, height] of SECOND_SCREEN_SIZES) {
      it(`the change and the receipt preview at ${width}×${height} in ${language === 'ar' ? 'Arabic' : 'English'}`, async () => {
        if ((await till.getByTestId('completed-view').count()) === 0) {
          await till.keyboard.press('F12');
          await till.getByTestId('tender-panel').waitFor();
          await typeAndEnter(till, '200');
          await till.getByTestId('receipt-preview').waitFor();
        }
        await till.setViewportSize({ width, height });
        await useLanguage(till, language);
        await settled(till);

        const where = `receipt preview ${language} ${width}×${height}`;
        const l = await layout(till, ['change-due', 'receipt-preview', 'new-sale', 'receipt-view-screen', 'receipt-view-printed']);
        expectWellLaidOut(l, ['change-due', 'receipt-preview', 'new-sale', 'receipt-view-screen', 'receipt-view-printed'], where);
        const names = await till.evaluate((long) => {
          const all = [...document.querySelectorAll<HTMLElement>('[data-testid="receipt-preview"] .receipt__line-name')];
          const el = all.find((n) => long.includes(n.textContent ?? ''))!;
          const short = all.find((n) => n !== el)!;
          return {
            overflowing: el.scrollWidth > el.clientWidth,
            ellipsis: getComputedStyle(el).textOverflow === 'ellipsis',
            height: el.getBoundingClientRect().height,
            shortHeight: short.getBoundingClientRect().height,
          };
        }, [LONG.nameAr, LONG.nameEn]);
        expect(names, where).toEqual({ overflowing: true, ellipsis: true, height: names.shortHeight, shortHeight: names.shortHeight });
        await shoot(till, `receipt-${language}-${width}x${height}`);
      });
    }
  }
});

describe('the dialogs on a 1024×768 till', () => {
  it('fit the screen with touch-sized buttons, in Arabic and English', { timeout: 120_000 }, async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-dialogs-' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await typeBarcode(page, DEMO.milk.barcode);
    await expect.poll(() => page.getByTestId('sale-line').count()).toBe(1);
    for (const language of LANGUAGES) {
      await useLanguage(page, language);
      for (const key of ['F12', 'F11', 'Shift+F11', 'F4', 'F8', 'F5', 'F6', 'F7', 'F1']) {
        await page.keyboard.press(key);
        await page.locator('[role="dialog"]').first().waitFor();
        // Measured with its content in: a list or status fetched from main can make a dialog grow once it loads.
        await expect.poll(() => page.locator('[role="dialog"][aria-busy="true"]').count()).toBe(0);
        await settled(page);
        const l = await layout(page, []);
        expectWellLaidOut(l, [], `${key} dialog ${language} 1024×768`);
        const dialog = await page.locator('[role="dialog"]').first().boundingBox();
        expect(dialog!.x, key).toBeGreaterThanOrEqual(0);
        expect(dialog!.x + dialog!.width, key).toBeLessThanOrEqual(1024);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('[role="dialog"]').count(), { timeout: 5_000 }).toBe(0);
        await expect.poll(() => focusedTestId(page)).toBe('scan-input');
      }
    }
  });
});

/** The x of each character of `text` inside the first element matching `selector` whose text holds it. */
function glyphXs(page: Page, selector: string, text: string): Promise<number[]> {
  return page.evaluate(
    ([sel, wanted]) => {
      const root = document.querySelector(sel)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(wanted);
        if (at < 0) continue;
        return [...wanted].map((_, i) => {
          const range = document.createRange();
          range.setStart(node!, at + i);
          range.setEnd(node!, at + i + 1);
          return range.getClientRects()[0]!.left;
        });
      }
      throw new Error(`${wanted} not found in ${sel}`);
    },
    [selector, text] as const,
  );
}

const increasing = (xs: number[]): boolean => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

describe('numbers and codes inside Arabic sentences', () => {
  it('the masked mobile STC Pay texted reads 9665*****567, left to right, at the end of the Arabic sentence', { timeout: 60_000 }, async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-bidi-' });
    await typeBarcode(page, DEMO.milk.barcode);
    await expect.poll(() => page.getByTestId('sale-line').count()).toBe(1);
    await page.keyboard.press('Shift+F11');
    await expect.poll(() => focusedTestId(page)).toBe('stcpay-mobile-input');
    await typeAndEnter(page, '0551234567');
    const masked = page.getByTestId('stcpay-masked-mobile');
    await masked.waitFor();
    expect(await masked.textContent()).toBe('9665*****567');

    const xs = await glyphXs(page, '.otp__intro', '9665*****567');
    expect(increasing(xs), `x of each character: ${xs.join(', ')}`).toBe(true);
    // The sentence ends with the number: in Arabic that is its left end, after (left of) "إلى".
    const [before] = await glyphXs(page, '.otp__intro', 'إلى');
    expect(xs[xs.length - 1]!).toBeLessThan(before!);
    await page.keyboard.press('Escape'); // nothing was charged: no code was confirmed
  });

  it('an interpolated code or date keeps its order in an Arabic message, and would not without the isolation', { timeout: 60_000 }, async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-bidi-' });
    const ar = i18n.getFixedT('ar');
    // A terminal that sends no scheme label: the card is its mask alone.
    const reverse = ar('pin.reverseBody', { amount: ar('money.format', { amount: '-5.00' }), card: '************1234' });
    const checked = ar('provider.checkedAt', { time: '2026-12-04 22:15' });
    expect(reverse).toContain(`${FSI}************1234${PDI}`);
    expect(checked).toContain(`${FSI}2026-12-04 22:15${PDI}`);

    // Each sentence in an Arabic paragraph of the till's page, as the app shows them, and the same without the marks.
    await page.evaluate(
      (sentences) => {
        for (const [id, text] of Object.entries(sentences)) {
          const p = document.createElement('p');
          p.id = id;
          p.dir = 'rtl';
          p.lang = 'ar';
          p.textContent = text;
          document.body.prepend(p);
        }
      },
      { reverse, checked, reverseBare: withoutIsolation(reverse), checkedBare: withoutIsolation(checked) },
    );

    // The card mask reads left to right: the stars, then 1234.
    const mask = await glyphXs(page, '#reverse', '************1234');
    expect(increasing(mask), mask.join(', ')).toBe(true);
    // The minus stays in front of its amount.
    const minus = await glyphXs(page, '#reverse', '-5.00');
    expect(increasing(minus), minus.join(', ')).toBe(true);
    // The date, then the time, left to right.
    const [date] = await glyphXs(page, '#checked', '2026');
    const [time] = await glyphXs(page, '#checked', '22:15');
    expect(date!).toBeLessThan(time!);

    // Without the isolation the bidi algorithm swaps them: this is what the marks prevent.
    const [stars] = await glyphXs(page, '#reverseBare', '*');
    const [digits] = await glyphXs(page, '#reverseBare', '1234');
    expect(digits!).toBeLessThan(stars!);
    const [bareDate] = await glyphXs(page, '#checkedBare', '2026');
    const [bareTime] = await glyphXs(page, '#checkedBare', '22:15');
    expect(bareTime!).toBeLessThan(bareDate!);
  });

  it('the till itself isolates what it puts into its sentences', async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-bidi-' });
    await typeBarcode(page, DEMO.coffee.barcode);
    await expect.poll(() => page.getByTestId('sale-line').count()).toBe(1);
    expect(await page.getByTestId('total').textContent()).toBe(`${FSI}27.75${PDI} ريال`);
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('total').textContent()).toBe(`SAR ${FSI}27.75${PDI}`);
  });
});
