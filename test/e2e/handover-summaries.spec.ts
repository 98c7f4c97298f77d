import { callRegister, expect, openShift, saleScreenReady, setUpOwner, test } from './fixtures';
import { inViewport } from './layout';

// The handover difference of a closed day, in zh-CN at 1024×768: besides 班次 / X / Z (see
// shift-handover.spec.ts), the Z list and the month report (报表, by month) show 交接差额.

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
});

test('a day whose next shift opened ¥0.50 short: the Z list and the month report show 交接差额 短款 ¥0.50', async ({ page, register }) => {
  test.setTimeout(90_000);
  await setUpOwner(page, register);
  // Arranged over the register's socket (the screens of the handover have their own test): the
  // shift closes counted even at ¥250.00, the next opens on ¥249.50.
  const current = (await callRegister(page, 'shift.current', {})) as { value: { shift: { id: number } } };
  const shiftId = current.value.shift.id;
  const even = [
    { denominationMinor: 10000, count: 2 },
    { denominationMinor: 1000, count: 5 },
  ];
  expect(await callRegister(page, 'shift.count', { shiftId, counts: even, idempotencyKey: 'handover-e2e-count' })).toMatchObject({ ok: true });
  expect(await callRegister(page, 'shift.close', { shiftId, idempotencyKey: 'handover-e2e-close' })).toMatchObject({ ok: true });
  const short = [
    { denominationMinor: 10000, count: 2 },
    { denominationMinor: 1000, count: 4 },
    { denominationMinor: 100, count: 9 },
    { denominationMinor: 50, count: 1 },
  ];
  const opened = await callRegister(page, 'shift.open', { float: { kind: 'counted', counts: short }, idempotencyKey: 'handover-e2e-open' });
  expect(opened).toMatchObject({ ok: true, value: { handover: { differenceMinor: -50 } } });
  const status = (await callRegister(page, 'dayClose.status', {})) as { value: { businessDay: string; liveShifts: { shiftId: number }[] } };
  const closed = await callRegister(page, 'dayClose.close', {
    businessDay: status.value.businessDay,
    forceClose: status.value.liveShifts.map((s) => ({ shiftId: s.shiftId, reason: '交接测试' })),
    idempotencyKey: 'handover-e2e-z',
  });
  expect(closed).toMatchObject({ ok: true, value: { handoverMinor: -50 } });
  await page.reload();
  await openShift(page);
  await saleScreenReady(page);

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-z-reports').click();
  const row = page.getByTestId('z-row');
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId('z-list')).toContainText('交接差额');
  await expect(page.getByTestId('z-row-handover')).toHaveText('短款 ¥0.50');
  expect(await inViewport(page.getByTestId('z-reprint-1')), '打印副本 in the window').toBe(true);

  await page.getByTestId('back-office-nav-reports').click();
  await page.getByTestId('reports-group-by').selectOption('month');
  await page.getByTestId('reports-run').click();
  await expect(page.getByTestId('reports-handover')).toHaveText('短款 ¥0.50');
  await expect(page.getByTestId('reports-over-short')).toHaveText('无差额');
  const periods = page.getByTestId('reports-table-periods');
  await expect(periods.locator('thead')).toContainText('交接差额');
  await expect(periods.locator('tbody tr')).toHaveCount(1);
  await expect(periods.locator('tbody tr td').last()).toHaveText('-¥0.50');
  expect(await inViewport(page.getByTestId('reports-handover')), '交接差额 in the window').toBe(true);
});
