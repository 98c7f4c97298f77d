import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// "Electron is a thin shell": in main/, only the shell (main/host/electron.ts and its
// main/host/electron-*.ts helpers) may load electron at runtime. Everything else, including the
// security policies, must run under plain Node so vitest can test it.

const repo = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [path] : [];
  });
}

const VALUE_IMPORT =
  /^\s*(?:import\s+(?!type\s)[^;]*?from\s+|import\s+|export\s+(?!type\s)[^;]*?from\s+)['"]electron(?:\/[^'"]*)?['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/m;

const isShellFile = (rel: string) => /^main\/host\/electron(-[a-z-]+)?\.ts$/.test(rel);

describe('who may import electron', () => {
  const files = sources(join(repo, 'main')).map((f) => relative(repo, f).split(sep).join('/'));

  it('finds the shell files', () => {
    expect(files).toContain('main/host/electron.ts');
  });

  it('only the shell value-imports electron in main/', () => {
    const offenders = files.filter((rel) => !isShellFile(rel) && VALUE_IMPORT.test(readFileSync(join(repo, rel), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the security policies import electron for types only', () => {
    const policies = files.filter((rel) => rel.startsWith('main/host/electron-policy/'));
    expect(policies.length).toBeGreaterThan(5);
    for (const rel of policies) expect(readFileSync(join(repo, rel), 'utf8'), rel).not.toMatch(VALUE_IMPORT);
  });

  it('the pattern catches the forms it must', () => {
    for (const bad of [
      "import { app } from 'electron';",
      'import electron from "electron";',
      "const e = require('electron');",
      "import 'electron';",
      "export { app } from 'electron';",
    ]) {
      expect(VALUE_IMPORT.test(bad), bad).toBe(true);
    }
    for (const fine of ["import type { App } from 'electron';", "export type { App } from 'electron';"]) expect(VALUE_IMPORT.test(fine), fine).toBe(false);
  });
});
