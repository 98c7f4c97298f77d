// Size limits shared by the schema (main), the browser-mode socket and the renderer, all in
// UTF-8 bytes: what a file weighs on disk and on the wire, whatever its script. A limit in
// characters lets a Chinese file (3 bytes a character) outgrow a byte limit further down the line.
// No zod here: the renderer imports this file and should not bundle the schemas.

/**
 * The largest catalog CSV: a shop's price list, not a warehouse's (some 20,000 rows). main parses
 * and checks a file in one go, so a bigger one would hold up the register.
 */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

/** Megabytes as the owner reads them on a file's size; the error message shows this. */
export const MAX_CSV_MEGABYTES = MAX_CSV_BYTES / (1024 * 1024);

/**
 * The text's length in UTF-8 bytes, as TextEncoder or Buffer would write it (a lone surrogate
 * becomes U+FFFD, 3 bytes). Counted without encoding: a 2 MB string need not be copied to be measured.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
