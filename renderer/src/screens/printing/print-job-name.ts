// A print job named as an owner looks for it: receipt R1-000001, its duplicate, X report (day),
// Z report #3 and its copy, a paid-out slip with its amount, the drawer of a sale or a no-sale.
// Never the job's internal reason key (x:day, z:3, cash:7).
import type { TFunction } from 'i18next';
import type { PrintJobDocument, PrintJobView } from '../../../../preload/contract';

interface Money {
  money(minor: number): string;
}

function documentName(document: PrintJobDocument | null, t: TFunction): string {
  if (document === null) return t('printing.queue.doc.unknown');
  if (document.kind === 'refund') return t('printing.queue.doc.refund', { receiptNo: document.receiptNo });
  if (document.kind === 'void') return t('printing.queue.doc.void', { receiptNo: document.receiptNo });
  return t('printing.queue.doc.sale', { receiptNo: document.receiptNo });
}

function movementName(kind: string | null, amountMinor: number | null, t: TFunction, format: Money): string {
  const words = kind === null ? '' : t(`shift.move.kind.${kind}`);
  return amountMinor === null ? words : `${words} ${format.money(amountMinor)}`.trim();
}

export function printJobName(job: PrintJobView, t: TFunction, format: Money): string {
  const paper = job.paper;
  switch (paper.what) {
    case 'receipt': {
      const name = documentName(paper.document, t);
      return job.copyNo > 0 ? t('printing.queue.kind.duplicate', { document: name, copy: job.copyNo }) : name;
    }
    case 'drawer':
      return t('printing.queue.kind.drawerFor', { document: documentName(paper.document, t) });
    case 'noSale':
      return t('printing.queue.kind.noSale', { reason: job.reason ?? '' });
    case 'x':
      return paper.scope === 'day' ? t('printing.queue.kind.xDay') : t('printing.queue.kind.xShift');
    case 'z':
      return job.copyNo > 0 ? t('printing.queue.kind.zCopy', { zNo: paper.zNo, copy: job.copyNo }) : t('printing.queue.kind.z', { zNo: paper.zNo });
    case 'cashSlip':
      return t('printing.queue.kind.cashSlip', { movement: movementName(paper.movement, paper.amountMinor, t, format) });
    case 'cashDrawer':
      return t('printing.queue.kind.cashDrawer', { movement: movementName(paper.movement, paper.amountMinor, t, format) });
    default:
      return job.kind === 'drawer' ? t('printing.queue.kind.drawer') : t('printing.queue.kind.report');
  }
}
