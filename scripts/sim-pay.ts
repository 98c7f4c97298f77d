// `npm run sim:pay -- [--port 8787] [--password-ms 4000] [--delay-ms 300]`: the scan-to-pay
// provider simulator (WeChat Pay v2 and Alipay APIs) on 127.0.0.1. Prints the settings to enter
// in Back office → Scan-to-pay; the keys are made anew at every start.
import { parseArgs } from 'node:util';
import { PaySimulator } from '../main/providers/simulator/pay-simulator';
import { SCENARIO_BY_CENTS, REFUND_RETRY_CENTS } from '../main/providers/simulator/sim-books';

const { values } = parseArgs({
  options: { port: { type: 'string' }, 'password-ms': { type: 'string' }, 'delay-ms': { type: 'string' }, help: { type: 'boolean' } },
});
if (values.help) {
  process.stdout.write('Ringup scan-to-pay simulator\n  --port N  --password-ms MS (customer typing the password)  --delay-ms MS (every reply)\n');
  process.exit(0);
}
void (async () => {
  const sim = await PaySimulator.start({
    port: Number(values.port ?? 8787),
    passwordMs: Number(values['password-ms'] ?? 4000),
    replyDelayMs: Number(values['delay-ms'] ?? 300),
  });
  console.log(`Scan-to-pay simulator on ${sim.url}`);
  console.log('WeChat Pay:', JSON.stringify({ ...sim.wechatCredentials(), certificate: undefined }, null, 1));
  console.log('Alipay:', JSON.stringify(sim.alipayCredentials(), null, 1));
  console.log(
    "Cases by the amount's fen: " +
      Object.entries(SCENARIO_BY_CENTS)
        .map(([c, s]) => `.${c} ${s}`)
        .join(', ') +
      `; refunds of .${REFUND_RETRY_CENTS} lose their first reply; anything else pays.`,
  );
  const stop = () => void sim.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
})();
