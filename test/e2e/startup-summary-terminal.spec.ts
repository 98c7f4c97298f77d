import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { closedPort } from '../support/closed-port';
import { startWebRegister, type WebRegister } from '../support/web-register';
import { restartAndLogIn } from './restart-steps';
import { callRegister, closePagesAndStop, expect, setUpOwner, test } from './fixtures';

// The start-up summary runs its check once, while the register is still reaching its card
// terminal. "The card terminal is not connected" is over once the terminal is connected (after a
// restart, recovery may be using it already): the summary stops saying it.
test('the start-up summary stops saying the card terminal is not connected once the terminal connects', async ({ page, context }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ringup-web-summary-'));
  const port = await closedPort();
  let sim: TerminalSimulator | null = null;
  let current: WebRegister = await startWebRegister({ dataDir });
  try {
    await setUpOwner(page, current);
    const saved = (await callRegister(page, 'terminal.setConfig', { config: { kind: 'tcp', host: '127.0.0.1', port } })) as { ok: boolean };
    expect(saved.ok).toBe(true);

    // Restarted with the terminal not (yet) there: the summary names it.
    current = await restartAndLogIn(page, current, dataDir);
    const terminalLine = page.getByTestId('startup-summary-terminal');
    await expect(terminalLine).toBeVisible({ timeout: 20_000 });
    await expect(terminalLine).toContainText('刷卡终端');

    // The terminal comes up at its address; the register connects on its next try.
    const started = await TerminalSimulator.startTcp({ port, currency: CURRENCY.CNY });
    if (!started.ok) throw new Error(started.error.code);
    sim = started.value;
    await expect(terminalLine).toBeHidden({ timeout: 40_000 });
    // It was the only thing the summary had to say: no banner is left to dismiss.
    await expect(page.getByTestId('startup-summary')).toBeHidden();
  } finally {
    await closePagesAndStop(context, current.stop);
    await sim?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
