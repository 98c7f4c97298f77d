import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test';
import type { RingupApi } from '../../preload/contract';

export const REPO = resolve(__dirname, '..', '..');

/** What the renderer's global scope looks like to code run through page.evaluate (no DOM lib in this project). */
export type RendererGlobals = typeof globalThis & {
  ringup?: RingupApi;
  location: { href: string };
  open(url: string): unknown;
  document: {
    addEventListener(type: string, listener: (event: { violatedDirective: string }) => void): void;
    createElement(tag: string): { textContent: string | null };
    head: { append(node: unknown): void };
  };
};

/** Starts the built app (`electron .`) on a data folder; the caller closes it. */
export async function launchRegister(dataDir: string, extraArgs: string[] = []): Promise<ElectronApplication> {
  if (!existsSync(join(REPO, 'out', 'main', 'index.js'))) throw new Error('out/ is missing: run `npm run build` (npm run test:electron does)');
  const args = [REPO, '--data-dir', dataDir, ...extraArgs];
  // Containers often run CI as root, where Chromium refuses to start with its OS sandbox.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  // better-sqlite3 13 is Node-API: node_modules' binary loads in Electron as it is.
  return electron.launch({ args, cwd: REPO, env, timeout: 30_000 });
}

export const test = base.extend<{ dataDir: string; app: ElectronApplication; page: Page; mainLog: string[] }>({
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ringup-electron-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  mainLog: async ({}, use) => use([]),
  app: async ({ dataDir, mainLog }, use) => {
    const app = await launchRegister(dataDir, ['--demo']);
    app.process().stdout?.on('data', (d: Buffer) => mainLog.push(d.toString()));
    app.process().stderr?.on('data', (d: Buffer) => mainLog.push(d.toString()));
    await use(app);
    await app.close().catch(() => undefined);
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    // The bridge is there before any page script runs.
    await expect.poll(() => page.evaluate(() => typeof (globalThis as RendererGlobals).ringup)).toBe('object');
    await use(page);
  },
});

export { expect };
