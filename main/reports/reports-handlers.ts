import type { reportsCalls } from '../../preload/contract/reports';
import type { HandlerTable } from '../ipc/handler';
import { businessDayOf, businessDayRule } from '../business-day/business-day';
import { salesReport } from './report-query';

export const reportsHandlers: Pick<HandlerTable, keyof typeof reportsCalls> = {
  'report.sales': { access: 'supervisor', handle: (input, ctx) => salesReport(ctx.db, input, businessDayOf(ctx.now, businessDayRule(ctx.settings))) },
};
