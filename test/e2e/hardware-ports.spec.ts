import { expect, setUpOwner, test } from './fixtures';

// The settings screens name ports the way the register's OS does. This machine runs Linux, so
// the printer may be a USB printer device (lp group) and serial ports are /dev paths (dialout).

test('printer settings on Linux: the USB device kind is offered, hints name the lp and dialout groups, COM3 is refused', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-printer').click();

  const kind = page.getByTestId('printer-kind');
  await expect(kind.locator('option')).toHaveText(['网络（TCP 9100）', '串口', 'USB 打印机设备', '文件（调试用）']);

  await kind.selectOption('device');
  await expect(page.getByTestId('printer-path')).toHaveAttribute('placeholder', '/dev/usb/lp0');
  await expect(page.getByTestId('printer-path-hint')).toContainText('lp 组');

  await kind.selectOption('serial');
  await expect(page.getByTestId('printer-path')).toHaveAttribute('placeholder', '/dev/ttyUSB0');
  await expect(page.getByTestId('printer-path-hint')).toContainText('dialout 组');

  // A Windows port name is refused with the form this register expects, and nothing is saved.
  await page.getByTestId('printer-path').fill('COM3');
  await page.getByTestId('printer-save').click();
  await expect(page.getByTestId('error')).toHaveText('“COM3”不是本机的串口名称。请使用类似 /dev/ttyUSB0 的名称。');
});

test('card terminal settings on Linux: /dev/ttyUSB0 as the example, dialout named, COM3 refused', async ({ page, register }) => {
  await setUpOwner(page, register, 'en');
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-card-terminal').click();
  await page.getByTestId('terminal-kind').selectOption('serial');
  await expect(page.getByTestId('terminal-path')).toHaveAttribute('placeholder', '/dev/ttyUSB0');
  await expect(page.getByTestId('terminal-path-hint')).toContainText('dialout group');
  await page.getByTestId('terminal-path').fill('COM3');
  await page.getByTestId('terminal-save').click();
  await expect(page.getByTestId('error')).toHaveText('“COM3” is not a serial port name on this computer. Use a name like /dev/ttyUSB0.');
});
