import type { EventName, EventPayloads } from '../../preload/contract/events';

type Listener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Fan-out of register events to every connected window, whatever its transport. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // One broken window must not stop the others from hearing about the sale.
      }
    }
  }
}
