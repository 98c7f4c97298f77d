import type { WebFrameMain } from 'electron';
import { isAppUrl } from './app-url';

// Every IPC message is checked before the router sees it: it must come from the top frame of one
// of our windows, showing our own app:// page. An iframe, a detached frame, or a window that
// somehow reached another URL gets nothing (VS Code's validatedIpcMain does the same).

export type SenderFrame = Pick<WebFrameMain, 'url' | 'parent'> & { detached?: boolean };

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  if (frame.detached === true) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
