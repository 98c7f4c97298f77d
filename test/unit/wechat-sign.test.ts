// WeChat Pay v2 signing against WeChat's own published example (the "signature algorithm"
// page): the same parameters and key must give exactly the documented MD5 and HMAC-SHA256.
import { describe, expect, it } from 'vitest';
import { wechatSign, wechatSignString, wechatVerify } from '../../main/providers/wechat/wechat-sign';
import { fromWechatXml, toWechatXml } from '../../main/providers/wechat/wechat-xml';

const example = { appid: 'wxd930ea5d5a258f4f', mch_id: '10000100', device_info: '1000', body: 'test', nonce_str: 'ibuaiVcKdpRxkhJA' };
const key = '192006250b4c09247ec02edce69f6a2d';

describe('WeChat Pay v2 signature', () => {
  it('builds the documented string: sorted, non-empty, without sign', () => {
    expect(wechatSignString({ ...example, sign: 'X', attach: '' })).toBe(
      'appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA',
    );
  });

  it('gives the published MD5 signature', () => {
    expect(wechatSign(example, key, 'MD5')).toBe('9A0A8659F005D6984697E2CA0A9CF3B7');
  });

  it('gives the published HMAC-SHA256 signature', () => {
    expect(wechatSign(example, key, 'HMAC-SHA256')).toBe('6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6');
  });

  it('accepts a reply signed so and refuses one changed after signing', () => {
    const reply = { ...example, sign: '9A0A8659F005D6984697E2CA0A9CF3B7' };
    expect(wechatVerify(reply, key, 'MD5')).toBe(true);
    expect(wechatVerify({ ...reply, body: 'tesT' }, key, 'MD5')).toBe(false);
    expect(wechatVerify({ ...example }, key, 'MD5')).toBe(false);
    // A reply naming HMAC-SHA256 is checked with it, whatever the merchant's default.
    expect(
      wechatVerify({ ...example, sign_type: 'HMAC-SHA256', sign: wechatSign({ ...example, sign_type: 'HMAC-SHA256' }, key, 'HMAC-SHA256') }, key, 'MD5'),
    ).toBe(true);
  });
});

describe('WeChat Pay v2 XML', () => {
  it('reads a reply as WeChat documents it (CDATA and plain values alike, all strings)', () => {
    const text =
      '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg><total_fee>0100</total_fee>' +
      '<err_code_des><![CDATA[需要用户输入支付密码]]></err_code_des></xml>';
    expect(fromWechatXml(text)).toEqual({ return_code: 'SUCCESS', return_msg: 'OK', total_fee: '0100', err_code_des: '需要用户输入支付密码' });
  });

  it('writes fields in CDATA and reads them back, markup included', () => {
    const fields = { body: '可乐 <1> & "x" ]] > y', out_trade_no: '0007' };
    expect(fromWechatXml(toWechatXml(fields))).toEqual(fields);
    expect(() => toWechatXml({ body: 'a ]]> b' })).toThrow();
  });

  it('refuses what is not an <xml> document', () => {
    expect(fromWechatXml('<html><body>502</body></html>')).toBeNull();
    expect(fromWechatXml('not xml')).toBeNull();
  });
});
