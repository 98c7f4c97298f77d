import type { selfCheckCalls } from '../../preload/contract/self-check';
import { ServiceError } from '../common/service-error';
import type { HandlerTable } from '../ipc/handler';
import { pendingCount } from '../printing/print-jobs';
import { appVersion } from '../app-version';
import { appItem, clockItem, databaseItem, printerItem, scannerItem, selfCheckView, terminalItem } from './self-check';

export const selfCheckHandlers: Pick<HandlerTable, keyof typeof selfCheckCalls> = {
  'selfcheck.run': {
    access: 'cashier',
    handle: async (_input, ctx) => {
      const { selfCheck } = ctx.services;
      const [printer, terminal] = await Promise.all([ctx.services.printer.probe(), ctx.services.terminal.probe()]);
      const items = [
        printerItem(printer, pendingCount(ctx.db)),
        terminalItem(terminal),
        scannerItem(selfCheck.scannerSeenAt),
        databaseItem(ctx.db, selfCheck.ledgerFile, ctx.services.backup.status()),
        clockItem(ctx.db, ctx.now),
        appItem(),
      ];
      return selfCheckView(items, selfCheck.scannerTestCode, ctx.now);
    },
  },
  'selfcheck.scannerSeen': {
    access: 'cashier',
    handle: (input, ctx) => {
      const { selfCheck } = ctx.services;
      if (input.code.toUpperCase() !== selfCheck.scannerTestCode) throw new ServiceError('selfcheck.scanner_mismatch', { expected: selfCheck.scannerTestCode });
      selfCheck.scannerSeenAt = ctx.now;
      return scannerItem(ctx.now);
    },
  },
  'app.about': { access: 'cashier', handle: (_input, ctx) => ({ ...appVersion(), shell: ctx.services.updates.shell }) },
  'updates.check': { access: 'owner', handle: (_input, ctx) => ctx.services.updates.check(ctx.db, ctx.settings.updateFeedUrl, ctx.now) },
  'updates.install': { access: 'owner', handle: (_input, ctx) => ctx.services.updates.install(ctx.db, ctx.now) },
};
