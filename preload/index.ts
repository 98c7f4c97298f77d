// The whole bridge between the cashier UI and the register: one object, `window.ringup`, with
// the contract's `invoke` and `on`. No ipcRenderer, no Node, no validation (the router in main
// validates everything). Runs sandboxed, so it must bundle to one CommonJS file: only types come
// from the contract, plus the plain event-name array and the channel names.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { RingupApi } from './contract';
import { eventNames, type EventName } from './contract/events';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

type Listener = (payload: unknown) => void;

const allowedEvents: ReadonlySet<string> = new Set<string>(eventNames);
const listeners = new Map<string, Set<Listener>>();

// One IPC listener for all subscriptions. Functions crossing contextBridge get a new identity
// each time, so removal by identity would never work; on() hands back its own unsubscribe.
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  const set = listeners.get(name);
  if (!set) return;
  for (const listener of [...set]) {
    try {
      listener(payload);
    } catch {
      // A throwing screen must not stop the others from hearing about the event.
    }
  }
});

const api: RingupApi = {
  invoke: (name, input) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input),
  on: (event: EventName, listener: (payload: never) => void) => {
    if (typeof event !== 'string' || !allowedEvents.has(event)) throw new TypeError(`ringup.on: unknown event ${String(event)}`);
    if (typeof listener !== 'function') throw new TypeError('ringup.on: listener must be a function');
    const wrapped: Listener = (payload) => (listener as Listener)(payload);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('ringup', api);
