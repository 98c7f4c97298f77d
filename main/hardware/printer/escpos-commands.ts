// The ESC/POS bytes receiptline does not produce: drawer kicks, real-time status requests and
// native QR. Each is spelled out completely because partial commands are the classic bug
// (a bare `ESC p 0` makes the printer eat the next two bytes as pulse times).

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const DC4 = 0x14;

/** `ESC p m t1 t2`: pulse the drawer connector. Times are in ms, sent in 2 ms units. */
export function drawerKick(pin: 0 | 1, onMs: number, offMs: number): Uint8Array {
  const unit = (ms: number): number => Math.min(255, Math.max(1, Math.round(ms / 2)));
  return Uint8Array.of(ESC, 0x70, pin, unit(onMs), unit(offMs));
}

/**
 * `DLE DC4 1 m t`: real-time pulse, ON and OFF time each t × 100 ms (t = 1–8). The printer runs
 * it as the bytes arrive instead of queueing it behind buffered print data (see drawer.ts for
 * the states it covers).
 */
export function realtimeDrawerPulse(pin: 0 | 1, onMs: number): Uint8Array {
  const t = Math.min(8, Math.max(1, Math.round(onMs / 100)));
  return Uint8Array.of(DLE, DC4, 0x01, pin, t);
}

/** `GS ( K 2 0 49 m`: select print density, m = -6..6 steps from standard (two's complement byte). */
export function printDensity(steps: number): Uint8Array {
  return Uint8Array.of(GS, 0x28, 0x4b, 2, 0, 49, steps < 0 ? 256 + steps : steps);
}

/** `DLE EOT n`: real-time status; answered even while the printer is offline or busy. */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}

const qrLevel = { l: 48, m: 49, q: 50, h: 51 } as const;

/**
 * Native QR (`GS ( k`, function 165/167/169/180/181): model 2, module size, error level,
 * store the data, print. About 30 bytes against 2–3 KB for a raster QR at 9600 baud.
 */
export function nativeQr(data: Uint8Array, cell: number, level: keyof typeof qrLevel): Uint8Array {
  const gsk = (...body: number[]): number[] => [GS, 0x28, 0x6b, body.length & 255, body.length >> 8, ...body];
  const storeLen = data.length + 3;
  return Uint8Array.from([
    ...gsk(0x31, 0x41, 0x32, 0x00),
    ...gsk(0x31, 0x43, Math.min(16, Math.max(1, cell))),
    ...gsk(0x31, 0x45, qrLevel[level]),
    GS,
    0x28,
    0x6b,
    storeLen & 255,
    storeLen >> 8,
    0x31,
    0x50,
    0x30,
    ...data,
    ...gsk(0x31, 0x51, 0x30),
  ]);
}

/** Bytes → receiptline's "binary string" (one char per byte), the form its commands use. */
export function toBinaryString(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}
