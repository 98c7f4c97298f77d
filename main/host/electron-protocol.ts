import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME } from './electron-policy/app-url';
import { appResponseHeaders } from './electron-policy/csp';
import { mimeTypeFor, resolveAppRequest } from './electron-policy/protocol-path';

// app://ringup serves the built renderer instead of file://, which would give the page the
// whole disk as its origin. Standard + secure makes it a real origin with a secure context.

/**
 * Must run before app 'ready', in one call (a second call replaces the first). Vite emits
 * `<script type="module" crossorigin>`, fetched in CORS mode, hence corsEnabled; bypassCSP is
 * deliberately absent so the page's CSP applies to app:// too.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: appResponseHeaders() });
}

/** Serves files from rendererDir on app://ringup/…; anything else is refused. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const decision = resolveAppRequest(rendererDir, request.url, request.method, path);
    if (!decision.ok) return refuse(decision.status);
    const info = await stat(decision.file).catch(() => null);
    if (!info?.isFile()) return refuse(404);
    const body = request.method === 'HEAD' ? null : await readFile(decision.file);
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': mimeTypeFor(decision.file, path), ...appResponseHeaders() },
    });
  });
}
