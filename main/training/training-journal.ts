// Journal kinds of training mode (see ledger/journal-payloads.ts). Training documents themselves
// are journalled by the document core with `training: true` (documents/document-journal.ts).

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    /** The owner switched training on or off for the register or one operator. */
    'training.switched': { target: 'register' | 'operator'; registerId: string; operatorId: number | null; on: boolean; by: number };
  }
}

export {};
