import type { Page } from '@playwright/test';

/** A call the page sends to the register, as the relay sees it. */
export interface RelayedCall {
  name: string;
  input: unknown;
}

export interface HeldAnswers {
  /** From now on, holds the answer to every call `pick` picks, until `release()`. */
  hold(pick: (call: RelayedCall) => boolean): void;
  release(): void;
}

/**
 * Routes the page's socket through a relay that holds the register's answers to the calls
 * `hold` picks: a busy till, where the cashier keys faster than the register answers. By
 * default everything the register says after a held answer waits behind it, so the order of
 * what it says is kept and only its timing is a busy till's. `{ overtake: true }` lets the rest
 * pass (a search answered while a scan's answer is still on its way), for a test that needs that
 * one order of the two. Call before the page loads; nothing is held until `hold`.
 */
export async function holdAnswers(page: Page, { overtake = false } = {}): Promise<HeldAnswers> {
  let pick: (call: RelayedCall) => boolean = () => false;
  let release = () => {};
  let released = Promise.resolve();
  await page.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    const held = new Set<number>();
    let queue = Promise.resolve();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as RelayedCall & { type: string; id?: number };
      if (call.type === 'call' && call.id !== undefined && pick(call)) held.add(call.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const reply = JSON.parse(String(message)) as { type: string; id?: number };
      const holdThis = reply.type === 'result' && reply.id !== undefined && held.delete(reply.id);
      const wait = released;
      if (overtake) {
        if (holdThis) void wait.then(() => ws.send(message));
        else ws.send(message);
        return;
      }
      queue = queue.then(() => (holdThis ? wait : undefined)).then(() => ws.send(message));
    });
  });
  return {
    hold(next) {
      pick = next;
      released = new Promise<void>((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}
