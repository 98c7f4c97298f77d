// The sale whose correction this window is giving back to a card, kept across a reload of the page
// (sessionStorage: this window only). The reloaded page asks main how that give-back is doing and
// shows its step and its ending on the refund screen, as the payment screen does for a payment.
const KEY = 'ringup.givingBack';

/** A correction of the sale opened from this moment on is this window's (clocks of one machine; a little slack). */
export interface GiveBackMarker {
  saleId: string;
  since: number;
}

export function rememberGiveBack(saleId: string): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify({ saleId, since: Math.max(0, Date.now() - 5000) }));
  } catch {
    // No storage (a locked-down profile): a reload then shows the sale screen, and the correction in the back office.
  }
}

export function giveBackMarker(): GiveBackMarker | null {
  try {
    const kept = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null') as Partial<GiveBackMarker> | null;
    return typeof kept?.saleId === 'string' && typeof kept.since === 'number' ? { saleId: kept.saleId, since: kept.since } : null;
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
