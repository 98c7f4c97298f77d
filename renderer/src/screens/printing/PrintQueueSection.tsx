import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../../preload/contract';
import { DataTable } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../state/store-context';
import { useCall, useCallGroup } from '../../state/use-call';
import { useEvent } from '../../state/use-event';
import { printJobName } from './print-job-name';

/** Supervisors: what waits for the printer, what printed, and why a job is stuck. */
export function PrintQueueSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const queue = useCall('printer.jobs');
  const action = useCallGroup<'printer.retryJob' | 'printer.cancelJob'>();
  const jobs = queue.value;
  const refresh = queue.run;

  useEffect(() => void refresh({}), [refresh]);
  // The queue changes as the printer works; hardware.status says when the pending count moves.
  useEvent('hardware.status', () => void refresh({}));

  const act = async (name: 'printer.retryJob' | 'printer.cancelJob', jobId: number) => {
    await action.run(name, { jobId });
    await refresh({});
  };

  return (
    <div>
      <button type="button" className="button" onClick={() => void refresh({})}>
        {t('printing.queue.refresh')}
      </button>
      <ErrorNote error={action.error ?? queue.error} />
      <DataTable
        label={t('printing.tab.queue')}
        testId="print-queue"
        rowTestId="print-job"
        empty={t('printing.queue.empty')}
        rows={jobs}
        rowKey={(job) => job.id}
        columns={[
          {
            key: 'job',
            header: t('printing.queue.job'),
            cell: (job) => (
              <>
                #{job.id} <span className="muted small">{format.dateTime(job.createdAt)}</span>
              </>
            ),
          },
          { key: 'what', header: t('printing.queue.what'), testId: 'print-job-what', cell: (job) => printJobName(job, t, format) },
          { key: 'state', header: t('printing.queue.state'), testId: 'print-job-state', cell: (job) => t(`printing.queue.state.${job.state}`) },
          { key: 'attempts', header: t('printing.queue.attempts'), numeric: true, cell: (job) => job.attempts },
          {
            key: 'lastError',
            header: t('printing.queue.lastError'),
            cell: (job) => (job.lastError ? format.error({ code: job.lastError as CallError['code'], params: {} }) : ''),
          },
          {
            key: 'actions',
            header: t('printing.queue.actions'),
            headerHidden: true,
            cell: (job) => (
              <>
                {/* A dropped drawer kick is never sent late (main/printing/drawer-jobs.ts). */}
                {(job.state === 'queued' || (job.state === 'cancelled' && job.kind !== 'drawer')) && (
                  <button type="button" className="chip" onClick={() => void act('printer.retryJob', job.id)}>
                    {t('printing.queue.retry')}
                  </button>
                )}
                {job.state === 'queued' && (
                  <button type="button" className="chip" onClick={() => void act('printer.cancelJob', job.id)}>
                    {t('printing.queue.cancel')}
                  </button>
                )}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
