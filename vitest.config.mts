import { defineConfig } from 'vitest/config';

// Unit and integration tests (real SQLite files, real sockets). The browser end-to-end suite has its own
// config in test/e2e because it needs the built app and Chromium.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
