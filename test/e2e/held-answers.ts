import type { Page } from '@playwright/test';

/** A call the page sends to the register, as the relay sees it. */
export interface RelayedCall {
  name?: string;
}

/**
 * Routes the page's socket through a relay that holds the register's answer to every call `hold`
 * picks until `release()`. By default everything the register says after a held answer waits
 * behind it: the order of what the register says is kept, only its timing is a busy till's.
 * `{ overtake: true }` lets the rest pass it (a search answered while a scan's answer is still on
 * its way), for a test that needs one order of the two. Call before the page loads.
 */
export async function holdAnswers(page: Page, hold: (call: RelayedCall) => boolean, { overtake = false } = {}): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    const held = new Set<number>();
    let queue = Promise.resolve();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as RelayedCall & { type: string; id?: number };
      if (call.type === 'call' && call.id !== undefined && hold(call)) held.add(call.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const reply = JSON.parse(String(message)) as { type: string; id?: number };
      const holdThis = reply.type === 'result' && reply.id !== undefined && held.delete(reply.id);
      if (overtake) {
        if (holdThis) void released.then(() => ws.send(message));
        else ws.send(message);
        return;
      }
      queue = queue.then(() => (holdThis ? released : undefined)).then(() => ws.send(message));
    });
  });
  return release;
}
