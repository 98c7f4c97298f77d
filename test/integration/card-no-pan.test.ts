// PCI rule: the register never stores a full card number. Run card payments with a real-looking
// card (Luhn-valid 4761739001010119) through approve, decline, recovery, signature and
// end-of-day, then scan every byte the register wrote: the SQLite file, its WAL and shared
// memory, the register's log and the protocol trace.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { DEFAULT_CARD } from '../../main/hardware/terminal/simulator/behaviour';
import { TerminalFixture } from '../support/terminal-sim';
import { cardRegister, payCard, saleOf, settled, withStaff } from '../support/card-register';
import { SUPERVISOR_PIN } from '../support/register-fixture';

const PAN = '4761739001010119';
const f = new TerminalFixture();
afterAll(() => f.stopAll());

function variants(pan: string): string[] {
  // As text, spaced like on an embossed card, and as packed BCD bytes (how ZVT carries a PAN).
  const bcd = Buffer.from(pan, 'hex').toString('latin1');
  return [pan, pan.replace(/(\d{4})(?=\d)/g, '$1 '), bcd];
}

describe('no full card number anywhere', () => {
  it('is in neither the database files nor the logs after a run', async () => {
    expect(DEFAULT_CARD.pan).toBe(PAN);
    const sim = await f.sim({ currency: CURRENCY.CNY });
    const reg = await cardRegister(sim.registerPath ?? '');
    const staff = await withStaff(reg);
    expect((await payCard(reg, await saleOf(reg, 1999))).ok).toBe(true);
    sim.script({ outcome: 'decline', declineReason: 'insufficient_funds' });
    const declinedSale = await saleOf(reg, 2999);
    expect((await payCard(reg, declinedSale)).ok).toBe(false);
    expect((await payCard(reg, declinedSale)).ok).toBe(true);
    sim.script({ silentAfter: 'decision', signatureRequired: true });
    const silentSale = await saleOf(reg, 3999);
    expect((await payCard(reg, silentSale)).ok).toBe(true);
    await reg.must('card.confirmSignature', { saleId: silentSale });
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    await reg.must('terminal.endOfDay', {});
    await settled(reg);
    await reg.terminal.stop();
    reg.close();

    const files = [reg.file, `${reg.file}-wal`, `${reg.file}-shm`].filter((p) => existsSync(p));
    const blobs = [...files.map((p) => readFileSync(p).toString('latin1')), reg.trace.join('\n'), reg.log.lines.join('\n')];
    // The scan must be looking at real content: the masked number is there, the full one is not.
    expect(blobs.join('\n')).toContain('476173******0119');
    expect(reg.trace.length).toBeGreaterThan(50);
    for (const blob of blobs) for (const v of variants(PAN)) expect(blob.includes(v)).toBe(false);
    reg.cleanup();
  });
});
