import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's old headless shell (apt package chromium-headless-shell): the same Blink and V8 as
// /usr/bin/chromium without the full browser's own UI processes, and what Playwright itself runs
// for headless tests. On this 2-core machine the suite is CPU-bound, and the full browser spent
// about half of it on its own windows: 17 tests took 78 s with it and 58 s with the shell (both
// with screenshots in the trace); with the trace below as well, 27 tests in 8 files took 89 s
// where they had taken 141–155 s. E2E_CHROMIUM=/usr/bin/chromium runs the full browser, e.g. with
// --headed; without the shell installed the full browser is used.
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
const chromiumPath = process.env.E2E_CHROMIUM ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

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
      executablePath: chromiumPath,
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
    // A test that fails is run again with a trace: every action with the DOM before and after it,
    // which the trace viewer renders as the page. The report keeps it, whether the retry fails too
    // or passes (a flaky test's trace shows the run that passed, its failure's error is beside it).
    // Recording every test's trace to keep only the failures' cost 14 % of the time (8 files,
    // 30 tests: 107 s and 97 s with, 87 s and 87 s without); with --retries=0, --trace=on records.
    // Not the screencast: encoding a frame for every paint cost a quarter of the suite's time.
    trace: { mode: 'on-first-retry', screenshots: false },
  },
});
