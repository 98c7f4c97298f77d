import { app, type Session, type WebContents } from 'electron';
import { isBlockedRequestUrl } from './electron-policy/app-url';
import { allowNavigation, denyWindowOpen } from './electron-policy/navigation';
import { cancelDeviceChooser, denyDevicePermission, denyPermissionCheck, denyPermissionRequest } from './electron-policy/permissions';
import type { Logger } from '../log';

// Applies the pure policies in electron-policy/ to Electron objects. Kept apart from the window
// code so that every refusal is wired in one place.

export function hardenSession(session: Session, log: Logger): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('select-serial-port', (event, _ports, _contents, callback) => cancelDeviceChooser(event, callback));
  session.on('select-hid-device', (event, _details, callback) => cancelDeviceChooser(event, callback));
  session.on('select-usb-device', (event, _details, callback) => cancelDeviceChooser(event, callback));
  session.on('will-download', (event) => event.preventDefault());
  // No remote content: the page's CSP says so, and main says so again for a renderer that ignores it.
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = isBlockedRequestUrl(details.url);
    if (cancel) log.error(`blocked request to ${details.url.slice(0, 200)}`);
    callback({ cancel });
  });
}

function hardenWebContents(contents: WebContents, log: Logger): void {
  const refuse = (what: string) => (event: { preventDefault(): void }, url?: unknown) => {
    if (typeof url === 'string' && allowNavigation(url)) return;
    event.preventDefault();
    log.error(`refused ${what}${typeof url === 'string' ? ` to ${url.slice(0, 200)}` : ''}`);
  };
  contents.on('will-navigate', (event) => refuse('navigation')(event, event.url));
  contents.on('will-frame-navigate', (event) => refuse('frame navigation')(event, event.url));
  contents.on('will-redirect', (event) => refuse('redirect')(event, event.url));
  contents.on('will-attach-webview', (event) => refuse('webview')(event));
  contents.on('select-bluetooth-device', (event, _devices, callback) => cancelDeviceChooser(event, callback));
  contents.setWindowOpenHandler(denyWindowOpen);
}

/** Every webContents the app ever creates (windows, and anything a bug might create) is hardened. */
export function hardenAllWebContents(log: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
}
