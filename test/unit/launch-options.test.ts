import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseLaunchOptions } from '../../main/host/data-dir';

describe('browser-mode launch options', () => {
  const env = { XDG_CONFIG_HOME: '/home/li/.config' };

  it('keeps the ledger in the per-user app folder', () => {
    expect(defaultDataDir(env, 'linux')).toBe('/home/li/.config/Ringup');
    expect(parseLaunchOptions([], env)).toMatchObject({ dataDir: '/home/li/.config/Ringup', ledgerFile: null, demo: false, port: 0 });
  });

  it('puts the demo in its own folder so demo sales never reach the real books', () => {
    expect(parseLaunchOptions(['--demo'], env).dataDir).toBe(join('/home/li/.config/Ringup', 'demo'));
    expect(parseLaunchOptions(['--demo', '--data-dir', '/tmp/try'], env).dataDir).toBe('/tmp/try');
  });

  it('reads flags before the environment, and refuses a port out of range', () => {
    expect(
      parseLaunchOptions(['--port=5400', '--printer', 'tcp://127.0.0.1:9100'], { ...env, RINGUP_PORT: '1', RINGUP_TERMINAL: '/dev/ttyUSB0' }),
    ).toMatchObject({
      port: 5400,
      printer: 'tcp://127.0.0.1:9100',
      terminal: '/dev/ttyUSB0',
    });
    expect(parseLaunchOptions(['--port', '70000'], env).port).toBe(0);
  });
});
