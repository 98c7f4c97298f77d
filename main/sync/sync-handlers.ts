import type { syncCalls } from '../../preload/contract/sync';
import type { HandlerTable } from '../ipc/handler';
import { enrolWithHq } from './enrol';
import { hqOverview } from './hq-overview';
import { syncStatus } from './sync-status';
import { withdrawFromHq } from './withdraw';

export const syncHandlers: Pick<HandlerTable, keyof typeof syncCalls> = {
  'sync.status': { access: 'supervisor', handle: (_input, ctx) => syncStatus(ctx.db) },
  'sync.enrol': {
    access: 'owner',
    handle: async (input, ctx) => {
      const { sync } = ctx.services;
      await enrolWithHq(ctx.db, sync.secrets, { ...input, localRegisterId: ctx.settings.registerId, operatorId: ctx.actor.id }, () => ctx.now);
      sync.runtime.kick();
      return syncStatus(ctx.db);
    },
  },
  'sync.withdraw': {
    access: 'owner',
    handle: async (input, ctx) => {
      const { sync } = ctx.services;
      // What the journal holds goes up first, as far as HQ takes it; then HQ is told.
      if (!input.hereOnly) await sync.runtime.runOnce().catch(() => undefined);
      await withdrawFromHq(ctx.db, sync.secrets, { operatorId: ctx.actor.id, hereOnly: input.hereOnly }, () => ctx.now);
      return syncStatus(ctx.db);
    },
  },
  'sync.hqOverview': { access: 'owner', handle: (input, ctx) => hqOverview(ctx.db, ctx.services.sync.secrets, input.day, () => Date.now()) },
  'sync.retry': {
    access: 'owner',
    handle: async (_input, ctx) => {
      ctx.services.sync.runtime.retryNow();
      await ctx.services.sync.runtime.runOnce();
      return syncStatus(ctx.db);
    },
  },
};
