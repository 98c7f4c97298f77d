// Journal kinds of store settings (see ledger/journal-payloads.ts).

/** Each changed key, old value → new value. */
export type SettingChanges = Record<string, { from: unknown; to: unknown }>;

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    /** Store settings and the card terminal's connection (key `terminal`). */
    'settings.changed': { operatorId: number | null; changes: SettingChanges };
  }
}
