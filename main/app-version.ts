// What this build is: the package version, and the commit and date the build stamped in
// (electron.vite.config.ts defines them). Run from source (tests, tsx) they are read from git.
import { execFileSync } from 'node:child_process';
import { version } from '../package.json';

declare const __RINGUP_COMMIT__: string | undefined;
declare const __RINGUP_BUILD_DATE__: string | undefined;

function fromGit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: __dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

let cached: { version: string; commit: string; buildDate: string } | null = null;

export function appVersion(): { version: string; commit: string; buildDate: string } {
  cached ??= {
    version,
    commit: typeof __RINGUP_COMMIT__ === 'string' ? __RINGUP_COMMIT__ : fromGit(),
    buildDate: typeof __RINGUP_BUILD_DATE__ === 'string' ? __RINGUP_BUILD_DATE__ : 'not built',
  };
  return cached;
}
