// The admin area in real Chromium against the simulators: the settings screen (a wrong postal code fixed by
// its own field's message, then saved and journaled), and the commissioning wizard — every step passing on a
// network printer and the demo terminal and STC Pay, then the failures: printer offline, terminal refusing,
// STC Pay's certificate expired.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ledgerFile } from '../../main/app';
import { createPrinterSim, startSimTcpServer, type PrinterSim } from '../../main/sim/printer';
import { createStcPaySimulator, generateSimulatorPki } from '../../main/sim/stcpay';
import { pointTillAtStcPay, updateSettings } from '../support/providers';
import { startSimulatorProcess } from '../support/simulator-process';
import { pointTillAtTerminal } from '../support/terminal';
import { DEMO } from '../support/till';
import { tempDir } from '../support/tmp';
import { axeFindings } from './support/axe';
import { typeAndEnter, useTillBrowser } from './support/till-page';

const tills = useTillBrowser();

const SHOP = {
  shopNameAr: 'أسواق النور',
  shopNameEn: 'Al Noor Markets',
  vatNumber: '310122393500003',
  crNumber: '1010123456',
};

async function networkPrinter(): Promise<{ printer: PrinterSim; port: number }> {
  const printer = createPrinterSim({ widthDots: 576 });
  const server = await startSimTcpServer(printer);
  tills.onCleanup(() => server.close());
  return { printer, port: server.port };
}

function journal(dir: string, type: string): Array<Record<string, unknown>> {
  const db = new Database(ledgerFile(dir), { readonly: true });
  try {
    return db.prepare<[string], { payload: string }>('SELECT payload FROM journal WHERE type = ? ORDER BY seq').all(type).map((r) => JSON.parse(r.payload) as Record<string, unknown>);
  } finally {
    db.close();
  }
}

/** Top bar → Settings → the manager's PIN: the admin area open on its settings tab. */
async function openAdmin(page: Page): Promise<void> {
  await page.getByTestId('admin-open').click();
  await page.getByTestId('admin-panel').waitFor();
  await page.getByTestId('manager-pin-input').fill('1234');
  await page.getByTestId('manager-pin-submit').click();
  await page.getByTestId('settings-form').waitFor();
}

async function runStep(page: Page, step: string, timeout = 15_000): Promise<{ ok: string | null; code: string | null }> {
  await page.locator(`[data-testid="wizard-step-${step}"] button`).click();
  await expect.poll(() => page.getByTestId('wizard-current').getAttribute('data-step')).toBe(step);
  const item = page.getByTestId(`wizard-step-${step}`);
  const before = await item.getAttribute('data-at');
  if (step === 'customerDisplay') await page.getByTestId('wizard-display-shown').click();
  else await page.getByTestId('wizard-run').click();
  // The step list carries each step's latest result (a passed step moves the wizard on to the next one).
  await expect.poll(() => item.getAttribute('data-at'), { timeout }).not.toBe(before);
  return { ok: (await item.getAttribute('data-state')) === 'ok' ? '1' : '0', code: await item.getAttribute('data-code') };
}

describe('the admin settings screen', () => {
  it('opens from the top bar behind the PIN, marks a wrong postal code in Arabic beside it, and saves the fix', async () => {
    const { page, dir } = await tills.openTill({ prefix: 'nuqta-e2e-admin-' });
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.getByTestId('admin-open').click();
    await page.getByTestId('manager-pin-input').fill('9999');
    await page.getByTestId('manager-pin-submit').click();
    await expect.poll(() => page.getByTestId('message').getAttribute('data-code')).toBe('MANAGER_PIN_WRONG');
    expect(await page.getByTestId('settings-form').count()).toBe(0);
    await page.getByTestId('manager-pin-input').fill('1234');
    await page.getByTestId('manager-pin-submit').click();
    await page.getByTestId('settings-form').waitFor();

    const postal = page.getByTestId('setting-nationalAddress-postalCode');
    expect(await postal.inputValue()).toBe('12211');
    await postal.fill('1221');
    await page.getByTestId('setting-vatNumber').fill(SHOP.vatNumber);
    await page.getByTestId('settings-save').click();
    const error = page.getByTestId('setting-nationalAddress-postalCode-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('الرمز البريدي: ٥ أرقام');
    expect(await page.getByTestId('setting-vatNumber-error').count()).toBe(0);
    expect(journal(dir, 'settings.changed')).toHaveLength(0);

    await postal.fill('12345');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    expect(await page.getByTestId('settings-saved').getAttribute('data-changed')).toBe('vatNumber,nationalAddress');
    expect(await error.count()).toBe(0);
    const [entry] = journal(dir, 'settings.changed');
    expect(entry).toMatchObject({ source: 'admin-screen' });
    // The form now shows what main holds.
    expect(await page.getByTestId('setting-nationalAddress-postalCode').inputValue()).toBe('12345');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('admin-panel').count()).toBe(0);
  });
});

