// Terminal text (receipt lines, card names) is CP437 unless a character set is negotiated. We
// map the few non-ASCII characters German/European receipts actually use and replace the rest,
// so a stray byte can never become a control character in our own receipt. Print commands switch
// to UTF-8 once the terminal accepted it at registration (tag 27 echoing tag 14 = FE, [S] §9.4),
// which is the only way Chinese receipt text can cross the line.

/** ISO character set codes of TLV tag 14 that we speak: the default CP437 and UTF-8. */
export const CHARSET = { cp437: 0xff, utf8: 0xfe } as const;
export type Charset = (typeof CHARSET)[keyof typeof CHARSET];
const CP437_HIGH: Record<number, string> = {
  0x80: 'Ç',
  0x81: 'ü',
  0x82: 'é',
  0x83: 'â',
  0x84: 'ä',
  0x85: 'à',
  0x86: 'å',
  0x87: 'ç',
  0x88: 'ê',
  0x89: 'ë',
  0x8a: 'è',
  0x8e: 'Ä',
  0x8f: 'Å',
  0x90: 'É',
  0x94: 'ö',
  0x99: 'Ö',
  0x9a: 'Ü',
  0x9c: '£',
  0x9d: '¥',
  0xe1: 'ß',
  0xf8: '°',
};
const REVERSE: Record<string, number> = Object.fromEntries(Object.entries(CP437_HIGH).map(([k, v]) => [v, Number(k)]));

const utf8Decoder = new TextDecoder('utf-8', { fatal: false });
const utf8Encoder = new TextEncoder();

export function decodeText(bytes: Uint8Array, charset: Charset = CHARSET.cp437): string {
  if (charset === CHARSET.utf8) {
    // Same rules as CP437 for what survives: no control characters except the line break.
    return utf8Decoder
      .decode(bytes)
      .replace(/\r\n?/g, '\n')
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, (c) => (c === '\u0000' ? '' : '?'));
  }
  let s = '';
  for (const b of bytes) {
    if (b === 0) continue; // fixed-width fields are NUL padded
    if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else if (b === 0x0d || b === 0x0a) s += '\n';
    else s += CP437_HIGH[b] ?? '?';
  }
  return s;
}

export function encodeText(text: string, charset: Charset = CHARSET.cp437): Uint8Array {
  if (charset === CHARSET.utf8) return utf8Encoder.encode(text.replace(/\n/g, '\r'));
  return Uint8Array.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (code >= 0x20 && code < 0x7f) return code;
      if (c === '\n') return 0x0d;
      return REVERSE[c] ?? 0x3f;
    }),
  );
}
