// A refused input says which bound it broke, in the field's own unit and both languages: "端口最大为
// 65535" is something an owner can fix; "收银机拒绝了输入内容（端口）" left them guessing.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallError } from '../../preload/contract/result';
import { MAX_AMOUNT_MINOR } from '../../preload/contract/primitives';
import { defaultPrinterProfile } from '../../main/hardware/printer';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { errorsI18n } from '../support/errors-i18n';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';

const i18n = errorsI18n();
const zh = (e: CallError) => errorMessage(e, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY');
const en = (e: CallError) => errorMessage(e, i18n.getFixedT('en'), 'en', 'CNY');

const open: TestRegister[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});

async function asOwner(): Promise<TestRegister> {
  const reg = makeRegister();
  open.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  return reg;
}

async function refusal(r: Promise<{ ok: boolean; error?: CallError }>): Promise<CallError> {
  const result = await r;
  if (result.ok || !result.error) throw new Error('the register took input it should refuse');
  return result.error;
}

describe('a refused input names the bound it broke', () => {
  it('a printer port above 65535 is refused with the highest port, and the printer is left as it was', async () => {
    const reg = await asOwner();
    const before = await reg.must('printer.getConfig', {});
    const error = await refusal(
      reg.call('printer.setConfig', { enabled: true, transport: { kind: 'tcp', host: '127.0.0.1', port: 99_999 }, profile: defaultPrinterProfile }),
    );
    expect(zh(error)).toBe('端口最大为 65535。');
    expect(en(error)).toBe('The port can be at most 65535.');
    expect(await reg.must('printer.getConfig', {})).toEqual(before);
  });

  it('a price above the largest amount says the largest amount as money', async () => {
    const reg = await asOwner();
    const error = await refusal(
      reg.call('catalog.createProduct', { sku: 'BIG-1', nameZh: '大件', nameEn: 'Big', priceMinor: MAX_AMOUNT_MINOR + 1, taxRateBp: 1300 }),
    );
    const largest = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(MAX_AMOUNT_MINOR / 100);
    expect(zh(error)).toBe(`价格最大为 ${largest}。`);
    expect(await reg.call('catalog.search', { query: 'BIG-1' })).toMatchObject({ ok: true, value: [] });
  });

  it('an empty reason asks for the reason rather than refusing "the input"', async () => {
    const reg = await asOwner();
    const error = await refusal(reg.call('drawer.open', { reason: '   ' }));
    expect(zh(error)).toBe('请填写原因。');
    expect(en(error)).toBe('Please fill in the reason.');
  });

  it('a time zone that does not exist says how one is written', async () => {
    const reg = await asOwner();
    const error = await refusal(reg.call('settings.update', { timeZone: 'Mars/Olympus' }));
    expect(zh(error)).toBe('收银机拒绝了输入内容（时区），请检查输入。时区的写法如 Asia/Shanghai（北京时间）或 Asia/Hong_Kong。');
    expect(en(error)).toBe(
      'The register refused the input (time zone). Please check what was entered. A time zone is written like Asia/Shanghai or Europe/Berlin.',
    );
  });

  it('a field without a label keeps the sentence that names no field', async () => {
    const reg = await asOwner();
    const error = await refusal(reg.call('sale.addProduct', { saleId: 'not-a-uuid', code: '1' }));
    expect(zh(error)).toBe('收银机拒绝了输入内容，请检查输入。');
  });
});
