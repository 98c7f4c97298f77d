// The rules' thresholds: one row, journalled with the old and the new values on every change,
// so the journal alone says which limits a past verdict was reached under.
import type { FraudSettingsView, FraudThresholds } from '../../preload/contract/fraud-views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { DEFAULT_FRAUD_THRESHOLDS } from './fraud-defaults';

/** Stored thresholds over the defaults, rule by rule: a rule added later starts at its default. */
export function withDefaults(stored: Partial<FraudThresholds>): FraudThresholds {
  const merged = { ...DEFAULT_FRAUD_THRESHOLDS } as Record<string, unknown>;
  for (const [rule, value] of Object.entries(stored)) {
    if (rule in merged) merged[rule] = { ...(merged[rule] as object), ...(value as object) };
  }
  return merged as unknown as FraudThresholds;
}

// Read on every watched entry; parsing the one row again each time would cost the sale path.
const cache = new WeakMap<Db, { text: string; thresholds: FraudThresholds }>();

export function getThresholds(db: Db): FraudThresholds {
  const row = sql(db, 'SELECT thresholds FROM fraud_settings WHERE id = 1').get() as { thresholds: string } | undefined;
  if (!row) return DEFAULT_FRAUD_THRESHOLDS;
  const cached = cache.get(db);
  if (cached?.text === row.thresholds) return cached.thresholds;
  const thresholds = withDefaults(JSON.parse(row.thresholds) as Partial<FraudThresholds>);
  cache.set(db, { text: row.thresholds, thresholds });
  return thresholds;
}

export function fraudSettingsView(db: Db): FraudSettingsView {
  return { thresholds: getThresholds(db), defaults: DEFAULT_FRAUD_THRESHOLDS };
}

export function setThresholds(db: Db, thresholds: FraudThresholds, operatorId: number, now: number): FraudSettingsView {
  return db.transaction(() => {
    const from = getThresholds(db);
    sql(
      db,
      `INSERT INTO fraud_settings (id, thresholds, updated_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET thresholds = excluded.thresholds, updated_at = excluded.updated_at`,
    ).run(JSON.stringify(thresholds), now);
    appendJournal(db, 'fraud.settings_changed', { operatorId, from, to: thresholds }, now);
    return fraudSettingsView(db);
  })();
}
