// The Content-Security-Policy sent with every file the app:// protocol serves. The renderer is a
// bundled single-page app: its own scripts and styles, no inline code, no eval, no frames, no
// network. Talking to the register goes through the preload's IPC, which CSP does not govern.

export const APP_CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
  ['worker-src', "'none'"],
];

export function appCsp(): string {
  return APP_CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** Headers for every app:// response besides Content-Type. */
export function appResponseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': appCsp(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}
