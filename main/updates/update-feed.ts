// Reads an update feed in the layout of electron-updater's generic provider: a folder served over
// http(s) with one channel file per OS (latest.yml for Windows, latest-mac.yml, latest-linux.yml)
// naming the newest version. The desktop shell's electron-updater reads the same file to
// download; this reader decides whether there is anything newer, and runs (and is tested) in Node.
import type { UpdateProblem } from '../../preload/contract/self-check-views';
import { httpProblem, updateProblemOf } from './update-problem';

export type FeedAnswer =
  | { state: 'up_to_date' | 'available'; latestVersion: string; reason: null; detail: null }
  | { state: 'unreachable'; latestVersion: null; reason: UpdateProblem; detail: string }
  | { state: 'bad_feed'; latestVersion: null; reason: null; detail: string };

export function channelFile(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'latest.yml' : platform === 'darwin' ? 'latest-mac.yml' : 'latest-linux.yml';
}

/** Semantic versions compared by their numbers; a pre-release is older than its release. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => {
    const [core = '', pre] = v.replace(/^v/, '').split('-', 2);
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre: pre ?? null };
  };
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

export async function checkFeed(feedUrl: string, currentVersion: string, platform: NodeJS.Platform, timeoutMs = 5000): Promise<FeedAnswer> {
  const url = new URL(channelFile(platform), feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`);
  let text: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) {
      return { state: 'unreachable', latestVersion: null, reason: httpProblem(response.status), detail: `HTTP ${response.status} for ${url.pathname}` };
    }
    text = await response.text();
  } catch (error) {
    return {
      state: 'unreachable',
      latestVersion: null,
      reason: updateProblemOf(error),
      detail: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error),
    };
  }
  let version: unknown;
  // The YAML parser is loaded here, not at start: about 40 ms of every start, for a check that
  // runs when the owner asks for one.
  const { parse } = await import('yaml');
  try {
    version = (parse(text) as { version?: unknown } | null)?.version;
  } catch (error) {
    return {
      state: 'bad_feed',
      latestVersion: null,
      reason: null,
      detail: error instanceof Error ? (error.message.split('\n')[0] ?? 'unreadable') : 'unreadable',
    };
  }
  if (typeof version !== 'string' || !/^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
    return { state: 'bad_feed', latestVersion: null, reason: null, detail: `${url.pathname} names no version` };
  }
  return {
    state: compareVersions(version, currentVersion) > 0 ? 'available' : 'up_to_date',
    latestVersion: version.replace(/^v/, ''),
    reason: null,
    detail: null,
  };
}
