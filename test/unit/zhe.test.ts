import { describe, expect, it } from 'vitest';
import { rateBpToZhe, zheToRateBp } from '../../renderer/src/format/zhe';

// 折 as a shop in China writes it: the share of the price the customer pays, in tenths
// ("9折" pays 90%), or in hundredths when written with two digits ("95折" pays 95%).
describe('discounts in 折', () => {
  it('reads one digit, with decimals, as tenths of the price paid', () => {
    expect(zheToRateBp('9')).toBe(1000);
    expect(zheToRateBp('8.5')).toBe(1500);
    expect(zheToRateBp('8.75')).toBe(1250);
    expect(zheToRateBp('5')).toBe(5000);
    expect(zheToRateBp('0.5')).toBe(9500);
  });

  it('reads two whole digits as hundredths, as price tags write 95折 and 88折', () => {
    expect(zheToRateBp('95')).toBe(500);
    expect(zheToRateBp('88')).toBe(1200);
    expect(zheToRateBp(' 75 ')).toBe(2500);
  });

  it('refuses what is no discount or no number', () => {
    for (const text of ['', '0', '10', '100', '9.5.1', 'abc', '9.555', '12.5', '-9']) expect(zheToRateBp(text), text).toBeNull();
  });

  it('shows a percentage off in 折', () => {
    expect(rateBpToZhe(1000)).toBe('9');
    expect(rateBpToZhe(1500)).toBe('8.5');
    expect(rateBpToZhe(500)).toBe('9.5');
    expect(rateBpToZhe(1250)).toBe('8.75');
    expect(rateBpToZhe(5)).toBe('9.995');
    expect(rateBpToZhe(0)).toBeNull();
    expect(rateBpToZhe(10_000)).toBeNull();
  });

  it('goes both ways for every 折 a cashier keys in tenths', () => {
    for (let tenths = 1; tenths <= 99; tenths++) {
      const text = rateBpToZhe(zheToRateBp((tenths / 10).toFixed(1)) ?? 0);
      expect(text).toBe((tenths / 10).toFixed(1).replace(/\.0$/, ''));
    }
  });
});
