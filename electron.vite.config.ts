import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Fontsource's CSS offers each font slice as woff2 and, for old browsers, woff. Chromium (Electron
 * and browser mode alike) takes woff2, so the woff copies would only double the app's size.
 */
function woff2Only(): Plugin {
  return {
    name: 'ringup-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].*\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

/**
 * The cashier screen and the customer display are the same page around a different entry script:
 * their HTML files hold only that script, and this writes the page around it before Vite reads it
 * (dev server and build alike). opening.html and crashed.html keep their own pages: they must work without the app.
 */
const PAGE_MARK = '<!-- ringup:app-page -->';
function appPage(): Plugin {
  return {
    name: 'ringup-app-page',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.startsWith(PAGE_MARK)) return html;
        const entry = html.slice(PAGE_MARK.length).trim();
        return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Ringup</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <div id="root"></div>
    ${entry}
  </body>
</html>
`;
      },
    },
  };
}

// One build for the three parts. Main has two entries: the Electron shell (index) and browser
// mode (web), which share everything but the host. The preload must be a single CommonJS file
// because a sandboxed renderer cannot load modules.
/** The commit being built, for About; a build outside a git checkout says so. */
function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export default defineConfig({
  main: {
    // Stamped into main/app-version.ts.
    define: { __RINGUP_COMMIT__: JSON.stringify(commit()), __RINGUP_BUILD_DATE__: JSON.stringify(new Date().toISOString()) },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // backup-worker: the backup's worker thread, loaded by main/backup/worker-run.ts beside these.
        input: { index: resolve('main/electron-main.ts'), web: resolve('main/web-main.ts'), 'backup-worker': resolve('main/backup/backup-worker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('preload/index.ts') } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [appPage(), react(), woff2Only()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      // Fonts stay files: the CSP allows fonts from the register itself ('self'), not data: URLs.
      assetsInlineLimit: (file: string) => (/\.woff2?$/.test(file) ? false : undefined),
      // opening.html: the static page the desktop shell shows while it opens (and may upgrade) the ledger.
      // crashed.html: the static page the desktop shell shows when the cashier screen keeps crashing.
      // customer-display.html: the read-only screen that faces the customer (a second page or window).
      rollupOptions: {
        input: {
          index: resolve('renderer/index.html'),
          opening: resolve('renderer/opening.html'),
          crashed: resolve('renderer/crashed.html'),
          'customer-display': resolve('renderer/customer-display.html'),
        },
      },
    },
  },
});
