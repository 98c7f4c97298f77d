// The cash drawer hangs off the printer's drawer port: opening it is a printer command, and its
// switch is read through DLE EOT 1. Always the full five-byte ESC p (see escpos-commands.ts).
import { drawerKick } from './escpos-commands';
import type { PrinterProfile } from './printer-profile';
import type { PrinterTransport } from './transports/transport';

export function drawerKickBytes(profile: Pick<PrinterProfile, 'drawer'>): Uint8Array {
  const { pin, onMs, offMs } = profile.drawer;
  return drawerKick(pin, onMs, offMs);
}

/** "No sale" opening: the kick alone, no paper. Rejects with PrinterTransportError. */
export async function openDrawer(profile: Pick<PrinterProfile, 'drawer'>, transport: PrinterTransport): Promise<void> {
  await transport.send(drawerKickBytes(profile));
}
