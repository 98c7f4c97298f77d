import type { CallInput, CallName, CallResult, EventName, EventPayloads, RingupApi } from '../../../preload/contract';
import type { Result } from '../../../preload/contract/result';
import { utf8ByteLength } from '../../../preload/contract/limits';
import { MAX_MESSAGE_BYTES, WS_PROTOCOL, WS_TOKEN_PREFIX, type ClientMessage, type ServerMessage } from '../../../preload/contract/web-protocol';

/**
 * Browser mode's transport: the same RingupApi as Electron's preload, over one WebSocket to the
 * loopback host. Calls made while the socket is (re)connecting wait for it; a call whose socket
 * drops gets `request.transport_failed` rather than hanging the till. Without a launch token
 * nothing is tried: every call says `request.no_token` (`request.stale_token` when the register
 * refused the address's token as another launch's).
 */
export function createWebSocketApi(
  url: string,
  token: string | null,
  noToken: 'request.no_token' | 'request.stale_token' = 'request.no_token',
  /**
   * Called when the socket opens again after it had been open and closed: the events sent
   * meanwhile never reached this page (the host cuts off a tab that stopped reading), so what it
   * shows may be stale.
   */
  onReconnected?: () => void,
): RingupApi {
  let socket: WebSocket | null = null;
  let wasOpen = false;
  let opening: Promise<WebSocket> | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  function connect(token: string): Promise<WebSocket> {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    opening = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url, [WS_PROTOCOL, `${WS_TOKEN_PREFIX}${token}`]);
      ws.onopen = () => {
        socket = ws;
        opening = null;
        resolve(ws);
        if (wasOpen) onReconnected?.();
        wasOpen = true;
      };
      ws.onerror = () => {
        opening = null;
        reject(new Error('socket failed'));
      };
      ws.onclose = () => {
        if (socket === ws) socket = null;
        for (const [id, settle] of pending) {
          pending.delete(id);
          settle({ ok: false, error: { code: 'request.transport_failed', params: {} } });
        }
        // Events only flow on an open socket: reconnect shortly so a restarted register is heard again.
        if (listeners.size > 0) setTimeout(() => void connect(token).catch(() => undefined), 1000);
      };
      ws.onmessage = (event: MessageEvent<string>) => {
        const message = JSON.parse(event.data) as ServerMessage;
        if (message.type === 'result') {
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
        } else {
          for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
        }
      };
    });
    return opening;
  }

  return {
    async invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallResult<N>>> {
      if (token === null) return { ok: false, error: { code: noToken, params: {} } };
      let ws: WebSocket;
      try {
        ws = await connect(token);
      } catch {
        return { ok: false, error: { code: 'request.transport_failed', params: {} } };
      }
      const id = nextId++;
      const message: ClientMessage = { type: 'call', id, name, input };
      const text = JSON.stringify(message);
      // The host would close the socket on it (1009) and every call in flight would fail with it.
      if (utf8ByteLength(text) > MAX_MESSAGE_BYTES) return { ok: false, error: { code: 'request.too_large', params: {} } };
      return new Promise((resolve) => {
        pending.set(id, resolve as (r: Result<unknown>) => void);
        ws.send(text);
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      if (token !== null) void connect(token).catch(() => undefined);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
