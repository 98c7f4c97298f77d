// The journal CSV writes each moment on the store's clock with its UTC offset: what the screens
// show, readable by a person, and the very instant for a tool, even when the clocks change.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { JournalEntryView } from '../../preload/contract/audit-views';
import { journalCsv, journalFileName } from '../../renderer/src/screens/audit/journal-csv';
import { storeIso } from '../../renderer/src/format/date';

const entry = (seq: number, at: number): JournalEntryView => ({
  seq,
  at,
  kind: 'shift.opened',
  operatorId: 1,
  operatorName: '王店长',
  subjectId: null,
  subjectName: null,
  approverId: null,
  approverName: null,
  registerId: 'R1',
  documentId: null,
  document: null,
  data: {},
  payload: '{}',
  prevHash: '0',
  hash: '1',
});

describe('store-clock ISO time', () => {
  it('writes Shanghai time with +08:00, the same instant as UTC', () => {
    const at = Date.parse('2026-12-01T01:30:00.250Z');
    expect(storeIso(at, 'Asia/Shanghai')).toBe('2026-12-01T09:30:00.250+08:00');
    expect(Date.parse(storeIso(at, 'Asia/Shanghai'))).toBe(at);
  });

  it('crosses midnight into the store day, not the UTC day', () => {
    expect(storeIso(Date.parse('2026-11-30T16:05:00Z'), 'Asia/Shanghai')).toBe('2026-12-01T00:05:00.000+08:00');
  });

  it('tells apart the two 01:30s of the night the clocks go back (New York), and half-hour zones', () => {
    const first = Date.parse('2026-11-01T05:30:00Z');
    const second = Date.parse('2026-11-01T06:30:00Z');
    expect(storeIso(first, 'America/New_York')).toBe('2026-11-01T01:30:00.000-04:00');
    expect(storeIso(second, 'America/New_York')).toBe('2026-11-01T01:30:00.000-05:00');
    expect(storeIso(first, 'Asia/Kolkata')).toBe('2026-11-01T11:00:00.000+05:30');
    expect(storeIso(first, 'UTC')).toBe('2026-11-01T05:30:00.000+00:00');
  });
});

describe('journal CSV on the store clock', () => {
  it('names the zone in the time column and the store days in the file name', () => {
    const entries = [entry(7, Date.parse('2026-11-30T16:05:00Z')), entry(9, Date.parse('2026-12-01T03:00:00Z'))];
    const csv = journalCsv(entries, { seq: 9, hash: '1' }, { timeZone: 'Asia/Shanghai', atHeader: '时间（门店时间 Asia/Shanghai）' });
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]?.[1]).toBe('时间（门店时间 Asia/Shanghai）');
    expect(rows.slice(1, 3).map((r) => r[1])).toEqual(['2026-12-01T00:05:00.000+08:00', '2026-12-01T11:00:00.000+08:00']);
    // Both entries are on the store's 1 December, though the first was 30 November in UTC.
    expect(journalFileName(entries, { seq: 9 }, 'Asia/Shanghai')).toBe('ringup-journal-2026-12-01-seq7-9.csv');
    expect(journalFileName(entries, { seq: 9 }, 'UTC')).toBe('ringup-journal-2026-11-30_2026-12-01-seq7-9.csv');
  });
});
