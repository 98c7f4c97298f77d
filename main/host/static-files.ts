import type { PlatformPath } from 'node:path';

// Serving the built renderer, for both hosts (app:// in Electron, loopback HTTP in browser mode).
// Request paths come from a page and are treated as hostile.

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
