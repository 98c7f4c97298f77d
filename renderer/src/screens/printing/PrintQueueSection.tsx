import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, PrintJobView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDateTime } from '../../format/date';
import { useFormat } from '../../state/store-context';
import { useCall, useCallGroup } from '../../state/use-call';
import { useEvent } from '../../state/use-event';

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

  const what = (job: PrintJobView) =>
    job.kind === 'drawer'
      ? t('printing.queue.kind.drawer')
      : job.copyNo > 0
        ? t('printing.queue.kind.duplicate', { receiptNo: job.receiptNo ?? '', copy: job.copyNo })
        : t('printing.queue.kind.receipt', { receiptNo: job.receiptNo ?? '' });

  return (
    <div>
      <button type="button" className="button" onClick={() => void refresh({})}>
        {t('printing.queue.refresh')}
      </button>
      <ErrorNote error={action.error ?? queue.error} />
      {jobs && jobs.length === 0 && <p className="muted">{t('printing.queue.empty')}</p>}
      {jobs && jobs.length > 0 && (
        <table className="data-table" data-testid="print-queue">
          <thead>
            <tr>
              <th>{t('printing.queue.job')}</th>
              <th>{t('printing.queue.what')}</th>
              <th>{t('printing.queue.state')}</th>
              <th className="numeric">{t('printing.queue.attempts')}</th>
              <th>{t('printing.queue.lastError')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id} data-testid="print-job">
                <td>
                  #{job.id} <span className="muted small">{formatDateTime(job.createdAt, format.locale)}</span>
                </td>
                <td>
                  {what(job)}
                  {job.reason ? ` · ${job.reason}` : ''}
                </td>
                <td data-testid="print-job-state">{t(`printing.queue.state.${job.state}`)}</td>
                <td className="numeric">{job.attempts}</td>
                <td>{job.lastError ? format.error({ code: job.lastError as CallError['code'], params: {} }) : ''}</td>
                <td>
                  {(job.state === 'queued' || job.state === 'cancelled') && (
                    <button type="button" className="chip" onClick={() => void act('printer.retryJob', job.id)}>
                      {t('printing.queue.retry')}
                    </button>
                  )}
                  {job.state === 'queued' && (
                    <button type="button" className="chip" onClick={() => void act('printer.cancelJob', job.id)}>
                      {t('printing.queue.cancel')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
