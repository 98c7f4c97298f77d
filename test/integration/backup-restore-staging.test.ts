// Where a restore keeps the verified copy of the bundle while it swaps the ledger: in backup-work/
// (cleared at start-up, so a restore killed in its verify leaves no ledger-sized file behind), with
// a marker in the data folder only for the swap itself, and nothing of either once it is done.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ringUpSales } from '../support/backup-fixture';
import { folder, ownerWithFolder, register } from '../support/backup-rig';

describe('a restore', () => {
  it('stages the bundle in backup-work/, marks the swap, and leaves neither behind when done', async () => {
    const shop = register();
    await ownerWithFolder(shop, folder());
    await ringUpSales(shop, 3);
    const { file } = await shop.must('backup.run', {});

    const fresh = register();
    const seen: { data: string[]; work: string[] }[] = [];
    fresh.events.subscribe((event, payload) => {
      if (event !== 'backup.progress' || (payload as { step: string }).step !== 'restore') return;
      const work = join(fresh.dir, 'backup-work');
      seen.push({ data: readdirSync(fresh.dir), work: existsSync(work) ? readdirSync(work) : [] });
    });
    expect(await fresh.must('setup.restoreBackup', { file, confirm: 'RESTORE' })).toMatchObject({ lastReceiptNo: 3 });

    expect(seen).toHaveLength(1);
    expect(seen[0]?.work.filter((n) => /^restoring-\d+\.sqlite$/.test(n))).toHaveLength(1);
    expect(seen[0]?.data.filter((n) => n.startsWith('restoring-'))).toEqual([]);
    const after = readdirSync(fresh.dir);
    expect(after.filter((n) => n.startsWith('restoring-') || n.startsWith('restore-intent'))).toEqual([]);
    expect(readdirSync(join(fresh.dir, 'backup-work')).filter((n) => n.startsWith('restoring-'))).toEqual([]);
    expect(after.filter((n) => /\.replaced-[0-9TZ-]+$/.test(n))).toHaveLength(1);
  });
});
