import { describe, expect, it } from 'vitest';
import { uuid } from '../../preload/contract/primitives';
import { newDocumentId } from '../../main/documents/document-id';

describe('document ids', () => {
  it('are RFC 9562 version 7 UUIDs that the contract accepts, ordered by the time they were made', () => {
    const at = Date.parse('2026-03-14T06:21:37.123Z');
    const ids = Array.from({ length: 1000 }, (_, i) => newDocumentId(at + i));
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(uuid.safeParse(id).success).toBe(true);
    }
    expect(parseInt(ids[0]?.replaceAll('-', '').slice(0, 12) ?? '', 16)).toBe(at);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // The same millisecond still gives different ids.
    expect(new Set(Array.from({ length: 1000 }, () => newDocumentId(at))).size).toBe(1000);
  });
});
