import type { RingupApi } from '../../../preload/contract';
import { launchRefused, launchToken } from './launch-token';
import { createWebSocketApi } from './websocket-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    ringup?: RingupApi;
  }
}

/**
 * Picked once: the preload's bridge in Electron, the loopback WebSocket in a browser. A socket
 * that comes back after a drop reloads the page: every screen is main's state read afresh (the
 * cart, a payment under way, the last completion, an exchange all survive a reload by design),
 * rather than what this page last heard before the events it missed.
 */
export const api: RingupApi =
  window.ringup ??
  createWebSocketApi(`ws://${window.location.host}/ws`, launchToken(), launchRefused() ? 'request.stale_token' : 'request.no_token', () =>
    window.location.reload(),
  );
