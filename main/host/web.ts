import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { consoleLogger, type Logger } from '../log';
import type { Register } from '../register';
import { containedFile, mimeTypeFor } from './static-files';
import { isAllowedHost, isAllowedOrigin, isWellFormedToken, offeredToken, tokensEqual, webCsp } from './web-security';
import {
  DISPLAY_SOCKET_PATH,
  MAX_MESSAGE_BYTES,
  REFUSED_LAUNCH_META,
  WS_PROTOCOL,
  type ClientMessage,
  type ServerMessage,
} from '../../preload/contract/web-protocol';
import { customerDisplayCallNames } from '../../preload/contract/customer-display';

export interface WebHostOptions {
  register: Register;
  /** Built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Where a dropped client or a socket failure is written (default: the console). */
  log?: Logger;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * What one socket may have waiting to go out before the host gives up on it. A tab the browser
 * froze (in the background, a laptop asleep) keeps its connection but reads nothing, and every
 * event of the day would pile up in the register's memory. Far above the largest answer
 * (MAX_MESSAGE_BYTES) and a burst of events after it, so a page that reads is never cut off; one
 * that was cut off connects again when it wakes (renderer/src/transport/websocket-client.ts).
 */
export const MAX_QUEUED_BYTES = 32 * 1024 * 1024;

/**
 * Browser mode: the same renderer and router as the desktop app, served on 127.0.0.1 only. The
 * launch address carries the token to the page, which keeps it and presents it on the WebSocket,
 * the one way to the register's data (web-security.ts says why it is not a cookie).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  if (!isWellFormedToken(token)) throw new Error('the launch token must be at least 16 characters of A-Z, a-z, 0-9, "-" and "_"');
  const log = options.log ?? consoleLogger;
  let port = options.port ?? 0;

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body = '', headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (!isAllowedHost(req.headers.host, port)) return send(403, 'host not allowed');
    if (!isAllowedOrigin(req.headers.origin, port, false)) return send(403, 'origin not allowed');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/health') return send(200, 'ok');

    // The page takes a good token from the address itself; a stale one (an earlier launch's) is
    // refused here, 403, so the owner learns at once to use the address printed this time. The
    // refusal is the page (the cashier screen or the customer display) marked as refused, so it
    // says so in the browser's language, as it does for an address without a token.
    const queryToken = url.searchParams.get('token');
    const refused = queryToken !== null && !tokensEqual(queryToken, token);
    let requested: string;
    try {
      requested = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    } catch {
      return refused ? send(403, 'wrong token') : send(400, 'bad path');
    }
    if (refused && !requested.endsWith('.html')) requested = '/index.html';
    const file = containedFile(options.staticDir, requested, path);
    if (!file) return refused ? send(403, 'wrong token') : send(404, 'not found');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return refused ? send(403, 'wrong token') : send(404, 'not found');
    const content = await readFile(file);
    const body = refused ? Buffer.from(markRefused(content.toString('utf8'))) : content;
    res.writeHead(refused ? 403 : 200, {
      'Content-Type': mimeTypeFor(file, path),
      'Content-Security-Policy': webCsp(port),
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      // Pages of other local servers may neither embed these files nor keep a handle on our window.
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // Answer with our protocol alone: the token the page offered beside it is never echoed.
    handleProtocols: (offered) => (offered.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });
  // An 'error' event nobody listens to ends the process: the register must outlive any client.
  wss.on('error', (error) => log.error('browser mode: WebSocket server error', error));

  server.on('upgrade', (req, socket, head) => {
    // Until ws takes the socket over, a client resetting it mid-handshake is ours to absorb.
    socket.on('error', (error) => log.error('browser mode: connection failed during the WebSocket handshake', error));
    const allowed =
      isAllowedHost(req.headers.host, port) &&
      isAllowedOrigin(req.headers.origin, port, true) &&
      tokensEqual(offeredToken(req.headers['sec-websocket-protocol']), token) &&
      (requestPath(req.url) === '/ws' || requestPath(req.url) === DISPLAY_SOCKET_PATH);
    if (!allowed) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, requestPath(req.url) === DISPLAY_SOCKET_PATH));
  });

  const sockets = new Set<WebSocket>();
  // Customer displays: read-only connections that hear `display.changed` alone and may make the
  // display's calls alone, so a screen facing the shop floor can neither act nor read the till.
  const displays = new WeakSet<WebSocket>();
  const unsubscribe = options.register.events.subscribe((event, payload) => {
    const message: ServerMessage = { type: 'event', event, payload };
    const text = JSON.stringify(message);
    for (const ws of sockets) if (!displays.has(ws) || event === 'display.changed') deliver(ws, text);
  });

  /** Sends to a socket that reads; one that has stopped reading (see MAX_QUEUED_BYTES) is cut off instead. */
  function deliver(ws: WebSocket, text: string): void {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > MAX_QUEUED_BYTES) {
      sockets.delete(ws);
      log.error(`browser mode: dropped a WebSocket client that stopped reading (${ws.bufferedAmount} bytes waiting for it)`);
      ws.terminate();
      return;
    }
    ws.send(text);
  }

  function serveSocket(ws: WebSocket, display: boolean): void {
    sockets.add(ws);
    if (display) displays.add(ws);
    ws.on('close', () => sockets.delete(ws));
    // ws reports every protocol violation (bad UTF-8, reserved bits or opcodes, an unmasked or
    // oversized frame, a long ping) here, having already sent the Close frame with the RFC's code
    // and ended the connection. Unheard, the event would end the process; heard, only this client
    // is cut off.
    ws.on('error', (error: Error & { code?: string }) => {
      sockets.delete(ws);
      log.error(`browser mode: dropped a WebSocket client (${error.code ?? 'error'}: ${error.message})`);
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text only');
      let message: ClientMessage;
      try {
        message = JSON.parse(rawText(data)) as ClientMessage;
      } catch {
        return ws.close(1007, 'bad json');
      }
      if (typeof message !== 'object' || message === null || message.type !== 'call' || typeof message.id !== 'number') return ws.close(1008, 'bad message');
      if (display && !customerDisplayCallNames.includes(message.name)) {
        const refused: ServerMessage = { type: 'result', id: message.id, result: { ok: false, error: { code: 'request.unknown_call', params: {} } } };
        return deliver(ws, JSON.stringify(refused));
      }
      void options.register
        .dispatch(message.name, message.input)
        .then((result) => {
          const reply: ServerMessage = { type: 'result', id: message.id, result };
          deliver(ws, JSON.stringify(reply));
        })
        .catch((error: unknown) => log.error('browser mode: could not answer a call', error));
    });
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    // Loopback only: another machine on the shop's network must never reach the register.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  // Once listening, a failure to accept (too many open files, say) is logged, not fatal.
  server.on('error', (error) => log.error('browser mode: HTTP server error', error));

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** The path of a request target, or null for one that is not a URL at all. */
/** The page with the mark that its address was refused, first in its head (an HTML parser puts it there in any case). */
function markRefused(html: string): string {
  return /<head>/i.test(html) ? html.replace(/<head>/i, `<head>${REFUSED_LAUNCH_META}`) : html.replace(/^(<!doctype[^>]*>)?/i, `$1${REFUSED_LAUNCH_META}`);
}

function requestPath(target: string | undefined): string | null {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

/** A text frame's payload as a string (ws hands it over as one Buffer, or fragments). */
function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
}
