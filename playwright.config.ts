import { defineConfig } from '@playwright/test';

// The e2e suite drives Debian's Chromium against browser mode (out/main/web.js). It builds
// nothing itself: run `npm run build` first. Each test starts its own register on a fresh
// data folder (test/e2e/fixtures.ts), on a port it picks itself, so two files can run at once:
// two workers cut the wall time on our 2-core machine (83 specs: 11.5 min with one, 6.6 with
// two; 205 specs took 11–16 min with two on 2026-12-01, depending on the machine's neighbours).
export default defineConfig({
  testDir: 'test/e2e',
  workers: 2,
  // Two workers on two cores: a test that loses a race under that load gets one more try, and the
  // report lists it as "flaky" by name so the race is found and fixed (as the F12→F8 one was);
  // a test that fails twice fails the run.
  retries: 1,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
});
