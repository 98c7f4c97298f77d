import { describe, expect, it } from 'vitest';
import { wrongCheckDigit } from '../../main/catalog/barcode-check';

// Codes printed on real goods and in the GS1 and Wikipedia worked examples, not made by our encoder.
describe('the check digit of a product barcode', () => {
  it('accepts EAN-13, UPC-A, EAN-8 and UPC-E codes whose last digit is their check digit', () => {
    for (const code of ['4006381333931', '5901234123457', '6901234567892', '036000291452', '96385074', '73513537', '04252614', '2100001000004']) {
      expect(wrongCheckDigit(code), code).toBeNull();
    }
  });

  it('names the digit a mistyped code should end in', () => {
    expect(wrongCheckDigit('6902345678907')).toBe(3); // the demo cola as it was shipped
    expect(wrongCheckDigit('4006381333932')).toBe(1);
    expect(wrongCheckDigit('036000291453')).toBe(2);
    expect(wrongCheckDigit('96385075')).toBe(4);
    // 04252614 is a UPC-E (its UPC-A 042100005264 ends in 4), though as an EAN-8 it would end in 0;
    // 04252615 is neither, and the EAN-8 digit is named.
    expect(wrongCheckDigit('04252615')).toBe(0);
  });

  it('leaves codes of other lengths and the store’s own codes alone', () => {
    for (const code of ['111', '1234567', '12345678901', '12345678901234', 'ABC-123', '690234567890A', 'sprite-330']) {
      expect(wrongCheckDigit(code), code).toBeNull();
    }
  });
});
