// The day close sends the closed day off the machine: with a backup folder set, closing the day
// writes a verified bundle that covers it (in the background); without one, nothing is attempted
// and the backup status does not turn into a failure.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupStatusView } from '../../preload/contract/backup-views';
import { openShop, shanghai, type Shop } from '../support/day-close-shop';
import { until } from '../support/until';

const shops: Shop[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const s of shops.splice(0)) s.reg.cleanup();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

async function closedDay(folder: string | null): Promise<Shop> {
  const s = await openShop(shanghai('2026-03-10'));
  shops.push(s);
  if (folder) {
    await s.as('owner');
    await s.reg.must('backup.setConfig', { folder, keep: 30 });
    await s.as('cashier');
  }
  await s.cashSale([1000, 250]);
  await s.closeShift();
  await s.as('supervisor');
  s.clock.now = shanghai('2026-03-10', '21:00');
  await s.z();
  return s;
}

/** The backup status once the export the day close started has finished (it runs in a worker). */
function settledStatus(s: Shop): Promise<BackupStatusView> {
  return until(
    'the backup the day close started to finish',
    () => {
      const status = s.reg.backup.status();
      return status.running === null && (status.lastGood !== null || status.lastFailure !== null) ? status : null;
    },
    60_000,
  );
}

describe('the day close and the backup', () => {
  it('writes a verified bundle of the closed day to the backup folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ringup-z-backup-'));
    folders.push(folder);
    const s = await closedDay(folder);
    const status = await settledStatus(s);
    expect(status).toMatchObject({ warning: null, lastFailure: null, lastGood: { trigger: 'day_close', to: '2026-03-10' } });
    const bundle = status.lastGood?.file ?? '';
    expect(readdirSync(folder)).toEqual([bundle.slice(folder.length + 1)]);
    await s.as('owner');
    expect(await s.reg.must('backup.verify', { file: bundle })).toMatchObject({ ok: true, problem: null });
    const journal = s.reg.db.prepare("SELECT kind FROM journal WHERE kind LIKE 'backup.%'").pluck().all();
    expect(journal).toEqual(['backup.config_changed', 'backup.exported']);
  });

  it('attempts nothing when no backup folder was chosen', async () => {
    const s = await closedDay(null);
    const status = await s.reg.must('backup.status', {});
    expect(status).toMatchObject({ lastGood: null, lastFailure: null, running: null });
    expect(s.reg.db.prepare("SELECT COUNT(*) FROM journal WHERE kind LIKE 'backup.%'").pluck().get()).toBe(0);
  });
});
