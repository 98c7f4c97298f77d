import type { auditCalls } from '../../preload/contract/audit';
import type { HandlerTable } from '../ipc/handler';
import { listJournal, verifyStep } from './journal-query';

// The journal names operators and amounts: supervisors and owners read it, as they run the journal check.
export const auditHandlers: Pick<HandlerTable, keyof typeof auditCalls> = {
  'journal.list': { access: 'supervisor', handle: (input, ctx) => listJournal(ctx.db, input) },
  'journal.verifyStep': { access: 'supervisor', handle: (input, ctx) => verifyStep(ctx.db, input.fromSeq, input.prevHash, input.max ?? 20_000) },
};
