// The register must never hold more of a card number than a receipt may show: first 6 and last 4.
// Terminals usually send BMP 22 already masked (E nibble = hidden digit), but some send more, so
// every PAN that passes through here is re-masked, whatever the terminal did.

/** `4761739001010119` -> `476173******0119`; keeps `*` already present; short PANs keep only the last 4. */
export function maskPan(pan: string): string {
  const chars = [...pan.replace(/[^0-9*]/g, '')];
  const n = chars.length;
  const keepHead = n >= 13 ? 6 : 0;
  const keepTail = Math.min(4, Math.max(0, n - keepHead - 1));
  return chars.map((c, i) => (i < keepHead || i >= n - keepTail ? c : '*')).join('');
}

/** Decode BMP 22's BCD: 0-9 digits, E = masked digit, F = padding (ends the number). */
export function decodePanBcd(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    for (const nib of [b >> 4, b & 0x0f]) {
      if (nib === 0x0f) return s;
      s += nib <= 9 ? String(nib) : '*';
    }
  }
  return s;
}

export function encodePanBcd(pan: string): Uint8Array {
  const nibbles = [...pan].map((c) => (c === '*' ? 0x0e : Number(c)));
  if (nibbles.length % 2) nibbles.push(0x0f);
  const out = new Uint8Array(nibbles.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = ((nibbles[2 * i] ?? 0) << 4) | (nibbles[2 * i + 1] ?? 0);
  return out;
}

/** Any run of 13-19 digits in free text (receipt lines, additional text) is treated as a PAN. */
export function redactDigitRuns(text: string): string {
  return text.replace(/\d[\d ]{11,30}\d/g, (run) => {
    const digits = run.replace(/ /g, '');
    return digits.length >= 13 && digits.length <= 19 ? maskPan(digits) : run;
  });
}
