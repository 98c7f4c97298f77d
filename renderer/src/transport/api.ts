import type { RingupApi } from '../../../preload/contract';
import { launchRefused, launchToken } from './launch-token';
import { createWebSocketApi } from './websocket-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    ringup?: RingupApi;
  }
}

/** Picked once: the preload's bridge in Electron, the loopback WebSocket in a browser. */
export const api: RingupApi =
  window.ringup ?? createWebSocketApi(`ws://${window.location.host}/ws`, launchToken(), launchRefused() ? 'request.stale_token' : 'request.no_token');
