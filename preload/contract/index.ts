// The contract: every call and event, defined once. Main imports the schemas; the renderer and
// the preload import `type`s only, so zod never reaches the sandboxed preload.
import type { z } from 'zod';
import { catalogCalls } from './catalog';
import { printerCalls } from './printer';
import { refundCalls } from './refund';
import { exchangeCalls } from './exchange';
import { exchangeDraftCalls } from './exchange-draft';
import { cardCalls } from './card';
import { scanPayCalls } from './scan-pay';
import { paymentProgressCalls } from './payment-progress';
import { backupCalls } from './backup';
import { dayCloseCalls } from './day-close';
import { shiftCalls } from './shift';
import { syncCalls } from './sync';
import { fraudCalls } from './fraud';
import { reportsCalls } from './reports';
import { auditCalls } from './audit';
import type { CallDef } from './define';
import type { EventName, EventPayloads } from './events';
import type { Result } from './result';
import { saleCalls } from './sale';
import { sessionCalls } from './session';
import { settingsCalls } from './settings';
import { selfCheckCalls } from './self-check';
import { trainingCalls } from './training';
import { customerDisplayCalls } from './customer-display';

export const calls = {
  ...sessionCalls,
  ...catalogCalls,
  ...saleCalls,
  ...settingsCalls,
  ...printerCalls,
  ...cardCalls,
  ...refundCalls,
  ...exchangeCalls,
  ...exchangeDraftCalls,
  ...scanPayCalls,
  ...paymentProgressCalls,
  ...backupCalls,
  ...shiftCalls,
  ...dayCloseCalls,
  ...selfCheckCalls,
  ...syncCalls,
  ...fraudCalls,
  ...reportsCalls,
  ...auditCalls,
  ...trainingCalls,
  ...customerDisplayCalls,
};

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = Calls[N] extends CallDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInput<N extends CallName> = Calls[N] extends CallDef<infer I, unknown> ? z.output<I> : never;
export type CallResult<N extends CallName> = Calls[N] extends CallDef<z.ZodType, infer R> ? R : never;

/** What both transports give the renderer: `window.ringup` in Electron, a WebSocket client in a browser. */
export interface RingupApi {
  invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallResult<N>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

export type { EventName, EventPayloads } from './events';
export type { Result, CallError, ErrorCode } from './result';
export * from './views';
export type * from './card-views';
export type * from './scan-pay-views';
export type * from './payment-progress-views';
export type * from './backup-views';
export type * from './sync-views';
export type * from './fraud-views';
export type * from './reports-views';
export type * from './audit-views';
export type * from './training-views';
export type * from './customer-display-views';
export type { PrinterConfigView, PrintJobDocument, PrintJobPaper, PrintJobView, PrintJobState, ReceiptPreviewView, TestPageView } from './printer';
export type { HardwareStatus, DeviceState } from './events';
