// `npm run sim:terminal -- [flags]`: a simulated ZVT card terminal for development and demos.
// On a pty pair (default) it prints the path the register should open; with --tcp it listens
// on a TCP port. Flags set the behaviour of every transaction; see --help.
import { parseArgs } from 'node:util';
import { DEFAULT_BEHAVIOUR, type DeclineReason, type SimBehaviour } from '../main/hardware/terminal/simulator/behaviour';
import { TerminalSimulator } from '../main/hardware/terminal/simulator/simulator';
import { createFrameLogger } from '../main/hardware/terminal/frame-logger';

const HELP = `Ringup ZVT terminal simulator

  --tcp [--port 20007]        serve ZVT over TCP instead of a pty pair
  --outcome approve|decline|customer_cancel      (default approve)
  --decline insufficient_funds|card_expired|wrong_pin|declined
  --card-delay MS  --pin-delay MS  --bank-delay MS   customer and bank timing
  --signature                 cardholder verified by signature
  --entry chip|contactless|magstripe|manual
  --silent-after accept|card|decision        stop answering mid-flow
  --disconnect-after accept|card|decision    drop the line mid-flow
  --nak N                     NAK the first N frames of each transaction
  --garbage N                 noise + a broken frame before N messages per transaction
  --currency 156              the terminal's currency, ISO 4217 numeric (default 156 CNY, Ringup's
                              default store currency); a payment asked in another one ends with
                              06 1E 6F (wrong currency)
  --lang zh-CN|en             language of its receipt lines (zh-CN needs UTF-8, which Ringup asks for)
  --answer-amount MINOR       faulty terminal: approve this amount instead of the one asked for
  --answer-currency 978       faulty terminal: report this currency on approvals
  --terminal-id 52500001      --trace       log every frame (card data redacted)
`;

const { values } = parseArgs({
  options: {
    tcp: { type: 'boolean' },
    port: { type: 'string' },
    outcome: { type: 'string' },
    decline: { type: 'string' },
    'card-delay': { type: 'string' },
    'pin-delay': { type: 'string' },
    'bank-delay': { type: 'string' },
    signature: { type: 'boolean' },
    entry: { type: 'string' },
    'silent-after': { type: 'string' },
    'disconnect-after': { type: 'string' },
    nak: { type: 'string' },
    garbage: { type: 'string' },
    'terminal-id': { type: 'string' },
    currency: { type: 'string' },
    lang: { type: 'string' },
    'answer-amount': { type: 'string' },
    'answer-currency': { type: 'string' },
    trace: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const num = (s: string | undefined, d: number) => (s === undefined ? d : Math.max(0, Number(s) || 0));
const behaviour: SimBehaviour = {
  ...DEFAULT_BEHAVIOUR,
  outcome: (values.outcome as SimBehaviour['outcome']) ?? 'approve',
  declineReason: (values.decline as DeclineReason) ?? DEFAULT_BEHAVIOUR.declineReason,
  cardDelayMs: num(values['card-delay'], 800),
  pinDelayMs: num(values['pin-delay'], 1200),
  bankDelayMs: num(values['bank-delay'], 600),
  signatureRequired: !!values.signature,
  entryMode: (values.entry as SimBehaviour['entryMode']) ?? 'chip',
  silentAfter: (values['silent-after'] as SimBehaviour['silentAfter']) ?? null,
  disconnectAfter: (values['disconnect-after'] as SimBehaviour['disconnectAfter']) ?? null,
  nakFrames: num(values.nak, 0),
  garbageFrames: num(values.garbage, 0),
  answerAmountMinor: values['answer-amount'] === undefined ? null : num(values['answer-amount'], 0),
  answerCurrency: values['answer-currency'] === undefined ? null : num(values['answer-currency'], 978),
};

const log = (line: string) => process.stdout.write(`${line}\n`);

void (async () => {
  const common = {
    behaviour,
    terminalId: values['terminal-id'],
    currency: num(values.currency, 156),
    language: values.lang === 'zh-CN' ? ('zh-CN' as const) : ('en' as const),
    logger: values.trace ? createFrameLogger(log) : undefined,
    onPrint: (line: string) => log(`[receipt] ${line}`),
  };
  const started = values.tcp ? await TerminalSimulator.startTcp({ ...common, port: num(values.port, 20007) }) : await TerminalSimulator.startPty(common);
  if (!started.ok) {
    process.stderr.write(`simulator failed to start: ${started.error.code} ${JSON.stringify(started.error.params)}\n`);
    process.exit(1);
  }
  const sim = started.value;
  if (values.tcp) log(`ZVT terminal ${sim.terminalId} listening on 127.0.0.1:${sim.tcpPort}`);
  else log(`ZVT terminal ${sim.terminalId} ready. Register side: ${sim.registerPath}`);
  log(`currency ${sim.currency}, receipts in ${sim.language}`);
  log(`behaviour: ${behaviour.outcome}${behaviour.outcome === 'decline' ? ` (${behaviour.declineReason})` : ''}, card ${behaviour.card.brand}`);
  const shutdown = () => {
    void sim.stop().then(() => {
      const batch = sim.batch();
      log(`batch at exit: ${batch.length} entries`);
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
})();
