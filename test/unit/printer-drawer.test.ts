// Which drawer command goes out for which printer state. Status bytes and command bytes are
// written out from the ESC/POS references (research hardware.md §5), not taken from our encoder.
import { describe, expect, it } from 'vitest';
import { drawerKickFor } from '../../main/hardware/printer/drawer';
import { defaultPrinterProfile } from '../../main/hardware/printer/printer-profile';
import { noAnswerStatus, parseStatus } from '../../main/hardware/printer/status';
import { tokenizeEscPos } from '../support/escpos-tokenizer';

const OK = 0x12;
const drawer = { drawer: defaultPrinterProfile.drawer };
const states = {
  ready: parseStatus({ 1: OK, 2: OK, 4: OK }),
  nearEnd: parseStatus({ 1: OK, 2: OK, 4: OK | 0x0c }),
  // Paper end: offline (n=1 bit 3), printing stopped by paper end (n=2 bit 5), sensor (n=4 bits 5-6).
  paperOut: parseStatus({ 1: OK | 0x08, 2: OK | 0x20, 4: OK | 0x6c }),
  coverOpen: parseStatus({ 1: OK | 0x08, 2: OK | 0x04, 4: OK }),
  offline: parseStatus({ 1: OK | 0x08, 2: OK, 4: OK }),
  error: parseStatus({ 1: OK | 0x08, 2: OK | 0x40, 4: OK }),
};

describe('drawer kick by printer state', () => {
  it('a printer that prints gets the full ESC p m t1 t2', () => {
    for (const s of [states.ready, states.nearEnd]) {
      const k = drawerKickFor(s, drawer);
      expect(k.ok && k.command).toBe('ESC p');
      expect(k.ok && [...k.bytes]).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa]);
    }
  });

  it('paper out, cover open or offline: the real-time pulse DLE DC4 1 m t, t in 100 ms units', () => {
    for (const s of [states.paperOut, states.coverOpen, states.offline]) {
      const k = drawerKickFor(s, drawer);
      expect(k.ok && k.command).toBe('DLE DC4');
      expect(k.ok && [...k.bytes]).toEqual([0x10, 0x14, 0x01, 0x00, 0x01]);
      expect(k.ok && tokenizeEscPos(k.bytes).commands).toEqual([{ name: 'DLE DC4', params: [0x01, 0x00, 0x01], offset: 0 }]);
    }
    // Pin 5, 300 ms; the time is kept within the command's range 1–8.
    const pin5 = drawerKickFor(states.paperOut, { drawer: { pin: 1, onMs: 300, offMs: 300, openLevel: 'high' } });
    expect(pin5.ok && [...pin5.bytes]).toEqual([0x10, 0x14, 0x01, 0x01, 0x03]);
    const long = drawerKickFor(states.paperOut, { drawer: { pin: 0, onMs: 510, offMs: 510, openLevel: 'high' } });
    expect(long.ok && long.bytes[4]).toBe(5);
    const short = drawerKickFor(states.paperOut, { drawer: { pin: 0, onMs: 2, offMs: 2, openLevel: 'high' } });
    expect(short.ok && short.bytes[4]).toBe(1);
  });

  it('an error status: nothing is sure to open it, so the cashier is told', () => {
    expect(drawerKickFor(states.error, drawer)).toEqual({ ok: false, reason: 'printer.error' });
  });

  it('a printer that does not answer DLE EOT (no return channel) gets ESC p', () => {
    const k = drawerKickFor(noAnswerStatus(), drawer);
    expect(k.ok && k.command).toBe('ESC p');
  });
});
