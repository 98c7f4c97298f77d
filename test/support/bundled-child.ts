// The crash and restart tests start a child register dozens or hundreds of times and SIGKILL it.
// Through `node --import tsx` every start transpiles the whole register again: 1.5 s to READY on
// a busy 2-core machine, against 0.8 s for one esbuild bundle of the same sources (measured
// 2026-12-02 with test/support/sale-loop.ts). The bundle holds our sources only: packages stay
// require()s, so native modules (better-sqlite3, serialport) load exactly as they do for the
// sources. That is why it is written under node_modules, where those requires resolve.
import { buildSync } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'node_modules', '.cache', 'ringup-test-children');
let made = 0;

export interface BundledChild {
  /** The bundle to run: `spawn(process.execPath, [file, ...args])`. */
  readonly file: string;
  remove(): void;
}

/**
 * Bundles the child script `entry` (a path from the repository's root, e.g.
 * 'test/support/sale-loop.ts') into a file of its own for this process; `remove()` it in afterAll.
 */
export function bundleChild(entry: string): BundledChild {
  mkdirSync(OUT, { recursive: true });
  // One file per bundling: two vitest workers may bundle the same child at once.
  const file = join(OUT, `${basename(entry, '.ts')}-${process.pid}-${++made}.cjs`);
  buildSync({
    entryPoints: [join(ROOT, entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    // No source map: Node would parse it at every start. A stack trace still names each module,
    // since the bundle marks where each source file begins.
    logLevel: 'warning',
  });
  return { file, remove: () => rmSync(file, { force: true }) };
}
