// ZVT's serial CRC is CRC-16/KERMIT (reflected 0x1021 = 0x8408, init 0, no xorout). Several
// libraries call it "XMODEM" or "CCITT", which is exactly the confusion that produces frames a
// real terminal NAKs forever, hence the explicit name and the check value in the tests.

const TABLE: Uint16Array = (() => {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let crc = n;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
    table[n] = crc;
  }
  return table;
})();

export function crc16Kermit(bytes: Uint8Array, initial = 0): number {
  let crc = initial;
  for (const b of bytes) crc = (crc >>> 8) ^ (TABLE[(crc ^ b) & 0xff] ?? 0);
  return crc & 0xffff;
}

/** The frame CRC covers the un-stuffed APDU followed by ETX (0x03). */
export function frameCrc(apdu: Uint8Array): number {
  return crc16Kermit(Uint8Array.of(0x03), crc16Kermit(apdu));
}
