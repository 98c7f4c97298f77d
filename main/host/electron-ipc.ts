import { BrowserWindow, ipcMain } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../preload/channels';
import { isAppUrl } from './electron-policy/app-url';
import { isTrustedSender } from './electron-policy/sender';
import { callAllowedFrom, eventAllowedTo } from './electron-policy/customer-display';
import type { Register } from '../register';
import type { Logger } from '../log';

// The transport: one ipcMain.handle channel into the router and one channel out for events.
// The router validates and authorizes every call; this file only checks who is asking.

export function bindRegisterToIpc(register: Register, log: Logger): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      log.error(`refused IPC from an untrusted frame (${event.senderFrame?.url?.slice(0, 200) ?? 'gone'})`);
      throw new Error('untrusted sender');
    }
    if (!callAllowedFrom(event.senderFrame?.url, name)) return { ok: false, error: { code: 'request.unknown_call', params: {} } };
    return register.dispatch(name, input);
  });

  const unsubscribe = register.events.subscribe((event, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const contents = win.webContents;
      // Only a window that still shows our page hears about sales.
      if (win.isDestroyed() || contents.isDestroyed() || !isAppUrl(contents.getURL()) || !eventAllowedTo(contents.getURL(), event)) continue;
      contents.send(EVENT_CHANNEL, event, payload);
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
