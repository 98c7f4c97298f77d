import { useEffect, useState } from 'react';
import type { BackupProgressView, BackupStatusView } from '../../../../preload/contract';
import { api } from '../../transport/api';

/** The backup's status, kept current by `backup.status` events (after every attempt, restore or config change). */
export function useBackupStatus(): BackupStatusView | null {
  const [status, setStatus] = useState<BackupStatusView | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('backup.status', {}).then((r) => live && r.ok && setStatus(r.value));
    const off = api.on('backup.status', (s) => setStatus(s));
    return () => {
      live = false;
      off();
    };
  }, []);
  return status;
}

/** The running job's progress, from `backup.progress` events; null when nothing runs. */
export function useBackupProgress(): BackupProgressView | null {
  const [progress, setProgress] = useState<BackupProgressView | null>(null);
  useEffect(() => {
    const offProgress = api.on('backup.progress', (p) => setProgress(p));
    const offStatus = api.on('backup.status', (s) => setProgress(s.running));
    return () => {
      offProgress();
      offStatus();
    };
  }, []);
  return progress;
}
