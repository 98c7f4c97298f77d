import type { trainingCalls } from '../../preload/contract/training';
import type { HandlerTable } from '../ipc/handler';
import { setTraining, trainingView } from './training';

export const trainingHandlers: Pick<HandlerTable, keyof typeof trainingCalls> = {
  'training.status': { access: 'cashier', handle: (_input, ctx) => trainingView(ctx.db, ctx.settings.registerId, ctx.actor.id) },
  'training.set': {
    access: 'owner',
    handle: (input, ctx) => {
      setTraining(ctx.db, ctx.settings.registerId, input, ctx.actor.id, ctx.now);
      // The windows show the training mark from the session: tell them.
      ctx.events.emit('session.changed', ctx.session.view(ctx.db, ctx.now));
      return trainingView(ctx.db, ctx.settings.registerId, ctx.actor.id);
    },
  },
};
