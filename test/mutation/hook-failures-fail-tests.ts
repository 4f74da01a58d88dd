// For Stryker's runs only (./vitest.config.mts): when a suite's beforeAll or afterAll throws, its tests count as
// failed. `vitest run` fails the run then, but reports those tests as skipped, and Stryker's vitest runner looks at
// tests only: a mutant that stops a beforeAll (a host that cannot start) or an afterAll (a ledger that no longer
// verifies on cleanup) would be scored as a survivor although the suite fails on it.
import type { RunnerTask, RunnerTaskEventPack, RunnerTaskResultPack, RunnerTestCase, RunnerTestSuite } from 'vitest';
import { VitestTestRunner, type VitestRunner } from 'vitest/runners';

const testsOf = (task: RunnerTask): RunnerTestCase[] => (task.type === 'test' ? [task] : task.type === 'suite' ? task.tasks.flatMap(testsOf) : []);

export default class HookFailuresFailTests extends VitestTestRunner {
  override async onAfterRunSuite(suite: RunnerTestSuite): Promise<void> {
    // Errors on the suite itself come from its hooks; a failing test marks the suite failed without any.
    const errors = suite.result?.errors;
    if (suite.result?.state === 'fail' && errors?.length) {
      const failed = testsOf(suite).filter((test) => test.result?.state !== 'fail');
      for (const test of failed) {
        // In place: an update already queued for the test carries this same object.
        if (test.result) Object.assign(test.result, { state: 'fail', errors });
        else test.result = { state: 'fail', errors };
      }
      const packs: RunnerTaskResultPack[] = failed.map((test) => [test.id, test.result, test.meta]);
      const events: RunnerTaskEventPack[] = failed.map((test) => [test.id, 'test-finished', undefined]);
      if (packs.length) await (this as VitestRunner).onTaskUpdate?.(packs, events);
    }
    await super.onAfterRunSuite(suite);
  }
}
