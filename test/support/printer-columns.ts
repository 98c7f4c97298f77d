// Printed width of a line, counted the way a GB printer prints it: ASCII is one 12-dot
// column, every double-byte GB character (CJK, full-width ￥, ×, Chinese punctuation) is two.
// Written here rather than taken from receiptline so the check does not trust the code under test.
export function printedColumns(line: string): number {
  let n = 0;
  for (const ch of line) n += ch.codePointAt(0)! < 0x80 ? 1 : 2;
  return n;
}
