// Registers and backup folders for the backup suites, removed after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEveryTest } from './after-every-test';
import { makeRegister, OWNER_PIN, type TestRegister } from './register-fixture';

export const cleanups: (() => void)[] = [];
afterEveryTest(() => {
  for (const c of cleanups.splice(0)) c();
});

export function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-backup-target-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function register(dir?: string): TestRegister {
  const reg = makeRegister(dir ? { dir } : {});
  cleanups.push(() => reg.cleanup());
  return reg;
}

export async function ownerWithFolder(reg: TestRegister, target: string, keep = 30): Promise<number> {
  const session = await reg.must('setup.createOwner', { name: 'Owner 老板', pin: OWNER_PIN });
  await reg.must('backup.setConfig', { folder: target, keep });
  return session.operator?.id ?? 0;
}
