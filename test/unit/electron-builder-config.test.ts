import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder cannot run here (it would fetch Electron), so its configuration is checked
// as text: the fuses are the release binary's last line of defence and must not drift.

const repo = join(__dirname, '..', '..');
const yml = readFileSync(join(repo, 'electron-builder.yml'), 'utf8');

/** The `key: value` lines of a top-level block, e.g. electronFuses. */
function block(name: string): Record<string, string> {
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => l === `${name}:`);
  expect(start, `${name}: block`).toBeGreaterThanOrEqual(0);
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!line.startsWith(' ')) break;
    const m = /^\s+([A-Za-z0-9]+):\s*(.*)$/.exec(line);
    if (m?.[1]) entries[m[1]] = m[2] ?? '';
  }
  return entries;
}

/** The `- item` lines under `parent:` / `child:`. */
function list(parent: string, child: string): string[] {
  const m = new RegExp(`^${parent}:\\n(?:  .*\\n)*?  ${child}:\\n((?:    - .*\\n)+)`, 'm').exec(yml);
  return (m?.[1] ?? '')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/^\s*-\s*/, '').replace(/"/g, ''));
}

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(yml).toMatch(/^appId: org\.ringup\.register$/m);
    expect(yml).toMatch(/^productName: Ringup$/m);
  });

  it('flips every security fuse', () => {
    expect(block('electronFuses')).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      loadBrowserProcessSpecificV8Snapshot: 'false',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('packs into asar and unpacks native modules', () => {
    expect(yml).toMatch(/^asar: true$/m);
    expect(yml).toMatch(/^asarUnpack:\n(?:\s+- .*\n)*\s+- "\*\*\/\*\.node"$/m);
  });

  it('builds AppImage + deb, NSIS and dmg', () => {
    expect(list('linux', 'target')).toEqual(['AppImage', 'deb']);
    expect(list('win', 'target')).toEqual(['nsis']);
    expect(list('mac', 'target')).toEqual(['dmg']);
  });

  it('uses the committed icon', () => {
    const icon = /^icon: (.+)$/m.exec(yml)?.[1] ?? '';
    expect(icon).toBe('assets/icon.png');
    const png = readFileSync(join(repo, icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(existsSync(join(repo, 'assets', 'icon.svg'))).toBe(true);
  });

  it('ships the build output and package.json, not the sources', () => {
    expect(yml).toMatch(/^files:\n\s+- out\/\*\*\n\s+- package\.json\n/m);
  });
});
