// The customer display through a card sale and a return, with the register on the terminal
// simulator over a real socat pty: the card is asked for while the terminal waits for it, a card
// sale shows how it was paid and no change, and a return leaves the previous customer's sale for
// the welcome screen, then shows the goods and the money going back to the card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerDisplayView } from '../../preload/contract';
import { type CardRig, firstStep, key, payCard, settled, startCardRig } from '../support/card-register';
import { until } from '../support/until';

const WATER = '6901234567892'; // 2.00

let rig: CardRig;
let views: CustomerDisplayView[] = [];

beforeAll(async () => {
  rig = await startCardRig();
  rig.reg.events.subscribe((event, payload) => {
    if (event === 'display.changed') views.push(payload as CustomerDisplayView);
  });
});
afterAll(() => rig.stop());

const last = () => views.at(-1);

describe('the customer display through card payments and returns', () => {
  it('asks for the card while the terminal waits for it, then shows the card payment without a change line', async () => {
    const { reg, sim } = rig;
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: sale.id, name: '毛巾', qtyMilli: 1000, unitPriceMinor: 643 });
    views = [];
    sim.script({ cardDelayMs: 800 });
    const step = firstStep(reg, sale.id);
    const paying = payCard(reg, sale.id);
    await step;
    await until('the display to ask for the card', () => last()?.cardWaiting === true);
    expect(last()).toMatchObject({ state: 'sale', totalMinor: 643, cardWaiting: true });
    expect((await paying).ok).toBe(true);
    await until('the display to show the sale done', () => last()?.state === 'done');
    expect(last()).toMatchObject({ state: 'done', totalMinor: 643, changeMinor: 0, cardWaiting: false, payments: [{ method: 'card', amountMinor: 643 }] });
    await settled(reg);
  });

  it('leaves the last sale for the welcome screen when a return starts, then shows the money going back to the card', async () => {
    const { reg } = rig;
    // A card sale of two lines, then a cash sale with change for the next customer.
    const cardSale = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: cardSale.id, name: '毛巾', qtyMilli: 1000, unitPriceMinor: 1200 });
    await reg.must('sale.addCustomLine', { saleId: cardSale.id, name: '香皂', qtyMilli: 1000, unitPriceMinor: 800 });
    const paid = await payCard(reg, cardSale.id);
    if (!paid.ok) throw new Error(JSON.stringify(paid.error));
    await settled(reg);
    const cash = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: cash.id, code: WATER });
    await reg.must('sale.tenderCash', { saleId: cash.id, tenderedMinor: 5000, idempotencyKey: key() });
    await until('the display to show the change', () => last()?.state === 'done' && last()?.changeMinor === 4800);

    views = [];
    const found = await reg.must('refund.find', { code: String(paid.value.sale.receiptNo) });
    await until('the display to leave the last sale', () => last() !== undefined);
    expect(last()).toMatchObject({ state: 'idle', lines: [], changeMinor: 0 });
    // Reading the display afresh (a reloaded display window) gives the same.
    expect(await reg.must('display.current', {})).toMatchObject({ state: 'idle' });

    const soap = found.sale.lines.find((l) => l.name === '香皂');
    // The customer takes a while to present the card for the refund (06 31).
    rig.sim.script({ cardDelayMs: 800 });
    const refunding = reg.call('refund.withReceipt', {
      saleId: cardSale.id,
      lines: [{ lineId: soap?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    await until('the display to show the return under way', () => last()?.state === 'return' && last()?.cardWaiting === true);
    expect(last()).toMatchObject({ state: 'return', totalMinor: 800, correction: { kind: 'refund', done: false }, lines: [{ name: '香皂' }] });
    const refund = await refunding;
    expect(refund.ok && refund.value.sale.status).toBe('completed');
    await until('the display to show the return', () => last()?.state === 'return' && last()?.correction?.done === true);
    expect(last()).toMatchObject({
      state: 'return',
      totalMinor: 800,
      changeMinor: 0,
      correction: { kind: 'refund', done: true },
      payments: [{ method: 'card', amountMinor: 800 }],
      lines: [{ name: '香皂', qtyMilli: 1000, amountMinor: 800 }],
    });
    await settled(reg);
  });

  it('a new sale after a return takes the display back to the items being rung up', async () => {
    const { reg } = rig;
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: WATER });
    await until('the display to show the new sale', () => last()?.state === 'sale');
    expect(last()).toMatchObject({ state: 'sale', totalMinor: 200, correction: null, payments: [] });
  });
});
