import type { auditCalls } from '../../preload/contract/audit';
import { parseReceiptCode } from '../documents/receipt-code';
import { documentIdByCode } from '../documents/receipt-lookup';
import type { HandlerContext, HandlerTable } from '../ipc/handler';
import { listJournal, verifyStep } from './journal-query';

/**
 * The document the journal's filter names. An owner types the receipt number the list and the
 * receipt show (R1-000002, 2); a document's id (a receipt's QR code) still works, for documents
 * that never got a number too. Text that names no receipt is refused with what was typed.
 */
function documentOf(ctx: HandlerContext, text: string): string {
  const parsed = parseReceiptCode(text);
  if (parsed?.kind === 'id') return parsed.id;
  return documentIdByCode(ctx.db, ctx.settings.registerId, text);
}

// The journal names operators and amounts: supervisors and owners read it, as they run the journal check.
export const auditHandlers: Pick<HandlerTable, keyof typeof auditCalls> = {
  'journal.list': {
    access: 'supervisor',
    handle: (input, ctx) => listJournal(ctx.db, input.documentId === undefined ? input : { ...input, documentId: documentOf(ctx, input.documentId) }),
  },
  'journal.verifyStep': { access: 'supervisor', handle: (input, ctx) => verifyStep(ctx.db, input.fromSeq, input.prevHash, input.max ?? 20_000) },
};
