// The bundles in a folder, found by their names, and retention: keep this register's newest N.
// Called only after a new bundle has been written and verified, so the oldest is never removed for
// a newer one that might not be good; another register's bundles in a shared folder are not ours.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleListItem } from '../../preload/contract/backup-views';
import { parseBundleFileName } from './bundle-format';

/** Every Ringup bundle in the folder, newest first (by the creation instant in the name). */
export function listBundles(folder: string): BundleListItem[] {
  const found: (BundleListItem & { stamp: string })[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parseBundleFileName(name);
    if (!parsed) continue;
    const file = join(folder, name);
    let bytes: number;
    try {
      const info = statSync(file);
      if (!info.isFile()) continue;
      bytes = info.size;
    } catch {
      continue;
    }
    found.push({ file, name, bytes, registerId: parsed.registerId, from: parsed.from, to: parsed.to, stamp: parsed.stamp });
  }
  found.sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : a.name < b.name ? 1 : -1));
  return found.map(({ stamp: _stamp, ...item }) => item);
}

/** Removes this register's bundles beyond the newest `keep`; returns the names removed. */
export function pruneBundles(folder: string, registerId: string, keep: number): string[] {
  const ours = listBundles(folder).filter((b) => b.registerId === registerId);
  const removed: string[] = [];
  for (const old of ours.slice(keep)) {
    rmSync(old.file, { force: true });
    removed.push(old.name);
  }
  return removed;
}
