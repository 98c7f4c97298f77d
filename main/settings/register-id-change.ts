// The register id is on every shift, document and Z of this till: changing it while a shift is
// open would leave that shift (and its drawer) on the old id, where no Z of the new one closes it.
// It may change only between shifts, with no sale open or held.
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { liveShift } from '../shift/shift-rows';

export function checkRegisterIdChange(db: Db, current: string, next: string | undefined): void {
  if (next === undefined || next === current) return;
  const shift = liveShift(db, current);
  if (shift) throw new ServiceError('settings.register_id_shift_open', { registerId: current });
  const open = sql(
    db,
    "SELECT COUNT(*) AS n FROM documents d WHERE d.register_id = ? AND d.status = 'open' AND EXISTS (SELECT 1 FROM document_lines l WHERE l.document_pk = d.pk)",
  ).get(current) as { n: number };
  if (open.n > 0) throw new ServiceError('settings.register_id_sale_open', { registerId: current, count: open.n });
}
