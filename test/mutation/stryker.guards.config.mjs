// The quick mutation run: one domain's guard files against that domain's guard tests only, e.g.
//   NUQTA_MUTATION_SCOPE=ledger npx stryker run test/mutation/stryker.guards.config.mjs \
//     --concurrency 1 --mutate main/ledger/hash.ts,main/ledger/verify.ts,main/ledger/tail.ts
// Scopes and their tests: ./vitest.guards.config.mts. Results per scope in test-results/mutation/guards-<scope>.*
// (incremental, like the full run of ../../stryker.config.mjs). The score is a floor: the full run's wider test
// list can only kill more.
import process from 'node:process';
import full from '../../stryker.config.mjs';

const scope = (process.env.NUQTA_MUTATION_SCOPE ?? 'all').replace(/[^a-z,]/g, '').replace(/,/g, '+');
const out = `test-results/mutation/guards-${scope}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...full,
  vitest: { configFile: 'test/mutation/vitest.guards.config.mts' },
  incrementalFile: `${out}.incremental.json`,
  htmlReporter: { fileName: `${out}.html` },
  jsonReporter: { fileName: `${out}.json` },
};
