import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../preload/channels';
import { eventNames } from '../../preload/contract/events';

// Loads the real preload against a fake `electron` and looks at exactly what it handed to
// contextBridge: that object is the renderer's entire view of the main process.

const fake = vi.hoisted(() => {
  const exposed: { key: string; api: unknown }[] = [];
  const ipcListeners: { channel: string; listener: (...args: unknown[]) => void }[] = [];
  return {
    exposed,
    ipcListeners,
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.push({ key, api })),
      exposeInIsolatedWorld: vi.fn(),
    },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from-main' })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => ipcListeners.push({ channel, listener })),
      once: vi.fn(),
      send: vi.fn(),
      sendSync: vi.fn(),
      postMessage: vi.fn(),
      removeListener: vi.fn(),
      off: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

type Api = { invoke: (name: unknown, input: unknown) => Promise<unknown>; on: (event: unknown, listener: unknown) => () => void };
let api: Api;

const emit = (name: unknown, payload: unknown) => {
  for (const { channel, listener } of fake.ipcListeners) if (channel === EVENT_CHANNEL) listener({ sender: null }, name, payload);
};

beforeAll(async () => {
  await import('../../preload/index');
  api = fake.exposed[0]?.api as Api;
});

describe('preload surface', () => {
  it('exposes exactly one key, ringup', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(fake.exposed.map((e) => e.key)).toEqual(['ringup']);
    expect(fake.contextBridge.exposeInIsolatedWorld).not.toHaveBeenCalled();
  });

  it('exposes only invoke and on, both plain functions', () => {
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.getOwnPropertyNames(api).sort()).toEqual(['invoke', 'on']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    // No getters: contextBridge would evaluate them once, and they hide what crosses.
    for (const key of Object.keys(api)) expect(Object.getOwnPropertyDescriptor(api, key)?.get).toBeUndefined();
  });

  it('never hands over ipcRenderer or any of its methods', () => {
    const values = Object.values(api);
    for (const method of Object.values(fake.ipcRenderer)) expect(values).not.toContain(method);
    expect(values).not.toContain(fake.ipcRenderer);
  });

  it('listens on the events channel only, and sends nothing on load', () => {
    expect(fake.ipcListeners.map((l) => l.channel)).toEqual([EVENT_CHANNEL]);
    expect(fake.ipcRenderer.send).not.toHaveBeenCalled();
    expect(fake.ipcRenderer.sendSync).not.toHaveBeenCalled();
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('invoke', () => {
  it("forwards name and input on the one invoke channel and returns main's result", async () => {
    const result = await api.invoke('sale.current', {});
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNEL, 'sale.current', {});
    expect(result).toEqual({ ok: true, value: 'from-main' });
  });

  it('passes even odd names through unchanged: the router in main is the judge', async () => {
    await api.invoke('__proto__', { x: 1 });
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNEL, '__proto__', { x: 1 });
  });
});

describe('on', () => {
  it('delivers allow-listed events and returns a working unsubscribe', () => {
    const heard: unknown[] = [];
    const off = api.on('sale.changed', (p: unknown) => heard.push(p));
    expect(typeof off).toBe('function');
    emit('sale.changed', { id: 's1' });
    emit('session.changed', { other: true });
    expect(heard).toEqual([{ id: 's1' }]);
    off();
    emit('sale.changed', { id: 's2' });
    expect(heard).toEqual([{ id: 's1' }]);
    off(); // twice is harmless
  });

  it('accepts every contract event', () => {
    for (const name of eventNames) api.on(name, () => undefined)();
  });

  it('refuses unknown events and non-function listeners', () => {
    for (const bad of ['ipc', 'sale.changed ', '__proto__', 'constructor', 42, null, undefined]) {
      expect(() => api.on(bad, () => undefined)).toThrow(TypeError);
    }
    expect(() => api.on('sale.changed', 'alert(1)')).toThrow(TypeError);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const heard: unknown[] = [];
    const off1 = api.on('hardware.status', () => {
      throw new Error('broken screen');
    });
    const off2 = api.on('hardware.status', (p: unknown) => heard.push(p));
    emit('hardware.status', 'paper out');
    expect(heard).toEqual(['paper out']);
    off1();
    off2();
  });

  it('ignores messages with a non-string event name', () => {
    expect(() => emit({ toString: () => 'sale.changed' }, 1)).not.toThrow();
  });
});

describe('preload source', () => {
  it('imports values only from electron, the event-name list and the channel names', () => {
    const source = readFileSync(join(__dirname, '../../preload/index.ts'), 'utf8');
    const valueImports = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(valueImports.sort()).toEqual(['./channels', './contract/events', 'electron']);
    expect(source).not.toMatch(/\bzod\b|require\(/);
  });

  it('channels.ts and contract/events.ts stay free of value imports (they are bundled into the preload)', () => {
    for (const file of ['../../preload/channels.ts', '../../preload/contract/events.ts']) {
      const source = readFileSync(join(__dirname, file), 'utf8');
      expect(source).not.toMatch(/^import\s+(?!type\s)/m);
    }
  });
});
