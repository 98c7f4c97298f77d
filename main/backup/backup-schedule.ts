// When the daily backup is due: at the configured time in the store's time zone, once a local day.
import type { Db } from '../ledger/db';
import { getSettings } from '../settings/settings';
import { getBackupConfig, getBackupLast, setBackupLast } from './backup-store';

/** True when today's scheduled backup is due now; the day is then marked as done, so it runs once. */
export function claimScheduledRun(db: Db, now: number): boolean {
  const config = getBackupConfig(db);
  if (!config.scheduleAt || !config.folder) return false;
  const settings = getSettings(db);
  const { date, time } = localDateTime(now, settings.timeZone);
  const last = getBackupLast(db);
  if (time < config.scheduleAt || last.scheduledOn === date) return false;
  setBackupLast(db, { ...last, scheduledOn: date });
  return true;
}

function localDateTime(at: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(new Date(at))
    .reduce<Record<string, string>>((acc, p) => ((acc[p.type] = p.value), acc), {});
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
