import type { PlatformPath } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url';
import { containedFile } from '../static-files';

export { containedFile, mimeTypeFor } from '../static-files';

// Maps an app:// request to one file inside the built renderer folder, or refuses it. The
// request URL comes from the renderer, so it is treated as hostile: traversal (plain, %-encoded,
// %2f-smuggled), absolute and drive paths, backslashes, NUL, and Windows stream names.

export type AppRequestDecision = { ok: true; file: string } | { ok: false; status: 400 | 404 | 405 };

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
