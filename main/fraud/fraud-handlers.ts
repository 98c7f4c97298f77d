import type { fraudCalls } from '../../preload/contract/fraud';
import type { HandlerTable } from '../ipc/handler';
import { acknowledgeAlert, listAlerts } from './fraud-alerts';
import { fraudSettingsView, setThresholds } from './fraud-settings';

// Alerts name operators and what they did: supervisors read them, only the owner clears them or moves the limits.
export const fraudHandlers: Pick<HandlerTable, keyof typeof fraudCalls> = {
  'fraud.alerts': {
    access: 'supervisor',
    handle: (input, ctx) => listAlerts(ctx.db, { filter: input.filter ?? 'open', businessDay: input.businessDay, limit: input.limit }),
  },
  'fraud.acknowledge': {
    access: 'owner',
    handle: (input, ctx) => {
      const alert = acknowledgeAlert(ctx.db, input.alertId, ctx.actor.id, input.note, ctx.now);
      return alert;
    },
  },
  'fraud.settings': { access: 'supervisor', handle: (_input, ctx) => fraudSettingsView(ctx.db) },
  'fraud.updateSettings': { access: 'owner', handle: (input, ctx) => setThresholds(ctx.db, input.thresholds, ctx.actor.id, ctx.now) },
};
