// Every key the view asks for must exist in both locale files: i18next would otherwise show the raw key
// on the till screen. Static keys are found in the source; dynamic families are listed here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ar from '../../renderer/i18n/locales/ar.json';
import en from '../../renderer/i18n/locales/en.json';

const RENDERER = join(__dirname, '../../renderer');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

const staticKeys = new Set<string>();
for (const file of sources(RENDERER)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)) if (m[1]) staticKeys.add(m[1]);
  for (const m of text.matchAll(/\blabel: '([a-z]+\.[A-Za-z0-9_]+)'/g)) if (m[1]) staticKeys.add(m[1]);
}

const dynamicKeys = [
  ...['connected', 'connecting', 'lost'].map((s) => `connection.${s}`),
  ...['S', 'Z', 'E'].map((c) => `receipt.vatCategory_${c}`),
  ...['enter', 'esc', 'ctrl', 'shift', 'del', 'up', 'down', 'upDown', 'plus', 'minus', 'tab', 'p', 'r', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f11', 'f12'].map(
    (k) => `keycaps.${k}`,
  ),
  // The payment panel's card texts, and STC Pay's side by side with them (`${ns}.…` in PaymentPanel / PaymentStage).
  ...['card', 'stcpay'].flatMap((ns) => [
    ...['connecting', 'sent', 'awaiting_otp', 'awaiting_result', 'recovering'].map((s) => `${ns}.stage_${s}`),
    ...['step_connect', 'step_customer', 'step_processing', 'title', 'amount', 'send', 'cancel', 'cancelling', 'sending'].map((k) => `${ns}.${k}`),
    ...['declined', 'declinedGeneric', 'declinedNext', 'notFoundBody'].map((k) => `${ns}.${k}`),
  ]),
  ...['cloudTerminal', 'stcpay'].map((p) => `provider.${p}`),
  ...['connected', 'disconnected', 'busy', 'not_checked'].map((h) => `provider.state_${h}`),
  // Picked by payment method in a ternary.
  'resolve.stcpay_intro',
  'resolve.stcpay_outcome',
  'resolve.intro',
  'resolve.outcome',
  'unknown.stcpay_body',
  'unknown.stcpay_resolve',
  'completed.stcPayApproved',
  'terminal.titleStcPay',
  'stcpay.otpIntroAdopted',
  ...['apple_pay', 'google_pay', 'samsung_pay', 'other_wallet'].map((w) => `card.wallet_${w}`),
  ...['connected', 'disconnected', 'busy', 'not_checked'].map((h) => `terminal.health_${h}`),
  ...['purchase', 'refund', 'reversal'].map((k) => `terminal.kind_${k}`),
  ...['sending', 'awaiting', 'approved', 'declined', 'unknown', 'not_found', 'reversing', 'reversed', 'orphaned'].map(
    (s) => `terminal.state_${s}`,
  ),
  ...['ready', 'paper_near_end', 'paper_out', 'cover_open', 'offline', 'disconnected', 'unknown', 'not_checked'].map((s) => `printer.state_${s}`),
  ...['queued', 'printing', 'printed', 'failed', 'cancelled'].map((s) => `printQueue.state_${s}`),
  ...['receipt', 'slip_customer', 'slip_merchant', 'slip'].map((k) => `printQueue.kind_${k}`),
  ...['screen', 'printed'].map((v) => `completed.view_${v}`),
  ...['pending', 'printed', 'cancelled'].map((s) => `completed.print_${s}`),
  ...['change', 'float', 'pickup', 'correction'].map((q) => `drawer.quick_${q}`),
  ...['opened', 'failed', 'not_needed'].map((o) => `drawer.outcome_${o}`),
  ...['cash', 'card'].map((k) => `history.tender_${k}`),
  // The admin area (renderer/admin): form groups, wizard steps and their hints, step states, local draft errors.
  ...['identity', 'address', 'receipt', 'printer', 'drawer', 'devices', 'customer', 'terminal', 'stcPay', 'backups', 'updates', 'time'].map((g) => `admin.group_${g}`),
  ...['identity', 'printer', 'drawer', 'scanner', 'customerDisplay', 'cardTerminal', 'providers', 'done'].flatMap((s) => [`admin.step_${s}`, `admin.hint_${s}`]),
  ...['ok', 'failed', 'not_run'].map((s) => `admin.state_${s}`),
  ...['number', 'json', 'riyals'].map((r) => `admin.local_${r}`),
  ...['settings', 'commissioning'].map((tab) => `admin.tab_${tab}`),
];

describe('keys used by the view', () => {
  it('finds the static keys in the source', () => {
    expect(staticKeys.size).toBeGreaterThan(40);
    expect(staticKeys.has('totals.total')).toBe(true);
  });

  it.each([...staticKeys, ...dynamicKeys])('%s exists as text in both languages', (key) => {
    expect(typeof lookup(ar, key), `ar: ${key}`).toBe('string');
    expect(typeof lookup(en, key), `en: ${key}`).toBe('string');
  });
});
