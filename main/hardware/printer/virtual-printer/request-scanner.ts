// Finds the requests a printer answers (DLE EOT n, GS r n) in a byte stream, including ones
// split across chunks. Like many real printers it does not parse every command, so a request
// pattern inside image data is answered too; clients must cope with the extra byte.

export type PrinterRequest = { kind: 'dle-eot'; n: number } | { kind: 'gs-r'; n: number };

export class RequestScanner {
  private tail: number[] = [];

  push(chunk: Uint8Array): PrinterRequest[] {
    const data = [...this.tail, ...chunk];
    const found: PrinterRequest[] = [];
    // Only patterns that end in the new chunk; earlier ones were reported already.
    for (let i = Math.max(0, this.tail.length - 2); i + 2 < data.length; i++) {
      const a = data[i];
      const b = data[i + 1];
      const n = data[i + 2]!;
      if (a === 0x10 && b === 0x04 && n >= 1 && n <= 4) found.push({ kind: 'dle-eot', n });
      else if (a === 0x1d && b === 0x72 && (n === 1 || n === 2 || n === 0x31 || n === 0x32)) found.push({ kind: 'gs-r', n: n & 0x0f });
    }
    this.tail = data.slice(-2);
    return found;
  }
}