describe('the commissioning wizard', () => {
  it('runs every step against the simulators, then saves and prints the report', async () => {
    const { printer, port } = await networkPrinter();
    const { page, dir } = await tills.openTill({
      prefix: 'nuqta-e2e-wizard-',
      configure: (d) => updateSettings(d, { ...SHOP, printer: { profile: 'generic-80', link: { kind: 'tcp', host: '127.0.0.1', port } } }),
    });
    await page.keyboard.press('Control+Comma');
    await page.getByTestId('admin-panel').waitFor();
    await typeAndEnter(page, '1234');
    await page.getByTestId('settings-form').waitFor();
    await page.getByTestId('admin-tab-commissioning').click();
    await page.getByTestId('commissioning-wizard').waitFor();

    expect(await runStep(page, 'identity')).toEqual({ ok: '1', code: '' });
    expect(await runStep(page, 'printer')).toEqual({ ok: '1', code: '' });
    await expect.poll(() => printer.receipts.length).toBe(1);
    expect(printer.receipts[0]!.cut).not.toBeNull();
    expect(await runStep(page, 'drawer')).toEqual({ ok: '1', code: '' });
    // The simulated printer lives in this process: its socket's bytes and the page's answer arrive on different
    // sockets, so the kick may be read a turn of this event loop after the screen shows the step passed.
    await expect.poll(() => printer.drawerKicks()).toBe(1);

    await page.locator('[data-testid="wizard-step-scanner"] button').click();
    await page.getByTestId('wizard-scan-input').focus();
    await typeAndEnter(page, DEMO.milk.barcode);
    await expect.poll(() => page.getByTestId('wizard-step-scanner').getAttribute('data-state')).toBe('ok');

    expect(await runStep(page, 'customerDisplay')).toEqual({ ok: '1', code: '' });
    expect(await runStep(page, 'cardTerminal')).toEqual({ ok: '1', code: '' });
    expect(await runStep(page, 'providers', 30_000)).toEqual({ ok: '1', code: '' });

    await page.locator('[data-testid="wizard-step-done"] button').click();
    await page.getByTestId('wizard-run').click();
    const summary = page.getByTestId('wizard-summary');
    await summary.waitFor({ timeout: 15_000 });
    expect(await summary.getAttribute('data-complete')).toBe('1');
    // The summary is on screen from the last step on (from the report so far): the finish's own answer, after the
    // report page is drawn and printed, is this flag.
    await expect.poll(() => summary.getAttribute('data-printed')).toBe('1');
    expect(await summary.textContent()).toContain(path.join(dir, 'commissioning-report.json'));
    await expect.poll(() => printer.receipts.length).toBe(2);
    expect(journal(dir, 'commissioning.step').map((e) => [e.step, e.ok])).toEqual([
      ['identity', true],
      ['printer', true],
      ['drawer', true],
      ['scanner', true],
      ['customerDisplay', true],
      ['cardTerminal', true],
      ['providers', true],
    ]);
  });

  it('fails the printer step while the printer is offline, and passes on the retry once it is back', async () => {
    const { printer, port } = await networkPrinter();
    const { page } = await tills.openTill({
      prefix: 'nuqta-e2e-wizard-',
      configure: (d) => updateSettings(d, { printer: { profile: 'generic-80', link: { kind: 'tcp', host: '127.0.0.1', port } } }),
    });
    await openAdmin(page);
    await page.getByTestId('admin-tab-commissioning').click();
    printer.setStatus({ online: false, paperOut: true });
    const offline = await runStep(page, 'printer');
    expect(offline.ok).toBe('0');
    expect(offline.code).toMatch(/^PRINTER_/);
    expect(await page.getByTestId('wizard-result').getAttribute('data-code')).toBe(offline.code);
    expect(await page.getByTestId('wizard-result').textContent()).toMatch(/[\u0600-\u06ff]/);
    expect(printer.receipts).toHaveLength(0);
    printer.setStatus({ online: true, paperOut: false });
    await page.getByTestId('wizard-run').click();
    await expect.poll(() => page.getByTestId('wizard-step-printer').getAttribute('data-state'), { timeout: 15_000 }).toBe('ok');
    // Read through this process's own socket, not the page's: may come a turn after the screen.
    await expect.poll(() => printer.receipts.length).toBe(1);
  });

  it('fails the card terminal step when the terminal refuses the settlement the admin allowed', async () => {
    const tmp = tempDir('nuqta-e2e-sim-');
    const simulator = await startSimulatorProcess(path.join(tmp.dir, 'record.json'));
    tills.onCleanup(() => tmp.cleanup(), () => simulator.stop());
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-wizard-', configure: (d) => pointTillAtTerminal(d, simulator.port) });
    await openAdmin(page);
    await page.getByTestId('admin-tab-commissioning').click();
    await simulator.script({ commands: ['B1'], refuseSettlement: '412' });
    await page.locator('[data-testid="wizard-step-cardTerminal"] button').click();
    await page.getByTestId('wizard-confirm-real-card').check();
    const refused = await runStep(page, 'cardTerminal');
    expect(refused).toEqual({ ok: '0', code: 'COMMISSIONING_SETTLEMENT_REFUSED' });
  });

  it("fails the STC Pay step, naming the certificate, when the provider's certificate has expired", async () => {
    // A server certificate valid until the second it was made: expired by the time the till connects.
    const pki = await generateSimulatorPki({ serverCertDays: 0 });
    const sim = await createStcPaySimulator({ pki });
    const { baseUrl } = await sim.listen(0);
    tills.onCleanup(() => pki.remove(), () => sim.close());
    const { page } = await tills.openTill({ prefix: 'nuqta-e2e-wizard-', configure: (d) => pointTillAtStcPay(d, sim, baseUrl) });
    await openAdmin(page);
    await page.getByTestId('admin-tab-commissioning').click();
    const expired = await runStep(page, 'providers', 30_000);
    expect(expired).toEqual({ ok: '0', code: 'COMMISSIONING_CERTIFICATE_EXPIRED' });
    expect(await page.getByTestId('wizard-result').textContent()).toContain('stcpay.clientCert');
  });
});

