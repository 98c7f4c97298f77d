import type { RingupApi } from '../../../preload/contract';
import { DISPLAY_SOCKET_PATH } from '../../../preload/contract/web-protocol';
import { launchRefused, launchToken } from '../transport/launch-token';
import { createWebSocketApi } from '../transport/websocket-client';

/**
 * The display's way to the register: in a browser its own read-only socket (the host lets it
 * read its view and hear `display.changed`, nothing else); in Electron the display window's bridge.
 * Back after a drop, it reloads, as the register's page does (transport/api.ts): the customer never
 * reads a total that changed while the display heard nothing.
 */
export const displayApi: RingupApi =
  window.ringup ??
  createWebSocketApi(`ws://${window.location.host}${DISPLAY_SOCKET_PATH}`, launchToken(), launchRefused() ? 'request.stale_token' : 'request.no_token', () =>
    window.location.reload(),
  );
