import { defineConfig } from 'vitest/config';

// Unit and integration tests run under plain Node against real SQLite files, real ptys and
// real TCP sockets. The browser e2e suite is Playwright's (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores: the crash and pty suites spawn processes of their own.
    maxWorkers: 2,
    // Migrates the one empty ledger every test register starts from.
    globalSetup: ['test/support/vitest-global-setup.ts'],
  },
});
