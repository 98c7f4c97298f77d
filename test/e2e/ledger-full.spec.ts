import { execFileSync } from 'node:child_process';
import { expect, ringUpAdHoc, setUpOwner, test } from './fixtures';

// The operating system refuses the register's writes the way a full or failing disk does: a file
// size limit (RLIMIT_FSIZE, set on the running register with prlimit, no root needed) makes every
// write to the ledger fail with EFBIG, which SQLite reports as SQLITE_IOERR_WRITE.
function limitFileSize(pid: number, bytes: number | 'unlimited'): void {
  execFileSync('prlimit', ['--pid', String(pid), `--fsize=${bytes}:unlimited`]);
}

test('a ledger that cannot be written: the sale is refused saying what to do, the banner shows, and the same sale completes once it can', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '矿泉水', '3.00');
  await page.getByTestId('tendered').fill('5');

  limitFileSize(register.pid, 1);
  try {
    await page.getByTestId('take-cash').click();
    await expect(page.getByTestId('error')).toHaveText(
      '收银机无法写入账本（磁盘或文件系统故障），本次操作没有保存。已确认的交易都没有丢失。请联系店主，磁盘检查后再重试。',
    );
    await expect(page.getByTestId('hardware-banner')).toContainText('账本无法写入（磁盘故障）：新的交易无法保存。已确认的交易是安全的。请联系店主。');
    // Still on the payment screen with the cash keyed: nothing to do again but press the button.
    await expect(page.getByTestId('payment')).toBeVisible();
    await expect(page.getByTestId('tendered')).toHaveValue('5');
  } finally {
    limitFileSize(register.pid, 'unlimited');
  }

  // The disk is back: the cashier presses the same button again.
  await page.getByTestId('take-cash').click();
  await expect(page.getByRole('heading', { name: '交易完成' })).toBeVisible();
  await expect(page.getByTestId('receipt-no')).toHaveText('R1-000001');
  await expect(page.getByTestId('change-due')).toHaveText('¥2.00');
  await expect(page.getByTestId('hardware-banner')).toBeHidden();
});
