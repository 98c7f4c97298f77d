import type { PermissionCheckHandlerHandlerDetails, PermissionRequest, Session, WebContents } from 'electron';

// The renderer is a cashier's screen. Camera, microphone, notifications, geolocation and above
// all Web Serial/HID/USB/Bluetooth are refused: the printer, the card terminal and the drawer
// belong to main, and a page that could open a serial port could talk to the card terminal.

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0] & {};
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0] & {};
type DeviceHandler = Parameters<Session['setDevicePermissionHandler']>[0] & {};

/** The one decision, kept as a function so a future exception has an obvious home and a test. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

export const denyPermissionRequest: RequestHandler = (
  _contents: WebContents,
  permission: string,
  callback: (granted: boolean) => void,
  _details?: PermissionRequest,
) => callback(isPermissionGranted(permission));

export const denyPermissionCheck: CheckHandler = (
  _contents: WebContents | null,
  permission: string,
  _origin: string,
  _details?: PermissionCheckHandlerHandlerDetails,
) => isPermissionGranted(permission);

export const denyDevicePermission: DeviceHandler = () => false;

/** For select-serial-port / select-hid-device / select-usb-device / select-bluetooth-device. */
export function cancelDeviceChooser(event: { preventDefault(): void }, callback: (id: string) => void): void {
  event.preventDefault();
  callback('');
}
