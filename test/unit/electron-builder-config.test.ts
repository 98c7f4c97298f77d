import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// electron-builder cannot run here (it downloads Electron), so its configuration is checked as
// data: the fuses are the release binary's last line of defence, and the packaged file list
// must carry a loadable native binary for every platform we ship, without rebuilding anything.

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  icon: string;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  buildDependenciesFromSource: boolean;
  toolsets: { appimage: string };
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; maintainer: string };
  win: { target: string[] };
  mac: { target: string[] };
}

const repo = join(__dirname, '..', '..');
const config = parse(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  homepage?: string;
  author?: { name?: string; email?: string };
  dependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('org.ringup.register');
    expect(config.productName).toBe('Ringup');
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into asar and unpacks only native binaries, so all JavaScript stays under the integrity check', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
  });

  it('never rebuilds native modules (nothing to compile; a rebuild without Electron headers makes a Node-ABI binary)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('builds AppImage (static runtime, no libfuse2) + deb, NSIS and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.toolsets.appimage).toBe('1.0.2');
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('has what the .deb needs: homepage, author with e-mail, maintainer', () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.name).toBeTruthy();
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^@\s]+>/);
  });

  it('uses the committed icon', () => {
    expect(config.icon).toBe('assets/icon.png');
    const png = readFileSync(join(repo, config.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(existsSync(join(repo, 'assets', 'icon.svg'))).toBe(true);
  });

  it('ships the build output and package.json, not the sources', () => {
    expect(config.files).toEqual(['out/**', 'package.json', '!**/*.map']);
  });
});

/** Files of a folder, relative to the repo, with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(repo, path).split(sep).join('/')];
  });
}

describe('the packaged file list', () => {
  // What electron-builder copies besides `files`: the production dependency tree, as npm resolves it.
  const productionDirs = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: repo, encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(`${sep}node_modules${sep}`));
  const productionFiles = new Set(productionDirs.flatMap(filesUnder));
  const unpacked = (file: string) => config.asarUnpack.some((glob) => minimatch(file, glob, { dot: true }));

  // Every platform × arch the release job builds for, and the binary each native module loads there.
  const targets: { target: string; sqlite: string; serial: RegExp }[] = [
    { target: 'linux-x64', sqlite: 'linux-x64', serial: /^linux-x64\/.*glibc\.node$/ },
    { target: 'linux-arm64', sqlite: 'linux-arm64', serial: /^linux-arm64\/.*glibc\.node$/ },
    { target: 'win32-x64', sqlite: 'win32-x64', serial: /^win32-x64\/.*\.node$/ },
    { target: 'darwin-x64', sqlite: 'darwin-x64', serial: /^darwin-x64\+arm64\/.*\.node$/ },
    { target: 'darwin-arm64', sqlite: 'darwin-arm64', serial: /^darwin-x64\+arm64\/.*\.node$/ },
  ];

  it('contains the production dependencies and none of the development ones', () => {
    for (const dep of Object.keys(pkg.dependencies))
      expect(
        productionDirs.some((d) => d.endsWith(`${sep}node_modules${sep}${dep.split('/').join(sep)}`)),
        dep,
      ).toBe(true);
    for (const dev of ['electron', 'node', 'vitest', 'typescript'])
      expect(
        productionDirs.some((d) => d.endsWith(`${sep}node_modules${sep}${dev}`)),
        dev,
      ).toBe(false);
  });

  it.each(targets)('carries prebuilt, unpacked better-sqlite3 and serialport binaries for $target', ({ sqlite, serial }) => {
    const sqliteBinary = `node_modules/better-sqlite3/prebuilds/${sqlite}.node`;
    expect(productionFiles.has(sqliteBinary), sqliteBinary).toBe(true);
    expect(unpacked(sqliteBinary)).toBe(true);
    const serialBinaries = [...productionFiles].filter(
      (f) =>
        f.startsWith('node_modules/@serialport/bindings-cpp/prebuilds/') && serial.test(f.slice('node_modules/@serialport/bindings-cpp/prebuilds/'.length)),
    );
    expect(serialBinaries.length, `serialport binary for ${sqlite}`).toBeGreaterThan(0);
    for (const file of serialBinaries) expect(unpacked(file), file).toBe(true);
  });

  it('keeps every JavaScript file of the dependencies inside the archive', () => {
    const js = [...productionFiles].filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(100);
    expect(js.filter(unpacked)).toEqual([]);
  });
});
