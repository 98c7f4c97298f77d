import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// The project's import graph, read from the sources: every import, export-from, dynamic import,
// require() and vi.mock() specifier, type-only ones included (a type-only cycle is still a cycle
// a reader has to untangle). Relative specifiers resolve to repo files; bare ones stay as given.

export interface ImportEdge {
  /** Importing file, repo-relative with forward slashes. */
  from: string;
  /** Repo-relative file for a relative import, else the bare specifier (`node:fs`, `zod`). */
  to: string;
  typeOnly: boolean;
  line: number;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.cjs', '.mjs'];
const PATTERN =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(root: string, dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(root, path);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [path] : [];
  });
}

const posix = (root: string, path: string) => relative(root, path).split(sep).join('/');

function resolveRelative(fromFile: string, specifier: string): string | null {
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, `index${e}`))]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The module specifiers a source text imports, with whether each import is type-only. */
export function specifiersIn(text: string): { specifier: string; typeOnly: boolean; line: number }[] {
  return [...text.matchAll(PATTERN)].map((m) => ({
    specifier: m[3] ?? m[4] ?? m[5] ?? '',
    typeOnly: m[2] !== undefined,
    line: text.slice(0, m.index).split('\n').length + (m[0].startsWith('\n') ? 1 : 0),
  }));
}

/** Every import edge of the .ts/.tsx files under `dirs` (repo-relative). */
export function importGraph(root: string, dirs: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(root, join(root, d)))) {
    for (const { specifier, typeOnly, line } of specifiersIn(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = resolveRelative(file, specifier);
        edges.push({ from: posix(root, file), to: target ? posix(root, target) : `unresolved:${specifier}`, typeOnly, line });
      } else {
        edges.push({ from: posix(root, file), to: specifier, typeOnly, line });
      }
    }
  }
  return edges;
}

/** Import cycles among files, each as the list of files around it (Tarjan's strongly connected components). */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (e.to.includes(':') || !e.to.includes('/')) continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!indices.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node) ?? 0, indices.get(to) ?? 0));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (next.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) cycles.push(component.sort());
    }
  };
  for (const node of next.keys()) if (!indices.has(node)) visit(node);
  return cycles;
}
