// Messages on the browser-mode WebSocket. Shared with the renderer's client (types only).
import type { Result } from './result';

export type ClientMessage = { type: 'call'; id: number; name: string; input: unknown };

export type ServerMessage = { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; event: string; payload: unknown };
