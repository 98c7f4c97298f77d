// Messages on the browser-mode WebSocket, shared by the host (main/host/web.ts) and the
// renderer's client (renderer/src/transport/websocket-client.ts).
import { MAX_CSV_BYTES } from './limits';
import type { Result } from './result';

export type ClientMessage = { type: 'call'; id: number; name: string; input: unknown };

export type ServerMessage = { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; event: string; payload: unknown };

/** JSON.stringify writes a control character as \u00XX: six bytes for one, the most any byte of text grows. */
const JSON_WORST_GROWTH = 6;
/** What surrounds the CSV in its call: type, id, call name and field name, with room to spare. */
const ENVELOPE_BYTES = 1024;

/**
 * The largest message the socket takes, in bytes. Derived from the largest input a schema accepts
 * (a catalog CSV) at its worst JSON growth, so any call main would accept also fits through the
 * socket: a bigger message is refused by the socket only when the schema would refuse it too.
 */
export const MAX_MESSAGE_BYTES = MAX_CSV_BYTES * JSON_WORST_GROWTH + ENVELOPE_BYTES;

/** The customer display's socket: same token rules, but it hears `display.changed` alone and may only read its view. */
export const DISPLAY_SOCKET_PATH = '/ws/display';

/** The subprotocol the page asks for and the host answers with. */
export const WS_PROTOCOL = 'ringup.v1';

/**
 * The launch token rides on the upgrade as a second offered subprotocol, `ringup.token.<token>`;
 * the host answers with WS_PROTOCOL alone. Why not a cookie: main/host/web-security.ts.
 */
export const WS_TOKEN_PREFIX = 'ringup.token.';

/** Where the page keeps the token: localStorage, which the browser keys by origin, port included. */
export const TOKEN_STORAGE_KEY = 'ringup.launchToken';

/**
 * A launch address with a token that is not this launch's (an earlier one's, mistyped) is answered
 * 403 with the page itself, marked by this meta tag: the page keeps no token and says, in the
 * cashier's language, that the address changes every time Ringup starts.
 */
export const REFUSED_LAUNCH_META = '<meta name="ringup-launch" content="token-refused" />';
export const REFUSED_LAUNCH_SELECTOR = 'meta[name="ringup-launch"][content="token-refused"]';
