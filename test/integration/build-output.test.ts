import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// Checks what `npm run build` (electron-vite) produced, which npm test runs first. A sandboxed
// renderer can only run a preload that is one CommonJS script, and only the Electron shell's
// bundle may load electron: browser mode (web.js) must run under plain Node.

const out = join(__dirname, '..', '..', 'out');
const preloadFile = join(out, 'preload', 'index.js');
const mainDir = join(out, 'main');

function built(): void {
  if (!existsSync(preloadFile) || !existsSync(join(mainDir, 'index.js'))) {
    throw new Error(`The build output is missing (${out}). Run "npm run build" before vitest; "npm test" does this.`);
  }
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return jsFiles(path);
    return /\.(c|m)?js$/.test(e.name) ? [path] : [];
  });
}

/** Module specifiers a CommonJS bundle requires (string literals only). */
function requires(source: string): string[] {
  return [...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1] ?? '');
}

const requiresElectron = (source: string) => requires(source).includes('electron') || /\bfrom\s*["']electron["']|import\(\s*["']electron["']\s*\)/.test(source);

describe('build output: preload', () => {
  it('is a single file', () => {
    built();
    expect(readdirSync(join(out, 'preload'))).toEqual(['index.js']);
  });

  it('is CommonJS with no import statements or other ESM syntax', () => {
    built();
    const source = readFileSync(preloadFile, 'utf8');
    expect(source).not.toMatch(/^\s*import\s*(?:[\w*{][^;]*?\bfrom\s*)?["'][^"']+["']/m);
    expect(source).not.toMatch(/^\s*export\s/m);
    expect(source).not.toMatch(/\bimport\s*\(/);
    expect(source).not.toMatch(/\bimport\.meta\b/);
    // Parses as a CommonJS function body (ESM syntax would be a SyntaxError here).
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- parsing the bundle is the point of this test
    expect(() => new Function('require', 'module', 'exports', '__dirname', '__filename', source)).not.toThrow();
  });

  it('requires electron and nothing else (no chunks, no zod, no Node modules)', () => {
    built();
    const source = readFileSync(preloadFile, 'utf8');
    expect(requires(source)).toEqual(['electron']);
    expect(source).not.toMatch(/\bzod\b|ZodError|safeParse/);
  });

  it('exposes exactly one key on window', () => {
    built();
    const source = readFileSync(preloadFile, 'utf8');
    expect([...source.matchAll(/exposeInMainWorld\(\s*["']([^"']+)["']/g)].map((m) => m[1])).toEqual(['ringup']);
    expect(source).not.toMatch(/exposeInIsolatedWorld/);
  });
});

describe('build output: main', () => {
  it('has the shell (index.js) and browser mode (web.js)', () => {
    built();
    expect(existsSync(join(mainDir, 'index.js'))).toBe(true);
    expect(existsSync(join(mainDir, 'web.js'))).toBe(true);
  });

  it('only the shell bundle requires electron', () => {
    built();
    const loaders = jsFiles(mainDir)
      .filter((file) => requiresElectron(readFileSync(file, 'utf8')))
      .map((file) => relative(mainDir, file).split(sep).join('/'));
    expect(loaders).toEqual(['index.js']);
  });

  it('browser mode cannot reach electron through a shared chunk', () => {
    built();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      expect(requiresElectron(source), relative(mainDir, file)).toBe(false);
      for (const spec of requires(source)) if (spec.startsWith('.')) visit(join(file, '..', spec.endsWith('.js') ? spec : `${spec}.js`));
    };
    visit(join(mainDir, 'web.js'));
    expect(seen.size).toBeGreaterThan(0);
  });
});
