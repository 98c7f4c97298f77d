import { defineConfig } from '@playwright/test';

// The desktop shell driven through Playwright's _electron, for machines where the Electron
// binary can be downloaded (it cannot on our build machines, so `npm test` does not run this).
// `npm run test:electron` builds first. On a headless Linux CI runner wrap it in xvfb-run.
// It launches the unpackaged app (`electron .`): the packaged binary's fuses forbid the
// inspector flags Playwright needs.
export default defineConfig({
  testDir: 'test/electron',
  workers: 1,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: { trace: 'retain-on-failure' },
});
