// The X report while a void of a sale paid ¥50.00 on the card and ¥30.00 by WeChat Pay is half
// done: the card part already back at the terminal (ZVT simulator on a real socat pty), the
// wallet part still processing at the provider (simulator over real HTTP), on a real ledger file.
// The figures count the void only once it completes (as the Z will); meanwhile the X lists it
// apart, with the card money already back, so the card out plus it is what the terminal gave
// back. Once the provider settles, the void is in the figures as any completed void, and the list
// is empty. The day cannot be closed meanwhile.
import { describe, expect, it } from 'vitest';
import type { XReportView } from '../../preload/contract/day-close-views';
import { cardAndCodeSale, cardGivenBack, minus, useMixedRig, xFigures, type MixedRig } from '../support/mixed-correction-rig';
import { key, until } from '../support/scan-rig';

let rig: MixedRig;
useMixedRig((started) => (rig = started));

const statusOf = (id: string) => (rig.reg.db.prepare('SELECT status FROM documents WHERE id = ?').get(id) as { status: string }).status;

async function xOf(scope: 'shift' | 'day'): Promise<XReportView> {
  await rig.asSupervisor();
  return rig.reg.must('report.x', { scope });
}

describe('the X report with a split void half done', () => {
  it('lists the open void and the card money already back apart from its figures, which count the void once it completes', async () => {
    const sale = await cardAndCodeSale(rig.reg);
    const before = await xFigures(rig);
    expect((await xOf('shift')).correctionsInProgress).toEqual({ count: 0, totalMinor: 0, back: [] });

    rig.provider.scriptRefunds('pending');
    const voided = await rig.reg.must('void.sale', { saleId: sale.id, reason: 'not_wanted', idempotencyKey: key() });
    expect(voided.sale.status).toBe('open');
    expect((await rig.reg.must('refund.parts', { correctionId: voided.sale.id })).parts.map((p) => [p.method, p.state])).toEqual([
      ['card', 'back'],
      ['scan', 'running'],
    ]);
    // The terminal gave the card part back.
    expect(cardGivenBack(rig, sale)).toBe(1);

    for (const scope of ['shift', 'day'] as const) {
      const x = await xOf(scope);
      expect(x.correctionsInProgress, scope).toEqual({ count: 1, totalMinor: 8000, back: [{ method: 'card', count: 1, amountMinor: 5000 }] });
    }
    // The figures are the Z's: no part of the open void in them, nor any cash out of the drawer for it.
    expect(minus(await xFigures(rig), before)).toEqual({ voids: 0, voidedMinor: 0, cardOut: 0, scanOut: 0, cashOut: 0, expectedCash: 0 });
    // The card out plus what the list says is back is what the terminal gave back since.
    const x = await xOf('shift');
    const cardOut = x.figures.tenders.find((t) => t.method === 'card')?.outMinor ?? 0;
    const back = x.correctionsInProgress.back.find((b) => b.method === 'card')?.amountMinor ?? 0;
    expect(cardOut - before.cardOut + back).toBe(5000);
    // The day cannot close with it open.
    const status = await rig.reg.must('dayClose.status', {});
    expect(await rig.reg.call('dayClose.close', { businessDay: status.businessDay, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'dayClose.correction_in_progress', params: { correctionId: voided.sale.id } },
    });

    rig.provider.settleRefunds();
    await until('the void to complete', () => statusOf(voided.sale.id) === 'completed', 10_000);
    // Completed, it counts as any void does (both parts, once), and nothing is in progress any more.
    expect(minus(await xFigures(rig), before)).toEqual({ voids: 1, voidedMinor: 8000, cardOut: 5000, scanOut: 3000, cashOut: 0, expectedCash: 0 });
    for (const scope of ['shift', 'day'] as const) expect((await xOf(scope)).correctionsInProgress, scope).toEqual({ count: 0, totalMinor: 0, back: [] });
  });
});
