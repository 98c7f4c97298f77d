// The sale whose correction this window is giving back to a card, kept across a reload of the page
// (sessionStorage: this window only). The reloaded page asks main how that give-back is doing and
// shows its step and its ending on the refund screen, as the payment screen does for a payment.
const KEY = 'ringup.givingBack';

export function rememberGiveBack(saleId: string): void {
  try {
    window.sessionStorage.setItem(KEY, saleId);
  } catch {
    // No storage (a locked-down profile): a reload then shows the sale screen, and the correction in the back office.
  }
}

export function giveBackMarker(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function forgetGiveBack(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // see rememberGiveBack
  }
}
