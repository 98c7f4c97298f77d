// The printer's golden files (test/golden/printer): what a receipt or a report prints, kept as text
// and compared byte for byte. `UPDATE_GOLDEN=1` rewrites them after a deliberate change.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { defaultPrinterProfile, type PrinterProfile } from '../../main/hardware/printer/printer-profile';

const goldenDir = join(__dirname, '..', 'golden', 'printer');

/** The default printer on 58 or 80 mm paper. */
export const paperProfile = (paper: '58mm' | '80mm'): PrinterProfile => ({ ...defaultPrinterProfile, paper });

/** Compare with the stored file; `UPDATE_GOLDEN=1` rewrites it after a deliberate change. */
export function expectGolden(name: string, text: string): void {
  const file = join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, text);
  expect(existsSync(file), `${name} missing; run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}
