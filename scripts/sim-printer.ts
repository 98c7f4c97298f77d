// npm run sim:printer -- [--port 9100] [--pty /tmp/ringup-printer] [--no-pty] [--status paper_out]
// A virtual ESC/POS printer for development and the demo: prints every job it receives as
// readable text, says when the drawer opens, and takes condition names on stdin (paper_out, ok,
// cover_open, …) to script what it answers to DLE EOT.
import { createInterface } from 'node:readline';
import { VirtualPrinter, conditionNames, type ConditionName } from '../main/hardware/printer/virtual-printer';
import { tokenizeEscPos } from '../test/support/escpos-tokenizer';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const isCondition = (s: string): s is ConditionName => (conditionNames as readonly string[]).includes(s);

function describeJob(bytes: Buffer): string {
  try {
    const t = tokenizeEscPos(bytes);
    const notable = t.commands.filter((c) => ['ESC p', 'GS V', 'DLE EOT', 'GS r', 'DLE DC4'].includes(c.name)).map((c) => `${c.name} ${c.params.join(' ')}`);
    const extras = [
      ...notable.map((n) => `[${n}]`),
      ...t.qrCodes.map((q) => `[QR ${q}]`),
      ...t.images.map((i) => `[${i.name} image ${i.widthDots}x${i.heightDots}]`),
    ];
    return [...t.lines, ...extras].join('\n');
  } catch (err) {
    return `(could not decode: ${(err as Error).message}) ${bytes.subarray(0, 64).toString('hex')}…`;
  }
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? 9100);
  const pty = process.argv.includes('--no-pty') ? false : (arg('pty') ?? true);
  const vp = await VirtualPrinter.start({ port, pty });
  const initial = arg('status');
  if (initial && isCondition(initial)) vp.setStatus(initial);
  console.log(`virtual printer: tcp 127.0.0.1:${vp.port}${vp.ptyPath ? `, serial ${vp.ptyPath}` : ''}`);
  console.log(`conditions (type one + Enter): ${conditionNames.join(', ')}; "status" shows them; "quit" exits`);
  vp.onJob((job) => {
    console.log(`\n── job ${job.seq} via ${job.via}, ${job.bytes.length} bytes ──`);
    console.log(describeJob(job.bytes));
    console.log('── end ──');
  });
  vp.onPulse((p) => {
    const when = p.whilePrintingStopped ? ' while printing is stopped' : '';
    console.log(`\n── drawer opened: ${p.command}, connector pin ${p.pin === 0 ? 2 : 5}, ${p.onMs} ms${when} ──`);
  });
  const rl = createInterface({ input: process.stdin });
  const stop = async (): Promise<void> => {
    rl.close();
    await vp.close();
    process.exit(0);
  };
  rl.on('line', (line) => {
    const cmd = line.trim();
    if (cmd === 'quit' || cmd === 'exit') void stop();
    else if (cmd === 'status') console.log(vp.status(), `held jobs: ${vp.heldJobs()}`);
    else if (isCondition(cmd)) {
      vp.setStatus(cmd);
      console.log('now:', vp.status());
    } else if (cmd) console.log(`unknown: ${cmd}`);
  });
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
