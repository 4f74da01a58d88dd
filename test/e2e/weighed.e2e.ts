// Weighed goods at the counter, in real Chromium: a scale's weight label and price label, a PLU typed with its
// weight entered in the prompt, the weights on screen, then paid and shown on the receipt preview.
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, priceCheckDigit } from '../../main/catalog';
import { focusedTestId, typeBarcode, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();
const ean = (body: string) => body + gtinCheckDigit(body);
/** Screen text without the bidi isolates i18n puts around numbers in Arabic text. */
const plain = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/g, '');

describe('weighed goods', () => {
  it('rings scale labels and a typed weight, shows kg × price/kg, and the receipt says the same', async () => {
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-weighed-' });
    const lines = page.getByTestId('sale-line');
    // Tomatoes (PLU 30001, 6.50/kg), 750 g; Naimi lamb (PLU 20001) labelled at 45.50.
    await typeBarcode(page, ean('20' + '30001' + '00750'));
    await expect.poll(() => lines.count()).toBe(1);
    await typeBarcode(page, ean('23' + '20001' + priceCheckDigit('4550') + '4550'));
    await expect.poll(() => lines.count()).toBe(2);
    // Bananas by their PLU: the weight prompt comes up; half a kilo typed as kilograms.
    // The prompt comes with main's answer, and it takes the keyboard in the same commit that puts it on the page:
    // a key pressed at once (a fast cashier, the rest of a scanner's burst) lands in its field, not the scan field.
    // Read where the keyboard is when the page first holds the prompt (a mutation observer runs right after the
    // commit's task, before any key press queued behind it). It was the scan field while the focus came in an effect.
    await page.evaluate(() => {
      const w = window as unknown as { focusWhenPromptShown?: string | null };
      w.focusWhenPromptShown = null;
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="quantity-prompt"]')) return;
        w.focusWhenPromptShown = (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName ?? '';
        seen.disconnect();
      });
      seen.observe(document.body, { childList: true, subtree: true });
    });
    await typeBarcode(page, '30002');
    await page.getByTestId('quantity-prompt').waitFor();
    expect(await page.evaluate(() => (window as unknown as { focusWhenPromptShown?: string | null }).focusWhenPromptShown)).toBe('quantity-input');
    expect(await focusedTestId(page)).toBe('quantity-input');
    await page.keyboard.type('0.5', { delay: 60 });
    await page.keyboard.press('Enter');
    await expect.poll(() => lines.count()).toBe(3);

    const qty = async (i: number) => plain(await lines.nth(i).getByTestId('line-qty').textContent());
    expect(await qty(0)).toBe('0.750 كغ');
    expect(await qty(1)).toBe('1');
    expect(await qty(2)).toBe('0.500 كغ');
    expect(await lines.nth(0).getByTestId('line-total').textContent()).toContain('4.88');
    expect(await lines.nth(2).getByTestId('line-total').textContent()).toContain('3.98'); // 0.5 × 7.95 = 3.975 → 3.98
    expect(await page.getByTestId('total').textContent()).toContain('54.36');

    await page.keyboard.press('F12');
    await page.getByTestId('tender-panel').waitFor();
    await page.keyboard.type('60');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt-preview').waitFor();
    const receipt = plain(await page.getByTestId('receipt-preview').textContent());
    expect(receipt).toContain('0.750 كغ × 6.50');
    expect(receipt).toContain('0.500 كغ × 7.95');
    expect(receipt).toContain('1 × 45.50');
    expect(await page.getByTestId('change-due').textContent()).toContain('5.64');
  });
});
