// The print queue's rows. Jobs only move forward: queued → sending → printed, or cancelled.
// A job marked printed is never sent again; a duplicate is always a new job with its own copy number.
import type { PrintJobView } from '../../preload/contract/printer';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { ServiceError } from '../common/service-error';
import { findDocument } from '../documents/document-view';
import type { ReceiptDocument } from '../hardware/printer';
import { jobView, SELECT_JOBS, type JobRow } from './print-job-view';

export type PrintJob = JobRow;

const SELECT = SELECT_JOBS;
const view = jobView;

function insert(
  db: Db,
  kind: JobRow['kind'],
  documentId: string | null,
  copyNo: number,
  reason: string | null,
  operatorId: number | null,
  now: number,
): number {
  const r = sql(
    db,
    'INSERT INTO print_jobs (kind, document_id, copy_no, state, next_attempt_at, reason, operator_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(kind, documentId, copyNo, 'queued', now, reason, operatorId, now);
  return Number(r.lastInsertRowid);
}

export function getJob(db: Db, jobId: number): PrintJobView {
  const row = sql(db, `${SELECT} WHERE j.id = ?`).get(jobId) as JobRow | undefined;
  if (!row) throw new ServiceError('printer.job_not_found', { jobId });
  return view(row);
}

/**
 * Paper that is not a sale's receipt (an X or Z report, a cash slip): the document is stored with
 * the job, so what prints is what was built now even if it prints an hour later. `reason` says what it is.
 */
export function enqueueReport(db: Db, paper: ReceiptDocument, reason: string, copyNo: number, operatorId: number | null, now: number): number {
  const r = sql(
    db,
    'INSERT INTO print_jobs (kind, document_id, copy_no, state, next_attempt_at, reason, operator_id, created_at, content) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?)',
  ).run('report', copyNo, 'queued', now, reason, operatorId, now, JSON.stringify(paper));
  return Number(r.lastInsertRowid);
}

/** A drawer kick of its own, ahead of the paper that goes with it (a cash movement). */
export function enqueueDrawer(db: Db, reason: string, operatorId: number | null, now: number): number {
  return insert(db, 'drawer', null, 0, reason, operatorId, now);
}

/** A completed sale's paper: the drawer kick first (change can be given while the receipt waits), then the receipt. */
export function enqueueSale(db: Db, saleId: string, openDrawer: boolean, operatorId: number | null, now: number): void {
  if (openDrawer) insert(db, 'drawer', saleId, 0, null, operatorId, now);
  insert(db, 'receipt', saleId, 0, null, operatorId, now);
}

/** A duplicate of a completed receipt: the next copy number, journalled so reprints can be counted and audited. */
export function enqueueReprint(db: Db, saleId: string, operatorId: number, now: number): PrintJobView {
  return db.transaction(() => {
    const doc = findDocument(db, saleId);
    if (doc.status !== 'completed') throw new ServiceError('receipt.not_completed', { saleId });
    const copyNo = reprintCount(db, saleId) + 1;
    const jobId = insert(db, 'receipt', saleId, copyNo, null, operatorId, now);
    appendJournal(db, 'receipt.reprinted', { saleId, registerId: doc.register_id, receiptNo: doc.receipt_no, copyNo, operatorId, jobId }, now);
    return getJob(db, jobId);
  })();
}

export function reprintCount(db: Db, saleId: string): number {
  const r = sql(db, "SELECT COALESCE(MAX(copy_no), 0) AS n FROM print_jobs WHERE document_id = ? AND kind = 'receipt'").get(saleId) as { n: number };
  return r.n;
}

/** "No sale": the kick alone, journalled with who, who approved and why, with the job it queues. */
export function enqueueNoSale(db: Db, reason: string, operatorId: number, approverId: number | null, now: number): PrintJobView {
  return db.transaction(() => {
    const jobId = insert(db, 'drawer', null, 0, reason, operatorId, now);
    appendJournal(db, 'drawer.opened', { reason, operatorId, approverId, jobId, noSale: true }, now);
    return getJob(db, jobId);
  })();
}

/** Every pending job and the most recent finished ones, newest first. */
export function listJobs(db: Db, recent = 50): PrintJobView[] {
  const rows = sql(
    db,
    `${SELECT} WHERE j.state IN ('queued', 'sending') OR j.id IN (SELECT id FROM print_jobs WHERE state IN ('printed', 'cancelled') ORDER BY id DESC LIMIT ?) ORDER BY j.id DESC`,
  ).all(recent) as JobRow[];
  return rows.map(view);
}

export function pendingCount(db: Db): number {
  return (sql(db, "SELECT COUNT(*) AS n FROM print_jobs WHERE state IN ('queued', 'sending')").get() as { n: number }).n;
}

/**
 * What is due now, drawer kicks first: a kick is only worth sending in the moment of its sale. Then
 * paper in queue order, and with it every older paper job still waiting out its backoff: a job due
 * now never goes out ahead of one that has waited longer for the printer (one that could not be
 * rendered excepted: waiting does not mend it, and it holds nothing back).
 */
export function dueJobs(db: Db, now: number): PrintJob[] {
  return sql(
    db,
    `${SELECT} WHERE j.state = 'queued' AND (j.next_attempt_at <= ? OR (j.kind <> 'drawer' AND j.last_error IS NOT 'internal' AND j.id < (
      SELECT MAX(id) FROM print_jobs WHERE state = 'queued' AND kind <> 'drawer' AND next_attempt_at <= ?))) ORDER BY j.kind = 'drawer' DESC, j.id`,
  ).all(now, now) as JobRow[];
}

export function nextAttemptAt(db: Db): number | null {
  const r = sql(db, "SELECT MIN(next_attempt_at) AS at FROM print_jobs WHERE state = 'queued'").get() as { at: number | null };
  return r.at;
}

export function markSending(db: Db, jobId: number): void {
  sql(db, "UPDATE print_jobs SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state = 'queued'").run(jobId);
}

export function markPrinted(db: Db, jobId: number, now: number): void {
  sql(db, "UPDATE print_jobs SET state = 'printed', finished_at = ?, last_error = NULL WHERE id = ? AND state = 'sending'").run(now, jobId);
}

/** Back to the queue after a failed attempt (or a printer that cannot print yet), due again at `nextAt`. */
export function markWaiting(db: Db, jobId: number, code: string, nextAt: number): void {
  sql(db, "UPDATE print_jobs SET state = 'queued', last_error = ?, next_attempt_at = ? WHERE id = ? AND state IN ('queued', 'sending')").run(
    code,
    nextAt,
    jobId,
  );
}

/** The printer is back: everything waiting is due now instead of after its backoff. */
export function makeAllDue(db: Db, now: number): void {
  sql(db, "UPDATE print_jobs SET next_attempt_at = ? WHERE state = 'queued' AND next_attempt_at > ?").run(now, now);
}

/**
 * A job found 'sending' when the register opens was cut off by a crash or power loss: we cannot
 * know whether the printer got it. Send it again: a second paper copy is better than a customer
 * with no receipt. A drawer kick is queued again too, but the worker drops it unless it is still
 * within the moment of its sale (drawer-jobs.ts): a drawer never opens long after the sale.
 */
export function requeueInterrupted(db: Db, now: number): number {
  return sql(db, "UPDATE print_jobs SET state = 'queued', next_attempt_at = ?, last_error = 'printer.interrupted' WHERE state = 'sending'").run(now).changes;
}

export function retryJob(db: Db, jobId: number, operatorId: number, now: number): PrintJobView {
  return db.transaction(() => {
    const job = getJob(db, jobId);
    if (job.state !== 'queued' && job.state !== 'cancelled') throw new ServiceError('printer.job_not_retryable', { jobId, state: job.state });
    // A dropped kick stays dropped: opening the drawer now is "No sale", with its reason.
    if (job.kind === 'drawer' && job.state === 'cancelled') throw new ServiceError('printer.drawer_not_retryable', { jobId });
    sql(db, "UPDATE print_jobs SET state = 'queued', next_attempt_at = ?, finished_at = NULL WHERE id = ?").run(now, jobId);
    appendJournal(db, 'print.job_retried', { jobId, kind: job.kind, saleId: job.saleId, copyNo: job.copyNo, from: job.state, operatorId }, now);
    return getJob(db, jobId);
  })();
}

export function cancelJob(db: Db, jobId: number, operatorId: number, now: number): PrintJobView {
  return db.transaction(() => {
    const job = getJob(db, jobId);
    // A job being sent right now may already be on paper; only a waiting one can be called off.
    if (job.state !== 'queued') throw new ServiceError('printer.job_not_cancellable', { jobId, state: job.state });
    sql(db, "UPDATE print_jobs SET state = 'cancelled', finished_at = ? WHERE id = ?").run(now, jobId);
    appendJournal(db, 'print.job_cancelled', { jobId, kind: job.kind, saleId: job.saleId, copyNo: job.copyNo, operatorId }, now);
    return getJob(db, jobId);
  })();
}
