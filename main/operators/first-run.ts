// The register's first run: the owner is created together with the store settings the wizard
// gathered before there was anyone to authorize them. The wizard then goes on (printer, terminal,
// catalog) with the owner logged in, until it is finished or skipped.
import type { z } from 'zod';
import type { Locale } from '../../preload/contract/primitives';
import type { settingsPatch } from '../../preload/contract/settings';
import type { OperatorView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { updateSettings } from '../settings/settings';
import { createOperator, operatorCount } from './operators';

export function createOwner(
  db: Db,
  input: { name: string; pin: string; storeName?: string | undefined; storeLocale?: Locale | undefined; settings?: z.output<typeof settingsPatch> | undefined },
  now: number,
): OperatorView {
  return db.transaction(() => {
    // Checked again inside the transaction: two first-run windows must not both create an owner.
    if (operatorCount(db) > 0) throw new ServiceError('setup.already_done');
    // A name of only spaces would leave the store as "Ringup" on every receipt without a word.
    const storeName = input.storeName?.trim();
    if (storeName === '' || input.settings?.storeName?.trim() === '') throw new ServiceError('setup.store_name_required');
    const created = createOperator(db, { name: input.name, pin: input.pin, role: 'owner' }, null, now);
    const patch = {
      ...input.settings,
      ...(storeName !== undefined ? { storeName } : {}),
      ...(input.storeLocale ? { storeLocale: input.storeLocale } : {}),
      setupWizardDone: false,
    };
    updateSettings(db, patch, created.id);
    return created;
  })();
}
