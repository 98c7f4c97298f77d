// What the restore's swap never does, whatever state a crash left: overwrite a file, or guess from
// a marker it cannot read. In both cases the register refuses to start and every file stays as it was.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveWithSidecars } from '../../main/backup/ledger-files';
import { RESTORE_INTENT_FILE, writeRestoreIntent } from '../../main/backup/restore-intent';
import { cleanups } from '../support/backup-rig';
import { makeRegister } from '../support/register-fixture';
import { crashRig, lastReceiptIn } from '../support/restore-crash-rig';

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-marker-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function contents(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n), 'latin1')]));
}

describe('the ledger files of a restore', () => {
  it('a move never overwrites: a name that is taken stops it, and both files keep their bytes', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.sqlite'), 'books A');
    writeFileSync(join(dir, 'a.sqlite-wal'), 'WAL A');
    writeFileSync(join(dir, 'b.sqlite-wal'), 'WAL B');
    expect(() => moveWithSidecars(join(dir, 'a.sqlite'), join(dir, 'b.sqlite'))).toThrow(/already there/);
    expect(contents(dir)).toEqual({ 'a.sqlite': 'books A', 'a.sqlite-wal': 'WAL A', 'b.sqlite-wal': 'WAL B' });
  });

  it('a marker the register cannot read stops the start, naming it; the ledger is left untouched', async () => {
    const rig = await crashRig();
    writeFileSync(join(rig.dir, RESTORE_INTENT_FILE), '{"version":1,"phase":"sw');
    const before = readFileSync(rig.ledger);
    expect(() => makeRegister({ dir: rig.dir })).toThrow();
    writeFileSync(join(rig.dir, RESTORE_INTENT_FILE), '{"version":7}');
    expect(() => makeRegister({ dir: rig.dir })).toThrow(/restore-intent\.json is not a restore marker/);
    expect(readFileSync(rig.ledger).equals(before)).toBe(true);
    expect(lastReceiptIn(rig.ledger)).toBe(2);
  });

  it('a ledger found where the marker would move the current one stops the start instead of overwriting it', async () => {
    const rig = await crashRig();
    const intent = { ...rig.intent, aside: 'ringup-ledger.sqlite.replaced-20261201T080000Z' };
    writeRestoreIntent(rig.dir, intent);
    writeFileSync(join(rig.dir, intent.aside), 'someone else put a file here');
    expect(() => makeRegister({ dir: rig.dir })).toThrow(/already there/);
    expect(readFileSync(join(rig.dir, intent.aside), 'utf8')).toBe('someone else put a file here');
    expect(lastReceiptIn(rig.ledger)).toBe(2);
    expect(readdirSync(join(rig.dir, 'backup-work'))).toHaveLength(1);
  });
});
