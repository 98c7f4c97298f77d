// Registration (06 00), Status Enquiry (05 01) and Repeat Receipt (06 20): the commands around
// payments, which answer from what the terminal is and last did.
import { apdu } from '../apdu';
import { RESULT } from '../codes';
import { ok } from '../result';
import { ptBuild } from '../pt-messages';
import { encodeStatusEnquiryCompletion, ENQUIRY_SERVICE, TERMINAL_STATUS } from '../status-enquiry';
import { CHARSET, type Charset } from '../text';
import { must, type PtExchange } from './pt-exchange';

/** What the simulator says it runs, in the Status-Enquiry's completion. */
export const SIM_SOFTWARE_VERSION = 'RINGUP-SIM 1.0';
const SIM_DEVICE_NAME = 'Ringup simulator';

export async function registration(x: PtExchange, requested: Charset): Promise<void> {
  await x.accept(null);
  // We speak UTF-8 and CP437: a UTF-8 request is accepted by echoing it (tag 27).
  const accepted = requested === CHARSET.utf8 ? CHARSET.utf8 : null;
  x.sim.charset = accepted ?? CHARSET.cp437;
  await x.sendAwait(must(ptBuild.completion(x.sim.terminalId, accepted)), null);
}

export async function statusEnquiry(x: PtExchange, serviceByte: number | null): Promise<void> {
  // No 04 0F here: a Status-Enquiry ends with its own completion only ([S] §2.56).
  await x.accept(null);
  const sb = serviceByte ?? 0;
  const data = encodeStatusEnquiryCompletion({
    softwareVersion: SIM_SOFTWARE_VERSION,
    terminalStatus: TERMINAL_STATUS.ready,
    terminalId: x.sim.terminalId,
    deviceName: SIM_DEVICE_NAME,
    withVersion: (sb & ENQUIRY_SERVICE.omitSoftwareVersion) === 0,
    withTlv: (sb & ENQUIRY_SERVICE.sendTlv) !== 0,
  });
  await x.sendAwait(must(data.ok ? ok(apdu(0x06, 0x0f, data.value)) : data), null);
}

export async function repeatReceipt(x: PtExchange): Promise<void> {
  await x.accept(null);
  const last = x.sim.last;
  if (!last) {
    await x.sendAwait(ptBuild.abort(RESULT.functionNotPossible), null);
    return;
  }
  await x.sendAwait(must(ptBuild.status(last.status)), null);
  for (const line of [x.sim.words().copy, ...last.lines]) await x.print(line, null);
  await x.sendAwait(must(ptBuild.completion(x.sim.terminalId)), null);
}
