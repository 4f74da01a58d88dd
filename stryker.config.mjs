// Mutation testing of the code that guards money and data (`npm run test:mutation`): Stryker makes one small change
// at a time (a condition inverted, a check deleted, `<` turned into `<=`) and runs the unit/integration tests that
// reach it; a change no test notices is a guard the suite does not really test.
//
// NOT part of `npm run test:all` or CI: a run over the whole scope takes hours on a two-core machine. Run it after
// changing one of these guards, on that file first, e.g.
//   npm run test:mutation -- --mutate main/payments/intent-store.ts
// Incremental: results are kept in test-results/mutation/, so a second run only re-tests mutants whose code or
// covering tests changed; `-- --force` runs everything again. Use --force after adding a test: a mutant in code
// that runs outside any test (module constants, a beforeAll, cleanup) is "static", and Stryker 9 keeps its old
// Survived verdict even when a new test kills it.
// Code run outside tests is common here (tills started in beforeAll, ledgers verified on cleanup), and every such
// mutant runs against all ~200 tests (3.5 min a pass). For one domain's guards in minutes, see
// test/mutation/stryker.guards.config.mjs (same mutators, that domain's tests only).
//
// Stryker 9.x, not 10: 10 needs Node 22 and the till supports Node 20.19+. Its vitest runner works with vitest 4.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The unit/integration config narrowed to these domains' tests (see that file); the browser end-to-end suite
  // (test/e2e) is never used: it runs the built app.
  vitest: { configFile: 'test/mutation/vitest.config.mts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: [
    'main/money/**/*.ts',
    'main/ledger/**/*.ts',
    'main/checkout/**/*.ts',
    'main/fiscal/**/*.ts',
    // Payments: the intent lifecycle, the exchange with the terminal and its background asking, the sets of
    // states, the refund cap (intent store), references, settlement, the ledger projection; the connectors' money
    // rules (amounts in and out of each protocol), not their wire formats, and never the simulators (main/sim).
    'main/payments/service.ts',
    'main/payments/lifecycle.ts',
    'main/payments/exchange.ts',
    'main/payments/recovery-scheduler.ts',
    'main/payments/states.ts',
    'main/payments/intent-store.ts',
    'main/payments/references.ts',
    'main/payments/settlement.ts',
    'main/payments/projection.ts',
    'main/payments/nexo/amount.ts',
    'main/payments/stcpay/amount.ts',
    // amountField() of the SkyBand request: the only money rule in that file (keep the range on it if it moves).
    'main/payments/ecr/request.ts:47-52',
    // The browser host's door: secret, origin, host name and path checks.
    'main/host/server.ts',
    '!main/**/index.ts',
  ],
  // Two test runners at most: the till machines and CI have two cores, shared with everything else.
  concurrency: 2,
  // Tests with real sockets and SQLite files vary in time on a busy machine: a slow run is not an infinite loop.
  timeoutMS: 20_000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 60,
  ignorePatterns: ['/.data', '/release', '/bench-results', '/test-results'],
  incremental: true,
  incrementalFile: 'test-results/mutation/stryker-incremental.json',
  // Everything Stryker writes stays under test-results/ (ignored by git, the type check and the lint).
  tempDirName: 'test-results/stryker-tmp',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'test-results/mutation/mutation.html' },
  jsonReporter: { fileName: 'test-results/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
};
