// Ringup 0.1 kept the Windows ledger in the roaming %APPDATA%, which a domain may redirect to a
// network share where SQLite's WAL is unsafe. The first start of a newer version moves it, once,
// to the local folder. The old files are renamed, never deleted: an owner who finds them knows
// where the books went, and nothing is lost if the move is interrupted.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LEGACY_SUFFIX = '.moved';

export interface LegacyMove {
  moved: boolean;
  from?: string;
  to?: string;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Moves `<fromDir>/<ledgerName>` (and its WAL) to `toDir` when `toDir` has no ledger yet.
 * Copies first (the folders may be on different volumes), makes the copies durable, renames them
 * into place with the main file last (the commit point: an interrupted move is simply redone),
 * then renames the originals with LEGACY_SUFFIX and leaves a note beside them.
 */
export function moveLegacyLedger(fromDir: string | null, toDir: string, ledgerName: string): LegacyMove {
  if (!fromDir || fromDir === toDir) return { moved: false };
  const from = join(fromDir, ledgerName);
  const to = join(toDir, ledgerName);
  if (!existsSync(from) || existsSync(to)) return { moved: false };
  mkdirSync(toDir, { recursive: true });
  // The -shm file is an index SQLite rebuilds; the WAL holds committed transactions and must come along.
  const parts = [`${ledgerName}-wal`, ledgerName].filter((name) => existsSync(join(fromDir, name)));
  for (const name of parts) {
    const tmp = join(toDir, `${name}.moving`);
    copyFileSync(join(fromDir, name), tmp);
    fsyncFile(tmp);
  }
  for (const name of parts) renameSync(join(toDir, `${name}.moving`), join(toDir, name));
  for (const name of [...parts, `${ledgerName}-shm`]) {
    if (existsSync(join(fromDir, name))) renameSync(join(fromDir, name), join(fromDir, `${name}${LEGACY_SUFFIX}`));
  }
  writeFileSync(
    join(fromDir, 'LEDGER-MOVED.txt'),
    `Ringup moved its ledger from this folder to:\r\n${toDir}\r\nThe files ending in ${LEGACY_SUFFIX} are the copy it was moved from; keep them until you have checked the new folder.\r\n`,
  );
  return { moved: true, from, to };
}
