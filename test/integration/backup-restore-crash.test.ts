// A power cut at each point of a restore's swap of the ledger (the steps done by hand up to that
// point, as the crash leaves the data folder), then the register started on the folder: it opens
// the restored books or the previous ones, never an empty ledger beside them.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveWithSidecars, putLedgerInPlace } from '../../main/backup/ledger-files';
import { planSwap, readRestoreIntent, recordRestore, writeRestoreIntent } from '../../main/backup/restore-intent';
import { openLedger } from '../../main/ledger/database';
import { crashRig, lastReceiptIn, movedAside, startAndCheckBooks, type CrashRig } from '../support/restore-crash-rig';

type Step = (rig: CrashRig) => void;

const marked: Step = (rig) => writeRestoreIntent(rig.dir, rig.intent);
const planned: Step = (rig) => {
  marked(rig);
  planSwap(rig.ledger, rig.staged, Date.now());
};
const aside = (rig: CrashRig): string => join(rig.dir, planSwap(rig.ledger, rig.staged, Date.now()).aside ?? '');
const walAside: Step = (rig) => {
  planned(rig);
  const to = aside(rig);
  renameSync(`${rig.ledger}-wal`, `${to}-wal`);
};
const ledgerAside: Step = (rig) => {
  planned(rig);
  moveWithSidecars(rig.ledger, aside(rig));
};
const inPlace: Step = (rig) => {
  ledgerAside(rig);
  putLedgerInPlace(rig.staged, rig.ledger);
};
const journalled: Step = (rig) => {
  inPlace(rig);
  const to = aside(rig);
  const db = openLedger(rig.ledger);
  recordRestore(db, rig.dir, rig.intent.record, to);
  db.close();
  // The anchor beside the ledger is the step after the journal entry: not written yet.
  rmSync(join(rig.dir, 'backup-status.json'));
};
const recordedOnly: Step = (rig) => {
  inPlace(rig);
  const to = aside(rig);
  const db = openLedger(rig.ledger);
  recordRestore(db, rig.dir, rig.intent.record, to);
  db.close();
};

describe('a power cut during a restore', () => {
  it.each([
    ['after the marker is written, before anything moved', marked],
    ['after the place for the current ledger is chosen', planned],
    ["after the current ledger's WAL moved aside, before the ledger itself", walAside],
    ['after the current ledger moved aside, before the restored one is in place (the window the sweep found)', ledgerAside],
    ['after the restored ledger is in place, before the restore is recorded', inPlace],
    ['after the restore is journalled, before the anchor file is written', journalled],
    ['after everything, before the marker is removed', recordedOnly],
  ])('%s: the restored books open, recorded once, and the previous ones are beside them with their WAL', async (_point, step) => {
    const rig = await crashRig();
    step(rig);
    const reg = await startAndCheckBooks(rig.dir, 4);
    const restored = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'backup.restored'").pluck().all() as string[];
    expect(restored).toHaveLength(1);
    const [replaced] = movedAside(rig.dir);
    expect(movedAside(rig.dir)).toHaveLength(1);
    expect(JSON.parse(restored[0] ?? '{}')).toMatchObject({ data: { bundle: rig.bundle, movedAsideTo: join(rig.dir, replaced ?? '') } });
    expect(await reg.must('backup.status', {})).toMatchObject({ lastGood: { file: rig.bundle } });
    expect(JSON.parse(readFileSync(join(rig.dir, 'backup-status.json'), 'utf8'))).toMatchObject({ file: rig.bundle, seq: rig.intent.record.toSeq });
    // The books moved aside still hold receipts 1-2: their WAL went with them.
    reg.close();
    expect(lastReceiptIn(join(rig.dir, replaced ?? ''))).toBe(2);
  });

  it('a restored ledger that does not open is moved aside again and the previous books come back', async () => {
    const rig = await crashRig();
    writeFileSync(rig.staged, 'not a ledger, whatever the disk did to it '.repeat(200));
    inPlace(rig);
    await startAndCheckBooks(rig.dir, 2);
    expect(movedAside(rig.dir)).toHaveLength(1);
  });

  it('killed in the verify (no marker yet): the previous books open and the half-written copy is cleared', async () => {
    const rig = await crashRig();
    expect(existsSync(rig.staged)).toBe(true);
    await startAndCheckBooks(rig.dir, 2);
    expect(movedAside(rig.dir)).toEqual([]);
  });

  it('a copy an older version staged in the data folder is removed at start-up when the ledger is there', async () => {
    const rig = await crashRig();
    const stray = join(rig.dir, 'restoring-1764576000000.sqlite');
    renameSync(rig.staged, stray);
    await startAndCheckBooks(rig.dir, 2);
    expect(existsSync(stray)).toBe(false);
  });

  // The restored ledger would not open at the swap: the register is putting the previous one back.
  const undoneTo = 'ringup-ledger.sqlite.replaced-20261201T090000Z';
  const undoing: Step = (rig) => {
    inPlace(rig);
    const intent = readRestoreIntent(rig.dir);
    if (intent) writeRestoreIntent(rig.dir, { ...intent, phase: 'undo', undoneTo });
  };

  it('while putting the previous books back, before anything moved: the previous books open', async () => {
    const rig = await crashRig();
    undoing(rig);
    await startAndCheckBooks(rig.dir, 2);
    expect(movedAside(rig.dir)).toHaveLength(1);
  });

  it("while putting the previous books back, after their WAL is back but not the ledger: the previous books open with their WAL's sales", async () => {
    const rig = await crashRig();
    undoing(rig);
    const from = aside(rig);
    moveWithSidecars(rig.ledger, join(rig.dir, undoneTo));
    renameSync(`${from}-wal`, `${rig.ledger}-wal`);
    await startAndCheckBooks(rig.dir, 2);
    expect(movedAside(rig.dir)).toEqual([undoneTo]);
  });

  it('while moving the restored ledger that would not open out of the way, after its WAL moved: it ends up whole under the name chosen', async () => {
    const rig = await crashRig();
    undoing(rig);
    // What SQLite left beside the restored ledger when it tried to open it.
    writeFileSync(`${rig.ledger}-wal`, 'a WAL that belongs to the restored ledger');
    renameSync(`${rig.ledger}-wal`, join(rig.dir, `${undoneTo}-wal`));
    await startAndCheckBooks(rig.dir, 2);
    expect(movedAside(rig.dir)).toEqual([undoneTo]);
    expect(readFileSync(join(rig.dir, `${undoneTo}-wal`), 'utf8')).toBe('a WAL that belongs to the restored ledger');
    expect(lastReceiptIn(join(rig.dir, undoneTo))).toBe(4);
  });
});
