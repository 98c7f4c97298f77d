// Scan-to-pay figure: the register's own overhead per attempt through the router (`scanpay.pay`:
// validation, idempotency, the attempt row and its moves at synchronous=FULL, the journal, the
// provider adapter's signing and HTTP to the simulator on 127.0.0.1, the payment and the sale
// completion), minus the simulator's scripted reply delay. Run alone: `tsx bench/scan-pay.ts`.
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PaySimulator } from '../main/providers/simulator/pay-simulator';
import { openRegister, ledgerPathIn } from '../main/register';
import { fmt, percentile } from './stats';

export async function benchScanPay(iterations = 100): Promise<Record<string, string | number>[]> {
  const sim = await PaySimulator.start({ replyDelayMs: 5 });
  const dir = mkdtempSync(join(tmpdir(), 'ringup-bench-scan-'));
  const reg = openRegister({
    ledgerFile: ledgerPathIn(dir),
    demo: true,
    demoTerminal: false,
    demoScanPay: false,
    log: { info: () => undefined, error: () => undefined },
  });
  const call = async (name: string, input: unknown): Promise<{ id: string }> => {
    const r = await reg.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value as { id: string };
  };
  const rows: Record<string, string | number>[] = [];
  try {
    await call('setup.createOwner', { name: 'Bench', pin: '2580' });
    await call('shift.open', {
      float: { kind: 'counted', counts: [{ denominationMinor: 10000, count: 1 }] },
      idempotencyKey: randomUUID().replaceAll('-', ''),
    });
    const w = sim.wechatCredentials();
    await call('scanpay.setConfig', {
      settings: { provider: 'wechat', appId: w.appId, mchId: w.mchId, signType: w.signType, gateway: w.gateway, apiKey: w.apiKey },
    });
    const a = sim.alipayCredentials();
    await call('scanpay.setConfig', {
      settings: { provider: 'alipay', appId: a.appId, gateway: a.gateway, privateKey: a.privateKey, alipayPublicKey: a.alipayPublicKey },
    });
    for (const provider of ['wechat', 'alipay'] as const) {
      const overheads: number[] = [];
      let failures = 0;
      for (let i = 0; i < iterations + 10; i++) {
        const sale = await call('sale.current', {});
        await call('sale.addCustomLine', { saleId: sale.id, name: 'Bench', qtyMilli: 1000, unitPriceMinor: 100 * (i + 1) });
        const code = `${provider === 'wechat' ? '13' : '28'}${String(Date.now()).slice(-8)}${String(i).padStart(6, '0')}00`;
        const delayBefore = sim.scriptedDelayTotalMs;
        const t0 = performance.now();
        const r = await reg.dispatch('scanpay.pay', { saleId: sale.id, code, idempotencyKey: randomUUID().replaceAll('-', '') });
        const total = performance.now() - t0;
        if (!r.ok) failures++;
        if (i >= 10) overheads.push(total - (sim.scriptedDelayTotalMs - delayBefore));
      }
      rows.push({
        provider,
        attempts: overheads.length,
        failures,
        'overhead p50 (ms)': fmt(percentile(overheads, 50), 2),
        'overhead p99 (ms)': fmt(percentile(overheads, 99), 2),
      });
    }
  } finally {
    reg.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('\nScan-to-pay through the router (scanpay.pay: attempt row + signed HTTP to the simulator + completion), minus the scripted 5 ms reply');
  console.table(rows);
  return rows;
}

if (require.main === module) void benchScanPay();
