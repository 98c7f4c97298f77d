// The cash drawer hangs off the printer's drawer port: opening it is a printer command, and its
// switch is read through DLE EOT 1. Always the full five-byte ESC p (see escpos-commands.ts).
import { drawerKick, realtimeDrawerPulse } from './escpos-commands';
import type { PrinterProfile } from './printer-profile';
import type { PrinterStatus } from './status';
import type { PrinterTransport, TransportResult } from './transports/transport';

export function drawerKickBytes(profile: Pick<PrinterProfile, 'drawer'>): Uint8Array {
  const { pin, onMs, offMs } = profile.drawer;
  return drawerKick(pin, onMs, offMs);
}

export type DrawerKick =
  /** `ESC p`: executed in order with the print data, i.e. at once on a printer that is printing. */
  | { ok: true; command: 'ESC p'; bytes: Uint8Array }
  /** `DLE DC4 1 m t`: executed on arrival, ahead of the print data the printer holds. */
  | { ok: true; command: 'DLE DC4'; bytes: Uint8Array }
  /** Neither command would open the drawer now: the cashier must be told (and use the key). */
  | { ok: false; reason: 'printer.error' };

/**
 * How to open the drawer now, given what the printer just said (DLE EOT 1, 2, 4).
 *
 * `ESC p` is buffered: while printing is stopped it waits behind the held receipt and the
 * drawer opens only when the printer prints again (paper back, cover closed).
 * `DLE DC4 fn=1 m t` is a real-time command. Research hardware.md §5 (from the Epson TM-U220
 * and Samsung SRP manuals): it "works even while the print buffer is busy or the printer is
 * offline". The Epson RP-U420 and Lukhan LK-T21 references say the same: executed on receipt,
 * even offline or with the receive buffer full. Paper end and an open cover stop printing and
 * report the printer offline (DLE EOT 1 bit 3, §5), so those, and plain offline, are the
 * states it is used for. An error status (DLE EOT 2 bit 6: cutter jam, head fault) is not
 * covered: the references disagree (RP-U420 runs it; LK-T21 and Sinocan P11 ignore it) and
 * ESC p would wait, so no command is sure to open the drawer and the cashier is told instead.
 * Not every clone implements DLE DC4 (§5), so a printer that can print gets ESC p, the command
 * every ESC/POS printer knows; so does one that does not answer DLE EOT at all (it may have no
 * return channel).
 */
export function drawerKickFor(status: PrinterStatus, profile: Pick<PrinterProfile, 'drawer'>): DrawerKick {
  if (!status.answered || status.ready) return { ok: true, command: 'ESC p', bytes: drawerKickBytes(profile) };
  if (status.error) return { ok: false, reason: 'printer.error' };
  return { ok: true, command: 'DLE DC4', bytes: realtimeDrawerPulse(profile.drawer.pin, profile.drawer.onMs) };
}

/** "No sale" opening: the kick alone, no paper; answers as the transport does. */
export function openDrawer(profile: Pick<PrinterProfile, 'drawer'>, transport: PrinterTransport): Promise<TransportResult<void>> {
  return transport.send(drawerKickBytes(profile));
}
