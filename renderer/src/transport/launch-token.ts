import { REFUSED_LAUNCH_SELECTOR, TOKEN_STORAGE_KEY } from '../../../preload/contract/web-protocol';

/**
 * Browser mode's credential: the launch token, from the address Ringup printed (?token=) or, on a
 * reload or in another tab, from localStorage, which the browser keeps per origin, port included,
 * so no other local server's pages can read it. Taken out of the address bar once kept, so it is
 * not left in screenshots. Why not a cookie: main/host/web-security.ts.
 */
export function launchToken(): string | null {
  const address = new URL(window.location.href);
  const given = address.searchParams.get('token');
  if (given === null) return stored();
  // The register refused the address's token (an earlier launch's): it is neither kept nor used.
  const refused = launchRefused();
  if (!refused) {
    try {
      window.localStorage.setItem(TOKEN_STORAGE_KEY, given);
    } catch {
      // Storage switched off: this page still works, a reload will ask for the address again.
    }
  }
  address.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', `${address.pathname}${address.search}${address.hash}`);
  return refused ? null : given;
}

/** The register answered this page's address as a stale launch address (main/host/web.ts). */
export function launchRefused(): boolean {
  return document.querySelector(REFUSED_LAUNCH_SELECTOR) !== null;
}

function stored(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}
