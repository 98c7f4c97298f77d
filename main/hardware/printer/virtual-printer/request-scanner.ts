// Finds the real-time commands a printer acts on as the bytes arrive (DLE EOT n, DLE DC4 1 m t)
// and the GS r n it answers, including ones split across chunks. Like real printers (the manuals
// warn about it) it does not parse every command, so such a pattern inside image data is acted
// on too; clients must cope with the extra byte.

export type PrinterRequest = { kind: 'dle-eot'; n: number } | { kind: 'gs-r'; n: number } | { kind: 'dle-dc4-pulse'; pin: 0 | 1; t: number };

const LONGEST = 5;

function requestAt(data: readonly number[], i: number): { request: PrinterRequest; length: number } | null {
  const [a, b, c, d, e] = [data[i], data[i + 1], data[i + 2], data[i + 3], data[i + 4]];
  if (c === undefined) return null;
  if (a === 0x10 && b === 0x04 && c >= 1 && c <= 4) return { request: { kind: 'dle-eot', n: c }, length: 3 };
  if (a === 0x1d && b === 0x72 && (c === 1 || c === 2 || c === 0x31 || c === 0x32)) return { request: { kind: 'gs-r', n: c & 0x0f }, length: 3 };
  // DLE DC4 fn=1 m t: m = 0 or 1, t = 1–8 (anything else is not this command).
  if (a === 0x10 && b === 0x14 && c === 0x01 && (d === 0 || d === 1) && e !== undefined && e >= 1 && e <= 8) {
    return { request: { kind: 'dle-dc4-pulse', pin: d, t: e }, length: 5 };
  }
  return null;
}

export class RequestScanner {
  private tail: number[] = [];

  push(chunk: Uint8Array): PrinterRequest[] {
    const data = [...this.tail, ...chunk];
    const found: PrinterRequest[] = [];
    for (let i = 0; i < data.length; i++) {
      const m = requestAt(data, i);
      // Only requests that end in the new chunk; earlier ones were reported already.
      if (m && i + m.length > this.tail.length) found.push(m.request);
    }
    this.tail = data.slice(-(LONGEST - 1));
    return found;
  }
}

/** True when the bytes are nothing but real-time commands (a status poll, a real-time pulse): no print job. */
export function isOnlyRealtime(bytes: Uint8Array): boolean {
  const data = [...bytes];
  for (let i = 0; i < data.length;) {
    const m = requestAt(data, i);
    if (!m || m.request.kind === 'gs-r') return false;
    i += m.length;
  }
  return true;
}

/** ESC p m t1 t2 in a job (m = 0/48 pin 2, 1/49 pin 5; times in 2 ms units). */
export function escPKicks(bytes: Buffer): { command: 'ESC p'; pin: 0 | 1; onMs: number }[] {
  const kicks: { command: 'ESC p'; pin: 0 | 1; onMs: number }[] = [];
  for (let i = bytes.indexOf(0x1b); i >= 0 && i + 4 < bytes.length; i = bytes.indexOf(0x1b, i + 1)) {
    const m = bytes[i + 2]!;
    if (bytes[i + 1] === 0x70 && [0, 1, 48, 49].includes(m)) kicks.push({ command: 'ESC p', pin: (m & 1) as 0 | 1, onMs: bytes[i + 3]! * 2 });
  }
  return kicks;
}
