// Messages between the register and the backup worker (the thread for every long job on the ledger).
import type { ExportJob } from './export-bundle';
import type { VerifyOptions } from './verify-bundle';
import type { VerifyPartJob } from './verify-part';

export type { WorkerMessage } from './worker-run';

export type WorkerJob =
  | { kind: 'export'; job: ExportJob }
  | { kind: 'verify'; file: string; options: VerifyOptions }
  | { kind: 'check'; ledgerFile: string }
  // Half of a full verification, on a second core (verify-bundle.ts starts it).
  | { kind: 'verify-part'; part: VerifyPartJob }
  // A new version's schema upgrade of the ledger, before the register opens it (upgrade-in-worker.ts).
  | { kind: 'upgrade'; ledgerFile: string };