describe('the first admin of a live till', () => {
  it('is asked for before any PIN, signed in at once, and the demo PIN opens nothing afterwards', async () => {
    // A till that went live (the shop's identity, no simulated device): its demo staff are retired, nobody is left.
    const live = { ...SHOP, printer: null, terminal: null, stcPay: null, einvoicing: null };
    const { page, dir } = await tills.openTill({ prefix: 'nuqta-e2e-first-admin-', configure: (d) => updateSettings(d, live) });
    await page.getByTestId('admin-open').click();
    const form = page.getByTestId('first-admin-form');
    await form.waitFor();
    // Nobody signed in, read once the session is on screen (the form is chosen from it); before, it proved nothing.
    expect(await page.getByTestId('signed-in-user').count()).toBe(0);
    expect(await page.getByTestId('manager-pin-input').count()).toBe(0);
    expect(await page.getByTestId('first-admin-till-pin').count()).toBe(0);
    expect(await axeFindings(page)).toEqual([]);

    // Two different PINs are caught on the screen; nothing is sent.
    await form.getByTestId('users-name-ar').fill('سارة');
    await form.getByTestId('users-name-en').fill('Sara');
    await form.getByTestId('users-pin').fill('582417');
    await form.getByTestId('users-pin-again').fill('582418');
    await page.getByTestId('first-admin-save').click();
    await expect.poll(() => page.getByTestId('users-problem').textContent()).toContain('الرمزان مختلفان');
    // The till's own users (the template it was copied from added the demo staff).
    const added = () => journal(dir, 'user.added').filter((e) => e.by !== 'demo');
    expect(added()).toEqual([]);

    await form.getByTestId('users-pin').fill('582417');
    await form.getByTestId('users-pin-again').fill('582417');
    await page.getByTestId('first-admin-save').click();
    // Signed in as the new admin, the panel opens on its settings with her PIN.
    await page.getByTestId('settings-form').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('سارة');
    await page.getByTestId('admin-tab-users').click();
    await expect.poll(() => page.getByTestId('users-row').evaluateAll((rows) => rows.filter((r) => r.getAttribute('data-active') === '1').map((r) => r.getAttribute('data-name')))).toEqual(['Sara']);
    expect(added()).toEqual([expect.objectContaining({ nameEn: 'Sara', role: 'admin', by: 'first-admin' })]);

    // Opened again, the panel asks for a PIN, and the demo's is wrong here.
    await page.getByTestId('admin-close').click();
    await page.getByTestId('admin-open').click();
    await page.getByTestId('manager-pin-input').fill('1234');
    await page.getByTestId('manager-pin-submit').click();
    await expect.poll(() => page.getByTestId('message').getAttribute('data-code')).toBe('MANAGER_PIN_WRONG');
    expect(await page.getByTestId('first-admin-form').count()).toBe(0);
  });
});
