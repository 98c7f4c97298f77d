// What the support modules close after every test (registers, folders), whichever test file the
// test is in. A module hands its closer over once, when it is first imported; the per-file setup
// (vitest-file-setup.ts) runs them all after each test. Hooks registered at import would attach to
// the first file that imports the module only: vitest runs the files of a worker in one module
// graph (isolate: false), so a module is imported once per worker, not once per file.
const closers = new Set<() => unknown>();

/** Runs `close` after every test from now on, in the order modules handed theirs over. */
export function afterEveryTest(close: () => unknown): void {
  closers.add(close);
}

export async function closeAfterTest(): Promise<void> {
  for (const close of closers) await close();
}
