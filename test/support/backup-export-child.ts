// A child process that exports one bundle and reports each step on stdout, for the fault tests
// that must kill it, starve its disk or take away its rights: `progress <step>`, then
// `done <file>` or `failed <code>`, then `left <json list of the folder>`.
import { readdirSync } from 'node:fs';
import { BackupFailure } from '../../main/backup/backup-failure';
import { exportBundle } from '../../main/backup/export-bundle';

const [ledgerFile, workDir, folder] = process.argv.slice(2) as [string, string, string];
let last = '';
exportBundle({ ledgerFile, workDir, folder, range: { afterSeq: 0 }, now: Date.now(), appVersion: 'test' }, (step) => {
  if (step !== last) process.stdout.write(`progress ${step}\n`);
  last = step;
})
  .then(
    (result) => process.stdout.write(`done ${result.file}\n`),
    (error: unknown) => process.stdout.write(`failed ${error instanceof BackupFailure ? error.code : String(error)}\n`),
  )
  .finally(() => {
    let left: string[];
    try {
      left = readdirSync(folder);
    } catch {
      left = ['<folder gone>'];
    }
    process.stdout.write(`left ${JSON.stringify(left)}\n`);
  });
