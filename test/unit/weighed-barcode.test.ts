import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, itemDigits, makeScaleLabel, parseScaleLabel, valueCheckDigit, type ScaleLabelLayout } from '../../main/catalog/weighed-barcode';

// Vectors: the GS1 General Specifications' worked examples (7.9.1, 7.9.3) and labels from the
// national GS1 organisations' layouts as collected by an independent parser (jodal/biip,
// tests/rcn/test_rules.py and tests/test_checksums.py), never from our own encoder.
const gb: ScaleLabelLayout = { prefix: '20', kind: 'price', valueDigits: 4, valueCheckDigit: true };
const dePrice: ScaleLabelLayout = { prefix: '22', kind: 'price', valueDigits: 5, valueCheckDigit: true };
const deWeight: ScaleLabelLayout = { prefix: '28', kind: 'weight', valueDigits: 5, valueCheckDigit: true };
const deCount: ScaleLabelLayout = { prefix: '25', kind: 'price', valueDigits: 5, valueCheckDigit: true };
const seWeight: ScaleLabelLayout = { prefix: '23', kind: 'weight', valueDigits: 4, valueCheckDigit: false };
const dkPrice: ScaleLabelLayout = { prefix: '21', kind: 'price', valueDigits: 5, valueCheckDigit: false };
const dkWeight: ScaleLabelLayout = { prefix: '26', kind: 'weight', valueDigits: 5, valueCheckDigit: false };
const all = [gb, dePrice, deWeight, deCount, seWeight, dkPrice, dkWeight];

function parsed(code: string, layouts: ScaleLabelLayout[] = all) {
  const r = parseScaleLabel(code, layouts);
  if (!r || !r.ok) throw new Error(`${code} did not parse: ${JSON.stringify(r)}`);
  return r.label;
}

describe('GS1 check digits', () => {
  it('computes the EAN/GTIN check digit of the specification examples', () => {
    expect(gs1CheckDigit('401234567890')).toBe(1);
    expect(gs1CheckDigit('123456789012')).toBe(8);
    expect(gs1CheckDigit('629104150021')).toBe(3);
    expect(gs1CheckDigit('950110153100')).toBe(0);
    expect(gs1CheckDigit('37610425002123456')).toBe(9);
  });

  it('computes the price/weight check digit of a four- and a five-digit field', () => {
    expect(valueCheckDigit('2875')).toBe(9);
    expect(valueCheckDigit('14685')).toBe(6);
    expect(valueCheckDigit('1234')).toBe(9);
    expect(valueCheckDigit('00239')).toBe(4);
    expect(valueCheckDigit('06870')).toBe(1);
    expect(valueCheckDigit('00012')).toBe(9);
  });
});

describe('scale labels', () => {
  it('reads a price label with a four-digit price and its check digit (GS1 UK layout)', () => {
    expect(parsed('2011122912346')).toMatchObject({ prefix: '20', itemCode: '11122', kind: 'price', value: 1234 });
  });

  it('reads price and weight labels with a five-digit value and its check digit (GS1 Germany layouts)', () => {
    expect(parsed('2211114002394')).toMatchObject({ itemCode: '1111', kind: 'price', value: 239 });
    expect(parsed('2811111068708')).toMatchObject({ itemCode: '1111', kind: 'weight', value: 6870 });
  });

  it('reads labels without a value check digit (GS1 Sweden, Denmark; a Norwegian product)', () => {
    expect(parsed('2388060112344')).toMatchObject({ itemCode: '880601', kind: 'weight', value: 1234 });
    expect(parsed('2302148210869')).toMatchObject({ itemCode: '021482', kind: 'weight', value: 1086 });
    expect(parsed('2135040039753')).toMatchObject({ itemCode: '35040', kind: 'price', value: 3975 });
    expect(parsed('2623570001505')).toMatchObject({ itemCode: '23570', kind: 'weight', value: 150 });
  });

  it('refuses a wrong value check digit even where the EAN check digit holds', () => {
    expect(parseScaleLabel('2011122812349', all)).toEqual({ ok: false, code: 'catalog.scale_label_value_check_digit' });
    expect(parseScaleLabel('2511118000120', all)).toEqual({ ok: false, code: 'catalog.scale_label_value_check_digit' });
  });

  it('refuses a wrong EAN check digit', () => {
    expect(parseScaleLabel('2135040039754', all)).toEqual({ ok: false, code: 'catalog.scale_label_check_digit' });
  });

  it('leaves codes no layout claims to the catalog', () => {
    expect(parseScaleLabel('6901234567892', all)).toBeNull();
    expect(parseScaleLabel('2911111111111', all)).toBeNull();
    expect(parseScaleLabel('2135040039753', [])).toBeNull();
    expect(parseScaleLabel('213504003975', all)).toBeNull();
    expect(parseScaleLabel('21350400397531', all)).toBeNull();
  });

  it('names the product code: the label with its value zeroed and a valid check digit', () => {
    expect(parsed('2135040039753').baseCode).toBe('2135040000005');
    expect(parsed('2011122912346').baseCode).toBe('2011122000005');
    expect(gs1CheckDigit(parsed('2811111068708').baseCode.slice(0, 12))).toBe(Number(parsed('2811111068708').baseCode[12]));
  });
});

const layoutArb = fc.record({
  prefix: fc.integer({ min: 20, max: 29 }).map(String),
  kind: fc.constantFrom('weight' as const, 'price' as const),
  valueDigits: fc.constantFrom(4 as const, 5 as const),
  valueCheckDigit: fc.boolean(),
});

const labelArb = layoutArb.chain((layout) =>
  fc.record({
    layout: fc.constant(layout),
    item: fc.integer({ min: 0, max: 10 ** itemDigits(layout) - 1 }),
    value: fc.integer({ min: 0, max: 10 ** layout.valueDigits - 1 }),
  }),
);

describe('scale labels, generated', () => {
  it('reads back the item and value of every label a scale can print', () => {
    fc.assert(
      fc.property(labelArb, ({ layout, item, value }) => {
        const code = makeScaleLabel(layout, String(item), value);
        expect(code).toHaveLength(13);
        const label = parsed(code, [layout]);
        expect(Number(label.itemCode)).toBe(item);
        expect(label.value).toBe(value);
        expect(label.kind).toBe(layout.kind);
        expect(parsed(label.baseCode, [layout]).value).toBe(0);
        expect(parsed(label.baseCode, [layout]).itemCode).toBe(label.itemCode);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every label with one digit misread, never reading a wrong weight or price', () => {
    fc.assert(
      fc.property(labelArb, fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 9 }), ({ layout, item, value }, at, delta) => {
        const code = makeScaleLabel(layout, String(item), value);
        const misread = code.slice(0, at) + String((Number(code[at]) + delta) % 10) + code.slice(at + 1);
        const r = parseScaleLabel(misread, [layout]);
        expect(r).not.toBeNull();
        expect(r?.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
