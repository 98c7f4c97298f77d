/**
 * Waits for the state a test needs, by asking for it, instead of sleeping a guessed time: resolves
 * with the probe's first truthy answer, or fails naming what never came once `timeoutMs` is up.
 * The bound only decides how long a broken run takes to fail, never whether a good run passes.
 */
export async function until<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // The pace of asking, not a guess at how long anything takes.
    await new Promise((r) => setTimeout(r, 20));
  }
}
