// A stand-in for the `electron` module, loaded with `node --require` in front of the BUILT main
// bundle (out/main/index.js), so that the desktop shell's start sequence can be checked on a
// machine where the Electron binary cannot be downloaded. It records every call in order and,
// once the window has loaded the register's page, plays a Windows logoff ('session-end') and writes the
// record to RINGUP_FAKE_ELECTRON_LOG. Only what the shell uses is faked; anything else throws.
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const { writeFileSync } = require('node:fs');

const calls = [];
const record = (name, args = {}) => calls.push({ name, ...args });
const paths = { appData: process.env.RINGUP_FAKE_APPDATA ?? '/nonexistent' };
const windows = [];

function finish() {
  writeFileSync(process.env.RINGUP_FAKE_ELECTRON_LOG, JSON.stringify(calls, null, 2));
  process.exit(0);
}

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  enableSandbox: () => record('app.enableSandbox'),
  setName: (name) => record('app.setName', { value: name }),
  getPath: (name) => {
    if (!(name in paths)) throw new Error(`fake electron: no path ${name}`);
    return paths[name];
  },
  setPath: (name, value) => {
    paths[name] = value;
    record('app.setPath', { key: name, value });
  },
  requestSingleInstanceLock: () => true,
  whenReady: () =>
    new Promise((resolve) =>
      setImmediate(() => {
        record('app.ready');
        resolve();
      }),
    ),
  quit: () => record('app.quit'),
  exit: (code) => {
    record('app.exit', { code });
    finish();
  },
});

class WebContents extends EventEmitter {
  setWindowOpenHandler() {
    record('webContents.setWindowOpenHandler');
  }
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.url ?? '';
  }
  send() {}
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    record('BrowserWindow', { options });
    this.webContents = new WebContents();
    app.emit('web-contents-created', {}, this.webContents);
    windows.push(this);
  }
  static getAllWindows() {
    return windows;
  }
  loadURL(url) {
    record('window.loadURL', { url });
    this.webContents.url = url;
    if (!url.endsWith('/index.html')) {
      // A page without the register (the opening page): painted on the next turn, as Chromium would.
      setImmediate(() => this.emit('ready-to-show'));
      return Promise.resolve();
    }
    // Let the start sequence finish, then log off as Windows does: 'session-end', no 'will-quit'.
    setTimeout(() => {
      record('emit session-end');
      this.emit('session-end');
      finish();
    }, 50);
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  show() {
    record('window.show');
    this.emit('show');
  }
  focus() {}
}

const session = {
  defaultSession: Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: () => record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: () => record('session.setPermissionCheckHandler'),
    setDevicePermissionHandler: () => record('session.setDevicePermissionHandler'),
    setDisplayMediaRequestHandler: () => record('session.setDisplayMediaRequestHandler'),
    webRequest: { onBeforeRequest: () => record('session.webRequest.onBeforeRequest') },
  }),
};

const fake = {
  app,
  BrowserWindow,
  session,
  dialog: { showErrorBox: (title, message) => record('dialog.showErrorBox', { title, message }) },
  Menu: {
    setApplicationMenu: (menu) => record('Menu.setApplicationMenu', { menu }),
    buildFromTemplate: (template) => ({ template }),
  },
  powerMonitor: Object.assign(new EventEmitter(), {}),
  // One screen, as on most tills: no customer display window is opened.
  screen: {
    getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getPrimaryDisplay: () => ({ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }),
  },
  // Where the desktop keeps provider secrets; a test machine has no keyring, as a headless Linux till may not.
  safeStorage: {
    isEncryptionAvailable: () => false,
    getSelectedStorageBackend: () => 'basic_text',
    encryptString: () => {
      throw new Error('fake electron: no keyring');
    },
    decryptString: () => {
      throw new Error('fake electron: no keyring');
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => record('protocol.registerSchemesAsPrivileged', { schemes }),
    handle: (scheme) => record('protocol.handle', { scheme }),
  },
  ipcMain: {
    handle: (channel) => record('ipcMain.handle', { channel }),
    removeHandler: (channel) => record('ipcMain.removeHandler', { channel }),
  },
};

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'electron') return fake;
  return originalLoad.call(this, request, parent, isMain);
};

// The shell logs through console; keep its lines for the test.
for (const level of ['log', 'info', 'error']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    record('log', { text: args.map(String).join(' ') });
    original(...args);
  };
}
