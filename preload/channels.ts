// IPC channel names shared by the preload and the Electron shell. Plain strings, nothing else:
// this file is bundled into the sandboxed preload.

/** renderer -> main: (name, input) -> Result. The only request channel. */
export const INVOKE_CHANNEL = 'ringup:invoke';
/** main -> renderer: (event, payload) for every register event. */
export const EVENT_CHANNEL = 'ringup:event';
