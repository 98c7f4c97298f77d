import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyCode, maskPaymentCode } from '../../preload/contract/payment-code';

describe('payment code recognition', () => {
  it('names WeChat, Alipay and UnionPay codes by length and prefix', () => {
    expect(classifyCode('134567890123456789')).toMatchObject({ kind: 'payment', provider: 'wechat' });
    expect(classifyCode('154567890123456789')).toMatchObject({ kind: 'payment', provider: 'wechat' }); // Hong Kong
    expect(classifyCode('2812345678901234')).toMatchObject({ kind: 'payment', provider: 'alipay' }); // 16 digits
    expect(classifyCode('301234567890123456789012')).toMatchObject({ kind: 'payment', provider: 'alipay' }); // 24 digits
    expect(classifyCode('6212345678901234567')).toMatchObject({ kind: 'payment', provider: 'unionpay' });
  });

  it('never refuses an unknown numeric code of 16 digits or more', () => {
    expect(classifyCode('1612345678901234')).toEqual({ kind: 'payment', provider: 'unknown', digits: '1612345678901234' });
    expect(classifyCode('194567890123456789')).toMatchObject({ kind: 'payment', provider: 'unknown' }); // a WeChat prefix of tomorrow
    expect(classifyCode('3112345678901234567')).toMatchObject({ kind: 'payment', provider: 'unknown' });
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{16,32}$/), (digits) => {
        expect(classifyCode(digits).kind).toBe('payment');
      }),
    );
  });

  it('never takes a product barcode for a payment code, or the reverse', () => {
    for (const ean of ['6901234567892', '96385074', '036000291452', '10614141000415', '2512345678905'])
      expect(classifyCode(ean)).toEqual({ kind: 'product', digits: ean });
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,14}$/), (digits) => {
        expect(classifyCode(digits).kind).toBe('product');
      }),
    );
    expect(classifyCode('123456789012345').kind).toBe('other'); // 15 digits: neither
    expect(classifyCode('13456789012345678A').kind).toBe('other');
  });

  it('masks all but the first and last four digits', () => {
    expect(maskPaymentCode('134567890123456789')).toBe('1345**********6789');
  });
});
