import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The screens write every moment on the store's clock (settings' timeZone) through
// renderer/src/format/date.ts. A date formatted or read anywhere else in the renderer is on the
// browser's clock, which on a register whose machine keeps another zone says 08:13 where the
// paper says 16:13 (sweep-rep #3). This keeps strays from coming back.
const MACHINE_CLOCK = [
  /\.toLocale(Date|Time)?String\(/,
  /Intl\.DateTimeFormat\(/,
  /\.get(FullYear|Month|Date|Day|Hours|Minutes)\(\)/,
  /\.set(FullYear|Month|Date|Hours|Minutes)\(/,
  // A date or date-and-time text read by the browser is read on its clock.
  /new Date\((?!\)|Date\.UTC|epochMs|at\b)[^)]*\)\.getTime\(\)/,
];

describe("the renderer's clock", () => {
  it("formats and reads dates only through format/date.ts, on the store's zone", () => {
    const files = execFileSync('git', ['ls-files', 'renderer/src/*.ts', 'renderer/src/*.tsx'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f !== '' && f !== 'renderer/src/format/date.ts');
    expect(files.length).toBeGreaterThan(50);
    const strays: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (MACHINE_CLOCK.some((re) => re.test(line))) strays.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(strays).toEqual([]);
  });
});
