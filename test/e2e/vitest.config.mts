import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the built browser host in a child process, driven by Debian's Chromium.
// Two files at a time, each with its own Chromium: a file mostly waits (on its till's answers, on Chromium's frames),
// so one at a time left this 2-core machine half idle. Measured on this suite: 390 s one at a time, 322 s two at a
// time, every test passing (and all of them passed under the whole unit suite running beside them). One at a time
// is `--no-file-parallelism`.
export default defineConfig({
  test: {
    root: '.',
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll's own default bound is 1 s, and a till's first answer to some steps (a wrong manager PIN: 0.7 s
    // here) comes close to that on this machine. A poll ends as soon as it passes, so a wide bound costs nothing.
    expect: { poll: { timeout: 15_000 } },
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
    // One test process goes on from file to file (as the unit project does), so playwright, the support modules and
    // the main/ sources they import are loaded once rather than once per file: the run's import time was 46 s of
    // its 440. Each file still launches its own Chromium and opens its own tills; nothing here keeps module state.
    isolate: false,
    // The STC Pay simulator's certificates, made once for the whole run (test/support/global-setup.ts), then the
    // till folder every test's till starts from (test/e2e/support/till-template.ts).
    globalSetup: ['test/support/global-setup.ts', 'test/e2e/support/till-template.ts'],
  },
});
