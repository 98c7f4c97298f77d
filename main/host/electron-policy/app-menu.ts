import type { MenuItemConstructorOptions } from 'electron';

// Electron's default menu is a developer's: Alt shows it on Windows and Linux, Ctrl+W closes the
// till's only window, Ctrl+R reloads it mid-sale, Ctrl+Shift+I opens dev tools. A register has
// no menu bar. macOS always shows an app menu, so it gets the minimum a Mac user expects (quit,
// and the edit roles that make copy/paste work in text fields), without Close Window or Reload.

/** The application menu for `platform`: null (no menu at all) except on macOS. */
export function appMenuTemplate(platform: NodeJS.Platform, productName: string): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [
    {
      label: productName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }],
    },
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
  ];
}

/** Roles that must never be reachable from the register's menu. */
export const FORBIDDEN_MENU_ROLES = ['close', 'reload', 'forceReload', 'toggleDevTools', 'windowMenu', 'fileMenu', 'viewMenu'] as const;
