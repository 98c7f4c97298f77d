import type { PlatformPath } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url';

// Maps an app:// request to one file inside the built renderer folder, or refuses it. The
// request URL comes from the renderer, so it is treated as hostile: traversal (plain, %-encoded,
// %2f-smuggled), absolute and drive paths, backslashes, NUL, and Windows stream names.

export type AppRequestDecision =
  | { ok: true; file: string }
  | { ok: false; status: 400 | 404 | 405 };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(file: string, path: Pick<PlatformPath, 'extname'>): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A path (already URL-decoded) resolved inside root, or null if it would leave root. */
export function containedFile(root: string, decodedPath: string, path: Pick<PlatformPath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>): string | null {
  if (decodedPath.includes('\0') || decodedPath.includes('\\') || decodedPath.includes(':')) return null;
  const segments = decodedPath.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (segments.length === 0) return null;
  const absoluteRoot = path.resolve(root);
  const target = path.resolve(absoluteRoot, ...segments);
  const rel = path.relative(absoluteRoot, target);
  if (rel === '' || path.isAbsolute(rel) || rel === '..' || rel.startsWith(`..${path.sep}`)) return null;
  return target;
}

/** Decides what an app:// request gets: a file under root, or a status code. */
export function resolveAppRequest(
  root: string,
  requestUrl: string,
  method: string,
  path: Pick<PlatformPath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>,
): AppRequestDecision {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405 };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return { ok: false, status: 404 };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  const file = containedFile(root, decoded === '/' ? '/index.html' : decoded, path);
  return file ? { ok: true, file } : { ok: false, status: 404 };
}
