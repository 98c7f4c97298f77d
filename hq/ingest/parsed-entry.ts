/** A journal entry of an upload, its payload parsed: what each record is checked against. */
export interface ParsedEntry {
  seq: number;
  at: number;
  kind: string;
  data: Record<string, unknown>;
}
