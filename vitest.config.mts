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
    // A worker's files share one module graph: importing the register and its libraries once per
    // worker instead of once per file took the whole run from 584 s to about 450 s (the import
    // phase from 186 s to 15 s, summed). The tests hold no module state of their own; what the
    // support modules open is closed after every test by the per-file setup, and a suite that
    // needs a rig for the file says so (usePrintingRig(), useWebHost()).
    isolate: false,
    setupFiles: ['test/support/vitest-file-setup.ts'],
  },
});
