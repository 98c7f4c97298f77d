import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The Electronegativity gate (npm run lint:security) runs as part of npm test: on the real
// sources it must pass, and on a deliberately bad window it must fail.

const repo = join(__dirname, '..', '..');
const script = join(repo, 'scripts', 'electronegativity.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'ringup-eneg-test-'));

function gate(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: repo });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.concurrent('electronegativity gate', () => {
  it('passes on main/ and preload/ with only allow-listed findings', async () => {
    const run = await gate([]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('all allow-listed with reasons');
    expect(run.out).not.toContain('FAIL');
  }, 120_000);

  it('fails on a window that turns Node on, and on allow-list entries that no longer match', async () => {
    const bad = join(scratch, 'main');
    mkdirSync(bad, { recursive: true });
    writeFileSync(
      join(bad, 'bad-window.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, webSecurity: false } });\n",
    );
    const run = await gate(['--input', bad]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/NODE_INTEGRATION_JS_CHECK main\/bad-window\.ts:2/);
    expect(run.err).toMatch(/WEB_SECURITY_JS_CHECK main\/bad-window\.ts:2/);
    expect(run.err).toContain('match no finding');
  }, 120_000);
});
