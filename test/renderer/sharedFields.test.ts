// The review's folds keep what the screens and the end-to-end tests rely on: the one 6-digit code field of the
// second-factor and enrolment dialogs, and the top bar's plain buttons (one component), rendered for real.
import { createElement, createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SecondFactorDialog } from '../../renderer/people/SecondFactorDialog';
import { CodeField } from '../../renderer/people/CodeField';
import { TopBar } from '../../renderer/shell/TopBar';

const ignore = () => undefined;

describe('the 6-digit code field', () => {
  it('is the second factor\'s field, taking a recovery code\'s 11 characters, with its pad', () => {
    const html = renderToStaticMarkup(
      createElement(SecondFactorDialog, { error: { code: 'SECOND_FACTOR_REQUIRED', message_ar: 'x', message_en: 'x' }, onSubmit: ignore, onCancel: ignore }),
    );
    expect(html).toMatch(/<input[^>]*data-testid="second-factor-input"[^>]*maxLength="11"/);
    expect(html).toContain('data-testid="second-factor-keypad-toggle"');
    expect(html).toContain('autoComplete="one-time-code"');
  });

  it('is 6 digits by default and read-only while main checks', () => {
    const html = renderToStaticMarkup(
      createElement(CodeField, { label: 'L', value: '12', onValue: ignore, onEnter: ignore, inputRef: createRef<HTMLInputElement>(), testId: 'totp-code-input', keypadTestId: 'totp-keypad', readOnly: true }),
    );
    expect(html).toMatch(/<input[^>]*data-testid="totp-code-input"[^>]*maxLength="6"[^>]*readOnly=""/);
    expect(html).toContain('data-testid="totp-keypad-toggle"');
  });
});

describe('the top bar\'s plain buttons', () => {
  const bar = (over: Record<string, unknown>) =>
    renderToStaticMarkup(
      createElement(TopBar, {
        till: null,
        connection: 'connected',
        locale: 'ar',
        digits: 'arabic',
        terminal: null,
        providers: [],
        printer: null,
        printFailed: 0,
        health: null,
        onToggleLocale: ignore,
        onToggleDigits: ignore,
        onTerminal: ignore,
        onPrintQueue: ignore,
        onHistory: ignore,
        onHealth: ignore,
        shift: null,
        ...over,
      }),
    );

  it('draws a way in only when it is given (the role may use it)', () => {
    const without = bar({});
    expect(without).toContain('data-testid="history-open"');
    expect(without).not.toContain('data-testid="admin-open"');
    expect(without).not.toContain('data-testid="drawer-open"');
    const all = bar({ onAdmin: ignore, onDrawer: ignore });
    for (const id of ['admin-open', 'history-open', 'drawer-open']) expect(all).toContain(`data-testid="${id}"`);
  });

  it('keeps the toggles\' state and language', () => {
    const html = bar({});
    expect(html).toMatch(/data-testid="digits-toggle"[^>]*aria-pressed="true"/);
    expect(html).toMatch(/data-testid="lang-toggle"[^>]*lang="en"/);
  });
});
