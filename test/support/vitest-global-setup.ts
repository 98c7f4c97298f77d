// Runs once per `vitest run`, in vitest's own process, before any test file: migrates one empty
// ledger that every worker copies (placeMigratedLedger in register-fixture.ts). Without it each
// test file's worker migrated a template of its own and left its folder in /tmp when the worker
// was ended without an exit event: some 200 folders a run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger } from '../../main/ledger/database';
import { ledgerPathIn } from '../../main/register';

export const MIGRATED_LEDGER_ENV = 'RINGUP_TEST_MIGRATED_LEDGER';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-template-'));
  const file = ledgerPathIn(dir);
  // Closing checkpoints the WAL into the file and removes it: the one file is the whole ledger.
  openLedger(file).close();
  // Workers inherit the environment of vitest's process, so this is how they find the file.
  process.env[MIGRATED_LEDGER_ENV] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
