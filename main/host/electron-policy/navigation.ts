import type { WebContents } from 'electron';

// The cashier UI is a single page with in-page routing. Nothing it legitimately does leaves
// app://ringup/index.html, so every navigation, redirect, popup and webview is refused.

type WindowOpenHandler = Parameters<WebContents['setWindowOpenHandler']>[0];

export function allowNavigation(_url: string): boolean {
  return false;
}

export const denyWindowOpen: WindowOpenHandler = () => ({ action: 'deny' });

/** The webContents events whose default action is a navigation or a new guest page. */
export const NAVIGATION_EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'] as const;
