import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import {
  cancelDeviceChooser,
  denyDevicePermission,
  denyPermissionCheck,
  denyPermissionRequest,
  isPermissionGranted,
} from '../../main/host/electron-policy/permissions';

const PERMISSIONS = [
  'serial',
  'hid',
  'usb',
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'openExternal',
  'midi',
  'midiSysex',
  'pointerLock',
  'fileSystem',
  'idle-detection',
  'local-fonts',
  'persistent-storage',
  'storage-access',
  'window-management',
  'unknown',
] as const;

const contents = {} as WebContents;

describe('permission deciders', () => {
  it.each(PERMISSIONS)('refuses a request for %s', (permission) => {
    const callback = vi.fn();
    denyPermissionRequest(contents, permission, callback, { isMainFrame: true, requestingUrl: 'app://ringup/index.html' });
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it.each(PERMISSIONS)('answers a check for %s with false, even from our own origin', (permission) => {
    expect(denyPermissionCheck(contents, permission, 'app://ringup', { isMainFrame: true, embeddingOrigin: 'app://ringup' })).toBe(false);
    expect(denyPermissionCheck(null, permission, 'https://evil.example', {} as never)).toBe(false);
  });

  it('refuses every device (serial ports belong to main)', () => {
    for (const deviceType of ['serial', 'hid', 'usb'] as const) {
      expect(denyDevicePermission({ deviceType, origin: 'app://ringup', device: {} } as never)).toBe(false);
    }
  });

  it('cancels device choosers instead of picking a device', () => {
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    cancelDeviceChooser(event, callback);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith('');
  });

  it('grants nothing at all', () => {
    for (const p of [...PERMISSIONS, 'anything-new']) expect(isPermissionGranted(p)).toBe(false);
  });
});
