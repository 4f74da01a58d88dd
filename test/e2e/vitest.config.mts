import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the built browser host in a child process, driven by Debian's Chromium.
// Files run one after another: two Chromiums at once on a 2-core CI machine only make both flaky.
export default defineConfig({
  test: {
    root: '.',
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
    // The STC Pay simulator's certificates, made once for the whole run (test/support/global-setup.ts), then the
    // till folder every test's till starts from (test/e2e/support/till-template.ts).
    globalSetup: ['test/support/global-setup.ts', 'test/e2e/support/till-template.ts'],
  },
});
