// `npm run verify -- BUNDLE.zip [more.zip …]`: checks backup bundles the way the register does
// (manifest, zip entries, hashes, the snapshot's integrity_check and journal chain, every CSV and
// JSON row, the day totals) and names the first problem of each. Exit code 0 when all verify.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BundleProblemView } from '../preload/contract/backup-views';
import { BackupFailure } from '../main/backup/backup-failure';
import { verifyBundle } from '../main/backup/verify-bundle';

const messages = JSON.parse(readFileSync(join(__dirname, '..', 'assets', 'locales', 'en', 'ui.json'), 'utf8')) as Record<string, string>;

function describe(problem: BundleProblemView): string {
  const key = problem.code === 'hash_mismatch' && problem.row !== null ? 'hash_mismatch_row' : problem.code;
  const template = messages[`backup.problem.${key}`] ?? problem.code;
  const fill = (text: string, values: Record<string, string | number | null | undefined>) =>
    text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(values[name] ?? '?'));
  const reason =
    problem.code === 'chain_broken'
      ? (messages[`backOffice.journal.break.${problem.detail ?? ''}`] ?? problem.detail ?? '?')
      : fill(messages[`backup.problemReason.${problem.reason ?? 'unknown'}`] ?? problem.reason ?? '?', problem.facts ?? {});
  return fill(template, { file: problem.file, row: problem.row, seq: problem.seq, detail: problem.detail, reason });
}

async function main(): Promise<number> {
  const files = process.argv.slice(2).filter((a) => a !== '--');
  if (files.length === 0) {
    console.error('usage: npm run verify -- BUNDLE.zip [BUNDLE.zip …]');
    return 2;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'ringup-verify-'));
  let failed = 0;
  try {
    for (const file of files) {
      const path = resolve(file);
      const started = performance.now();
      try {
        const report = await verifyBundle(path, { level: 'full', workDir });
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        if (report.ok) {
          console.log(
            `OK    ${path}\n      register ${report.registerId}, ${report.from} to ${report.to}, journal ${report.fromSeq}..${report.toSeq}, head ${report.headHash}, ${report.files} files (${seconds} s)`,
          );
        } else {
          failed += 1;
          const p = report.problem;
          const where = [
            p?.file,
            p?.row !== null && p?.row !== undefined ? `row ${p.row}` : null,
            p?.seq !== null && p?.seq !== undefined ? `seq ${p.seq}` : null,
          ]
            .filter(Boolean)
            .join(', ');
          console.log(
            `FAIL  ${path}\n      ${p ? describe(p) : 'unknown problem'}${where ? `\n      at: ${where}` : ''}\n      code: ${p?.code ?? '?'}${p?.detail ? `\n      detail: ${p.detail}` : ''}`,
          );
        }
      } catch (error) {
        failed += 1;
        if (error instanceof BackupFailure) console.log(`FAIL  ${path}\n      ${error.code} ${JSON.stringify(error.params)}`);
        else throw error;
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(3);
  },
);
