import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import unit from '../../vitest.config.mjs';

// The unit/integration config (../../vitest.config.mts) as Stryker runs it against the code that guards money and
// data (../../stryker.config.mjs).
//
// Narrowed to the tests of those domains that run the code in the test's own process, where the mutants are. Not
// the suites that drive the built bundles in child processes (test/cli, the crash, kill and PTY tests, test/shell):
// they run dist/, which Stryker does not mutate, so they can never kill a mutant, only cost time and fail under
// load. Named file by file where a folder also holds such suites. (Stryker's own `testFiles` option would narrow
// them too, but with it the mutants in module-level constants are never switched on and all "survive":
// stryker-js#6144.)

/**
 * Quickest files first, a file that failed on the previous mutant before all: Stryker stops at the first failure,
 * and a mutant in a module-level constant is run against every related file.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const last = (spec: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`);
    return [...files].sort((a, b) => {
      const [x, y] = [last(a), last(b)];
      if (Boolean(x?.failed) !== Boolean(y?.failed)) return x?.failed ? -1 : 1;
      return (x?.duration ?? 0) - (y?.duration ?? 0);
    });
  }
}

export default defineConfig({
  ...unit,
  // Durations and failures of these runs only, inside Stryker's sandbox: not mixed into the unit suite's cache.
  cacheDir: 'test-results/vitest-cache',
  test: {
    ...unit.test,
    root: '.',
    // A test whose beforeAll or afterAll failed is a failed test here, as it is for `vitest run` (see that file).
    runner: './test/mutation/hook-failures-fail-tests.ts',
    sequence: { sequencer: QuickestFirst },
    include: [
      'test/money/**/*.test.ts',
      'test/ledger/{journal,tamper,receipt-numbers}.test.ts',
      'test/checkout/**/*.test.ts',
      'test/fiscal/**/*.test.ts',
      'test/payments/{card,races,sequence}.test.ts',
      'test/payments/ecr/codec.test.ts',
      'test/payments/nexo/{codec,cloud,service}.test.ts',
      'test/payments/stcpay/{units,flows,service}.test.ts',
      'test/payments/providers/{nexo-till,stcpay-till}.test.ts',
      'test/host/{host,frame-limit,client-faults}.test.ts',
      'test/app/{data-folder,preferences}.test.ts',
      'test/guards/**/*.test.ts',
    ],
  },
});
