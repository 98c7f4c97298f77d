// What each journal kind records. The journal's kinds are a closed set: `JournalPayloads` maps
// every kind to the type of its data, and appendJournal and the journal feed accept only those.
// Each domain declares its own kinds beside its code, in <domain>/<domain>-journal.ts, by adding
// to this interface (TypeScript merges them), so a feature adds its kinds without editing here.
//
// Payloads never hold a PIN, a full card number or track data.

// Empty on purpose: the domains' <domain>-journal.ts files fill it in.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JournalPayloads {}

export type JournalKind = keyof JournalPayloads;

/** One appended entry as subscribers see it: the data typed by its kind. */
export interface JournalEvent<K extends JournalKind = JournalKind> {
  seq: number;
  at: number;
  kind: K;
  data: JournalPayloads[K];
}
