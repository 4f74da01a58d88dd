import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit and integration tests (real SQLite files, real sockets). The browser end-to-end suite has its own
// config in test/e2e because it needs the built app and Chromium.

// Files that need a process of their own: the shell bundle test loads the whole Electron main bundle into the
// test process (a patched module loader, its till left running); the backup verification test holds the event
// loop's delay under 200 ms, which a process carrying every earlier file's heap and leftovers should not decide;
// the PIN index test counts hash checks through vi.mock, which a module already loaded by an earlier file escapes.
const OWN_PROCESS = ['test/shell/bundle.test.ts', 'test/backup/verify-worker.test.ts', 'test/people/pin-index.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll's own default bound is 1 s: too close to a busy machine's answer times. It ends as soon as it passes.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    // Most of these tests wait on sockets, child processes and fsyncs rather than compute, so two files at a time
    // on a 2-core machine keep both cores busy (vitest's default is one worker fewer than the cores): measured on
    // this suite, 689 s with one worker, 386 s with two, every test passing.
    maxWorkers: Math.max(2, os.availableParallelism()),
    // The STC Pay simulator's certificates, made once for the whole run (test/support/global-setup.ts), and the
    // unit run's lower scrypt cost for users' PINs (test/support/scrypt-cost-setup.ts).
    globalSetup: ['test/support/global-setup.ts', 'test/support/scrypt-cost-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', ...OWN_PROCESS],
          // One test process goes on from file to file, so main/ is loaded, compiled and warmed up once rather
          // than once per file (measured: 78 small files 103 s → 47 s, 25 till files 169 s → 90 s). Every file
          // still makes its own tills, folders and sockets and closes them; main/'s module-level state is caches
          // and the instance locks a closed till releases.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'own-process', include: OWN_PROCESS, isolate: true },
      },
    ],
  },
});
