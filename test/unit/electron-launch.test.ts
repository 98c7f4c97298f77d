import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronLaunch } from '../../main/host/electron-policy/launch';
import { LEDGER_FILE_NAME } from '../../main/register';

const userData = join('/home/kim/.config', 'Ringup');

describe('electronLaunch', () => {
  it('keeps the ledger in the per-user data folder by default', () => {
    expect(electronLaunch(['.'], {}, userData)).toEqual({
      dataDir: userData,
      dataDirIsDefault: true,
      ledgerFile: join(userData, LEDGER_FILE_NAME),
      demo: false,
      printer: null,
      terminal: null,
    });
  });

  it('lets --data-dir and RINGUP_DATA_DIR move it, the flag first', () => {
    expect(electronLaunch(['.', '--data-dir', '/srv/till'], { RINGUP_DATA_DIR: '/env/dir' }, userData).dataDir).toBe('/srv/till');
    expect(electronLaunch(['.', '--data-dir=/srv/till2'], {}, userData).ledgerFile).toBe(join('/srv/till2', LEDGER_FILE_NAME));
    expect(electronLaunch(['.'], { RINGUP_DATA_DIR: '/env/dir' }, userData).dataDir).toBe('/env/dir');
  });

  it('ignores an empty RINGUP_DATA_DIR', () => {
    expect(electronLaunch(['.'], { RINGUP_DATA_DIR: '' }, userData).dataDir).toBe(userData);
  });

  it('lets --ledger or RINGUP_LEDGER name the file itself', () => {
    expect(electronLaunch(['.', '--ledger', '/mnt/usb/shop.sqlite'], {}, userData)).toMatchObject({ dataDir: userData, ledgerFile: '/mnt/usb/shop.sqlite' });
    expect(electronLaunch(['.'], { RINGUP_LEDGER: '/x.sqlite' }, userData).ledgerFile).toBe('/x.sqlite');
  });

  it('passes --printer and --terminal on, as browser mode does', () => {
    expect(electronLaunch(['.', '--printer', 'tcp://127.0.0.1:9100', '--terminal=/dev/ttyUSB0'], {}, userData)).toMatchObject({
      printer: 'tcp://127.0.0.1:9100',
      terminal: '/dev/ttyUSB0',
    });
    expect(electronLaunch(['.'], { RINGUP_PRINTER: 'file:///tmp/r.bin', RINGUP_TERMINAL: 'tcp://10.0.0.5:20007' }, userData)).toMatchObject({
      printer: 'file:///tmp/r.bin',
      terminal: 'tcp://10.0.0.5:20007',
    });
  });

  it('reads --demo and RINGUP_DEMO=1', () => {
    expect(electronLaunch(['.', '--demo'], {}, userData).demo).toBe(true);
    expect(electronLaunch(['.'], { RINGUP_DEMO: '1' }, userData).demo).toBe(true);
  });

  it('keeps the demo out of the real ledger unless a folder is given', () => {
    expect(electronLaunch(['.', '--demo'], {}, userData)).toMatchObject({
      dataDir: join(userData, 'demo'),
      ledgerFile: join(userData, 'demo', LEDGER_FILE_NAME),
    });
    expect(electronLaunch(['.', '--demo', '--data-dir', '/srv/try'], {}, userData).dataDir).toBe('/srv/try');
    expect(electronLaunch(['.', '--demo'], { RINGUP_DATA_DIR: '/env/dir' }, userData).dataDir).toBe('/env/dir');
  });
});
