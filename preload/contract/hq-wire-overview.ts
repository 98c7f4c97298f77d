// The owner's read-only overview from HQ, asked for through an enrolled register.
import { z } from 'zod';
import { hqId } from './hq-wire-fields';

export const overviewRequest = z.object({ registerId: hqId, day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict();

/** Sums of Zs: what a day or a month adds up to at HQ. */
export interface HqFigure {
  netMinor: number;
  documentCount: number;
  zCount: number;
  /**
   * Handover differences (cash missing or found between a close and the next open), summed over
   * the Zs that chained them; null when none did. Absent from an HQ older than this field.
   */
  handoverMinor?: number | null;
  /** Zs that chained no handover figure (taken before it was): unknown, not in handoverMinor. */
  handoverUnrecorded?: number;
}

/** HQ's answer to the owner's back office: figures per shop and register, the consistency check's differences, open alerts. */
export interface OwnerOverview {
  day: string;
  month: string;
  serverTime: number;
  shops: {
    shopId: string;
    name: string;
    day: HqFigure;
    month: HqFigure;
    registers: {
      registerId: string;
      name: string;
      enrolled: boolean;
      headSeq: number;
      lastUploadAt: number | null;
      openAlerts: number;
      day: HqFigure;
      month: HqFigure;
    }[];
  }[];
  zChecked: number;
  /** A Z that its register's uploaded documents do not add up to, field by field. */
  differences: { registerId: string; zNo: number; businessDay: string; field: string; z: number | null; documents: number | null }[];
  /** Open alerts (forks, tampered or forged uploads), newest last; their evidence stays at HQ. */
  alerts: { id: number; kind: string; registerId: string | null; params: Record<string, unknown>; raisedAt: number }[];
}
