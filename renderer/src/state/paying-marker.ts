// The sale this window sent to the terminal or a provider, kept across a reload of the page (and
// only this page: sessionStorage is per window). The reloaded page asks main how that payment is
// doing, and shows its ending even when it came while the page was gone.
const KEY = 'ringup.paying';

export function rememberPaying(saleId: string): void {
  try {
    window.sessionStorage.setItem(KEY, saleId);
  } catch {
    // No storage (a locked-down profile): a reload then shows the register's open sale as it is.
  }
}

export function payingMarker(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function forgetPaying(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // see rememberPaying
  }
}
