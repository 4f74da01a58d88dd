import { defineConfig } from 'vitest/config';
import full from './vitest.config.mjs';

// The quick mutation runs (./stryker.guards.config.mjs): per domain, the guard tests and the few suites that
// exercise the same guards directly. Code that runs outside a test (a till started in beforeAll, a ledger verified
// on cleanup) makes its mutants run against every test of the config: with the full list (./vitest.config.mts,
// about 3.5 minutes a pass on two cores) that is hours for the ledger and payments files; with one domain's tests,
// seconds.
const SCOPES: Record<string, string[]> = {
  money: ['test/guards/money.test.ts', 'test/money/**/*.test.ts', 'test/guards/zatca-qr.test.ts', 'test/fiscal/**/*.test.ts'],
  ledger: ['test/guards/ledger-{chain,verify}.test.ts', 'test/ledger/{journal,tamper}.test.ts'],
  payments: ['test/guards/{refund-cap,payment-races,intent-store}.test.ts', 'test/payments/{card,races}.test.ts'],
  host: ['test/guards/host-auth.test.ts', 'test/host/host.test.ts'],
  checkout: ['test/guards/quantity-cap.test.ts', 'test/checkout/**/*.test.ts'],
};

/** NUQTA_MUTATION_SCOPE=ledger,host picks those domains' tests; unset, all of them. */
const chosen = (process.env.NUQTA_MUTATION_SCOPE ?? Object.keys(SCOPES).join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = chosen.filter((s) => !(s in SCOPES));
if (unknown.length) throw new Error(`NUQTA_MUTATION_SCOPE: no such scope ${unknown.join(', ')} (known: ${Object.keys(SCOPES).join(', ')})`);

export default defineConfig({
  ...full,
  test: {
    ...full.test,
    include: chosen.flatMap((s) => SCOPES[s]!),
  },
});
