// Journal kinds of the fraud watch (see ledger/journal-payloads.ts). An alert is itself audit:
// who was flagged, by which rule, on what evidence, and who looked at it.
import type { FraudParams, FraudRule, FraudScope, FraudThresholds } from '../../preload/contract/fraud-views';

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    'fraud.alert_raised': {
      alertId: number;
      rule: FraudRule;
      scope: FraudScope;
      registerId: string;
      operatorId: number | null;
      businessDay: string;
      /** The entry whose arrival completed the pattern. */
      triggerSeq: number;
      documentIds: string[];
      seqs: number[];
      params: FraudParams;
    };
    'fraud.alert_acknowledged': { alertId: number; operatorId: number; note: string };
    'fraud.settings_changed': { operatorId: number; from: FraudThresholds; to: FraudThresholds };
  }
}

export {};
