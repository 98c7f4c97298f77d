import type { settingsCalls } from '../../preload/contract/settings';
import { verifyJournal } from '../ledger/journal';
import { verifyDocuments } from '../documents/verify-documents';
import { checkRegisterIdChange } from './register-id-change';
import { getSettings, updateSettings } from './settings';
import type { HandlerTable } from '../ipc/handler';

export const settingsHandlers: Pick<HandlerTable, keyof typeof settingsCalls> = {
  'settings.get': { access: 'cashier', handle: (_input, ctx) => getSettings(ctx.db) },
  'settings.update': {
    access: 'owner',
    handle: (input, ctx) => {
      checkRegisterIdChange(ctx.db, getSettings(ctx.db).registerId, input.registerId);
      const settings = updateSettings(ctx.db, input, ctx.actor.id);
      ctx.events.emit('session.changed', ctx.session.view(ctx.db, ctx.now));
      return settings;
    },
  },
  'journal.verify': {
    access: 'supervisor',
    handle: (_input, ctx) => {
      const chain = verifyJournal(ctx.db);
      if (!chain.ok) return chain;
      const documents = verifyDocuments(ctx.db);
      return documents.ok ? chain : { ok: false, entries: chain.entries, firstBadSeq: documents.firstBadSeq, reason: 'document_differs' };
    },
  },
};
