// Child process for the scan-to-pay crash test: pays sales by scanned code in a loop against the
// provider simulator in the parent (HTTP), and SIGKILLs itself at an exact moment of the Nth
// attempt (argv: dir moment nth), or runs until the parent kills it ("none"). Simulator
// credentials come in RINGUP_SIM (JSON) and are stored through the owner's settings call once.
// Prints READY once every attempt the previous incarnation left open is settled, ACK per sale,
// and KILL <moment> right before it kills itself (so the test knows the moment was reached).
// Moment "settle": recover, print READY and exit without paying (the test's final start).
import { writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openRegister, ledgerPathIn } from '../../main/register';
import type { CallInput, CallName, CallResult } from '../../preload/contract';
import type { WechatCredentials } from '../../main/providers/wechat/wechat-client';
import type { AlipayCredentials } from '../../main/providers/alipay/alipay-client';
import { FAST_TIMINGS } from './scan-rig';

const [dir, moment, nthText] = process.argv.slice(2);
const nth = Number(nthText ?? '1');
let seen = 0;
const sim = JSON.parse(process.env.RINGUP_SIM ?? '{}') as { wechat: WechatCredentials; alipay: AlipayCredentials };

async function main(): Promise<void> {
  if (!dir || !moment) throw new Error('usage: scan-sale-loop <dir> <moment|none> <nth>');
  const reg = openRegister({
    ledgerFile: ledgerPathIn(dir),
    demo: true,
    demoTerminal: false,
    demoScanPay: false,
    log: { info: () => undefined, error: (m, e) => writeSync(2, `${m} ${String(e)}\n`) },
    scanPay: {
      timings: FAST_TIMINGS,
      requestTimeoutMs: 1500,
      sweepMs: 50,
      onMoment: (m) => {
        if (m === moment && ++seen === nth) {
          writeSync(1, `KILL ${m}\n`);
          process.kill(process.pid, 'SIGKILL');
        }
      },
    },
    providerRefunds: { retryMs: 20, sweepMs: 50 },
  });
  const must = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> => {
    const r = await reg.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as CallResult<N>;
  };
  const session = await must('session.current', {});
  if (session.needsSetup) await must('setup.createOwner', { name: 'Owner', pin: '2580' });
  else await must('session.login', { operatorId: 1, pin: '2580' });
  // Sales need an open shift; one left open by the previous (killed) run carries on.
  if (!(await must('shift.current', {})).shift)
    await must('shift.open', {
      float: { kind: 'counted', counts: [{ denominationMinor: 10000, count: 1 }] },
      idempotencyKey: randomUUID().replaceAll('-', ''),
    });
  const config = await must('scanpay.getConfig', {});
  if (!config.wechat) {
    const w = sim.wechat;
    await must('scanpay.setConfig', {
      settings: { provider: 'wechat', appId: w.appId, mchId: w.mchId, signType: w.signType, gateway: w.gateway, apiKey: w.apiKey },
    });
    const a = sim.alipay;
    await must('scanpay.setConfig', {
      settings: { provider: 'alipay', appId: a.appId, gateway: a.gateway, privateKey: a.privateKey, alipayPublicKey: a.alipayPublicKey },
    });
  }
  await reg.started;
  // Ready = nothing left open with the provider from the last crash.
  for (;;) {
    const open = reg.db.prepare("SELECT COUNT(*) AS n FROM scan_attempts WHERE state IN ('created', 'sent', 'waiting', 'unknown', 'reversing')").get() as {
      n: number;
    };
    if (open.n === 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  writeSync(1, 'READY\n');
  if (moment === 'settle') {
    reg.close();
    process.exit(0);
  }
  // Success, password then paid, never entered, system error, reply lost, PAYERROR, duplicate.
  // A kill aimed at a moment only some cases reach plays those cases, so it comes after a sale or
  // two instead of after many; kills at other moments and at random play the whole mix.
  const mix = [0, 31, 32, 35, 36, 37, 38, 0, 31];
  // Each list is every case of the mix that reaches the moment (38, "already paid", is an unknown answer).
  const reaching: Record<string, number[]> = {
    waiting: [31, 32, 37],
    unknown: [35, 36, 38],
    reversing: [32, 37],
    reverse: [32, 37],
    query: [31, 32, 35, 36, 37, 38],
  };
  const cents = reaching[moment] ?? mix;
  for (let i = 0; ; i++) {
    let sale = await must('sale.current', {});
    if (sale.lines.length === 0) {
      const price = 100 * (1 + Math.floor(Math.random() * 50)) + (cents[Math.floor(Math.random() * cents.length)] ?? 0);
      sale = await must('sale.addCustomLine', { saleId: sale.id, name: 'Crash', qtyMilli: 1000, unitPriceMinor: price });
    }
    const wechat = Math.random() < 0.5;
    const tail = `${String(process.pid).slice(-4).padStart(4, '0')}${String(i).padStart(4, '0')}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const code = wechat ? `13${tail}00` : `28${tail}00`;
    const r = await reg.dispatch('scanpay.pay', { saleId: sale.id, code, idempotencyKey: randomUUID().replaceAll('-', '') });
    if (r.ok) writeSync(1, `ACK ${sale.id}\n`);
    else if (r.error.code === 'scanpay.reversed' || r.error.code === 'scanpay.declined') {
      // The customer pays cash instead, so the next sale starts clean.
      await must('sale.tenderCash', { saleId: sale.id, tenderedMinor: sale.cashDueMinor, idempotencyKey: randomUUID().replaceAll('-', '') });
    } else {
      writeSync(1, `UNEXPECTED ${JSON.stringify(r.error)}\n`);
      process.exit(3);
    }
  }
}

main().catch((error: unknown) => {
  writeSync(2, `scan-sale-loop failed: ${String(error)}\n`);
  process.exit(1);
});
