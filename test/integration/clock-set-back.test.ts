// A clock set back at a restart (a flat CMOS battery, a wrong time server): the register keeps
// selling, but a new sale never joins a business day before the latest one booked, the Z order
// follows the receipt order, and the self-check says the clock is behind the ledger.
// The shop's days lie ahead of the real clock: a few journal entries (settings changed) are
// stamped with the machine's time, not the register's clock this test moves.
import { createInstance } from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { SelfCheckItem } from '../../preload/contract/views';
import ui from '../../assets/locales/en/ui.json';
import uiZh from '../../assets/locales/zh-CN/ui.json';
import errorsEn from '../../assets/locales/en/errors.json';
import errorsZh from '../../assets/locales/zh-CN/errors.json';
import { checkProblemText } from '../../renderer/src/screens/setup/check-problem';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { formatDateTime } from '../../renderer/src/format/date';
import { key, openShop, shanghai, type Shop } from '../support/day-close-shop';
import { CASHIER_PIN, FIXTURE_FLOAT, openShift, SUPERVISOR_PIN, type TestRegister } from '../support/register-fixture';

// The register last started on each test's folder: the ones before it were closed by its restart.
let live: TestRegister | null = null;
afterEach(() => {
  live?.cleanup();
  live = null;
});

function onScreen(p: SelfCheckItem['problems'][number], lng: 'en' | 'zh-CN'): string {
  const i18n = createInstance();
  void i18n.init({
    resources: { en: { ui, errors: errorsEn }, 'zh-CN': { ui: uiZh, errors: errorsZh } },
    lng,
    ns: ['ui', 'errors'],
    defaultNS: 'ui',
    keySeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const text = checkProblemText(
    p,
    i18n.t,
    (ms) => formatDateTime(ms, lng, 'Asia/Shanghai'),
    (e) => errorMessage(e, i18n.t, lng, 'CNY', 'Asia/Shanghai'),
  );
  return `${text.problem} ${text.fix}`;
}

async function clockPart(reg: TestRegister): Promise<SelfCheckItem> {
  const item = (await reg.must('selfcheck.run', {})).items.find((i) => i.id === 'clock');
  if (!item) throw new Error('no clock in the self-check');
  return item;
}

async function start(at: number): Promise<Shop> {
  const shop = await openShop(at);
  live = shop.reg;
  return shop;
}

/** The register stopped and started again on the same folder, with the shop's clock as it is now. */
async function restart(shop: Shop): Promise<TestRegister> {
  const reg = (live ?? shop.reg).reopen();
  live = reg;
  await reg.must('session.login', { operatorId: shop.staff.cashierId, pin: CASHIER_PIN });
  return reg;
}

async function cashSale(reg: TestRegister, priceMinor: number) {
  const sale = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: sale.id, name: '商品 Item', qtyMilli: 1000, unitPriceMinor: priceMinor, taxRateBp: 1300 });
  const done = await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: priceMinor, idempotencyKey: key() });
  return { receiptNo: done.receiptNo, businessDay: done.sale.businessDay };
}

describe('a clock set back at a restart', () => {
  it('books the next sale to the latest day, warns at start-up, and moves on to the next day after its Z', async () => {
    const shop = await start(shanghai('2036-03-10', '10:00'));
    expect(await cashSale(shop.reg, 1000)).toEqual({ receiptNo: 1, businessDay: '2036-03-10' });
    expect((await clockPart(shop.reg)).state).toBe('ok');

    // The register restarts with its clock a day behind.
    shop.clock.now = shanghai('2036-03-09', '10:00');
    const reg = await restart(shop);
    expect(await cashSale(reg, 2000)).toEqual({ receiptNo: 2, businessDay: '2036-03-10' });

    // The self-check (and so the start-up summary) says so, after the login and the sale written with the wrong clock.
    const clock = await clockPart(reg);
    expect(clock).toMatchObject({ state: 'warning', problems: [{ code: 'clock.behind_hours', params: { hours: 24, minutes: 0 } }] });
    const problem = clock.problems[0] as SelfCheckItem['problems'][number];
    expect(onScreen(problem, 'zh-CN')).toMatch(/^收银机时钟比账本最后一条记录早 24 小时 0 分钟：请先校正时钟。 账本最后一条记录的时间是 2036年3月10日/);
    expect(onScreen(problem, 'en')).toMatch(/^The register's clock is 24 h 0 min earlier than the ledger's last entry: set the clock right first\./);

    // The Z offered is 03-10's, with both receipts in order.
    const shiftId = (await reg.must('shift.current', {})).shift?.id ?? 0;
    await reg.must('shift.count', { shiftId, counts: FIXTURE_FLOAT, idempotencyKey: key() });
    await reg.must('shift.close', { shiftId, idempotencyKey: key() });
    await reg.must('session.login', { operatorId: shop.staff.supervisorId, pin: SUPERVISOR_PIN });
    expect((await reg.must('dayClose.status', {})).businessDay).toBe('2036-03-10');
    const z = await reg.must('dayClose.close', { businessDay: '2036-03-10', idempotencyKey: key() });
    expect(z.businessDay).toBe('2036-03-10');
    const days = reg.db.prepare('SELECT receipt_no AS receiptNo, business_day AS day FROM documents ORDER BY receipt_no').all();
    expect(days).toEqual([
      { receiptNo: 1, day: '2036-03-10' },
      { receiptNo: 2, day: '2036-03-10' },
    ]);

    // With 03-10 closed and the clock still on 03-09, the next shift and sale belong to 03-11.
    await reg.must('session.login', { operatorId: shop.staff.cashierId, pin: CASHIER_PIN });
    await openShift(reg);
    expect((await reg.must('shift.current', {})).shift?.businessDay).toBe('2036-03-11');
    expect(await cashSale(reg, 3000)).toEqual({ receiptNo: 3, businessDay: '2036-03-11' });
    await reg.must('session.login', { operatorId: shop.staff.supervisorId, pin: SUPERVISOR_PIN });
    expect((await reg.must('dayClose.status', {})).businessDay).toBe('2036-03-11');
  });

  it('says nothing for a clock a minute behind (drift a time server corrects), and words minutes and days', async () => {
    const shop = await start(shanghai('2036-03-10', '10:00'));
    await cashSale(shop.reg, 1000);

    shop.clock.now = shanghai('2036-03-10', '09:59');
    expect(await clockPart(await restart(shop))).toMatchObject({ state: 'ok', problems: [] });

    shop.clock.now = shanghai('2036-03-10', '09:15');
    const minutes = await clockPart(await restart(shop));
    expect(minutes.problems).toMatchObject([{ code: 'clock.behind_minutes', params: { minutes: 45 } }]);
    expect(onScreen(minutes.problems[0] as SelfCheckItem['problems'][number], 'zh-CN')).toMatch(/^收银机时钟比账本最后一条记录早 45 分钟/);

    shop.clock.now = shanghai('2036-01-01', '08:00');
    const days = await clockPart(await restart(shop));
    expect(days.problems).toMatchObject([{ code: 'clock.behind_days', params: { count: 69 } }]);
    expect(onScreen(days.problems[0] as SelfCheckItem['problems'][number], 'en')).toMatch(/^The register's clock is 69 days earlier/);
    // Selling goes on, on the ledger's latest day.
    expect((await cashSale(live as TestRegister, 500)).businessDay).toBe('2036-03-10');
  });
});
