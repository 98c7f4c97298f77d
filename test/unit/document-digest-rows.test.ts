// The document digest's definition, checked against digests computed independently (Python's
// hashlib over json.dumps of the same arrays, compact, UTF-8) from its written rule: the version
// tag, the document's columns, the lines' v1 columns, the payments' columns, and an extension
// object only when a line uses a later column or the document is a training one.
import { describe, expect, it } from 'vitest';
import { documentDigestOfRows, type DigestRows } from '../../main/journal-chain/document-digest-rows';

const document = [
  'd-1', 'sale', 'completed', 'R1', 7, '2026-11-29', 3, 2, null, 1764400000000, 1764400060000, null,
  null, 1, 1200, 0, 138, 1200, 0, 300, 5400, null, null, 'k1',
]; // prettier-ignore
const line = [11, 1, 5, '6901234567892', '可乐 Cola', 2000, 600, 1300, null, null, 1200, 0, 0, 1200, 138, 0];
const payment = [21, 'cash', 1200, 1500, 300, null, 1764400059000, null, null];

describe('documentDigestOfRows', () => {
  it('is the SHA-256 of the version tag and the v1 columns when nothing later is used', () => {
    const rows: DigestRows = { document, training: 0, lines: [[...line, null, 0]], payments: [payment] };
    expect(documentDigestOfRows(rows)).toBe('d387b2a02437ef81cdb4622c57f855cfa558229784d1a0d655e8ff53ee366bd2');
  });

  it('adds the later columns of a line that uses them, and the training mark', () => {
    const rows: DigestRows = { document, training: 1, lines: [[...line, '2012345006001', 1]], payments: [payment] };
    expect(documentDigestOfRows(rows)).toBe('1ddf6b4422cb0d2926e2e181532f2c8e7c2ecf75eac9004d7390b3da6512c478');
  });

  it('takes lines in sale order and payments by id, whatever order the rows come in, and leaves the rows as they were', () => {
    const second = [12, 2, 6, null, '袋 Bag', 1000, 0, 0, null, null, 0, 0, 0, 0, 0, 0, null, 0];
    const refund = [22, 'cash', -100, 0, 0, null, 1764400059500, 21, null];
    const inOrder: DigestRows = { document, training: 0, lines: [[...line, null, 0], second], payments: [payment, refund] };
    const shuffled: DigestRows = { document, training: 0, lines: [second, [...line, null, 0]], payments: [refund, payment] };
    expect(documentDigestOfRows(shuffled)).toBe(documentDigestOfRows(inOrder));
    expect(shuffled.lines[0]).toBe(second);
    expect(shuffled.payments[0]).toBe(refund);
    // Another order is another document.
    const renumbered: DigestRows = { ...inOrder, lines: [[...line.slice(0, 1), 3, ...line.slice(2), null, 0], second] };
    expect(documentDigestOfRows(renumbered)).not.toBe(documentDigestOfRows(inOrder));
  });
});
