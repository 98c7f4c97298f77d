import type { SessionView } from '../../../../preload/contract';

/** What every back-office section is given (kept apart from sections.ts, which imports the sections). */
export interface BackOfficeSectionProps {
  /** The logged-in operator's session; `session.operator` is never null here. */
  session: SessionView;
  /** Leaves the back office for the return screen, on this sale. */
  onStartReturn?(saleId: string): void;
}
