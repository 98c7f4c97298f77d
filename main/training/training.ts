// Training mode: the owner puts the whole register, or one operator, into it. What is rung up
// then is a training document (documents.training): numbered in its own series, printed and
// shown with the training mark, journalled and backed up, and added up by no figure (X, Z,
// shift cash, grand total). No card or scan-to-pay request leaves the register in training.
import type { TrainingView } from '../../preload/contract/training-views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { ServiceError } from '../common/service-error';

/** Whether what `operatorId` rings up on `registerId` now is training. */
export function isTraining(db: Db, registerId: string, operatorId: number | null): boolean {
  const row = sql(
    db,
    'SELECT EXISTS (SELECT 1 FROM training_registers WHERE register_id = ?) OR EXISTS (SELECT 1 FROM operators WHERE id = ? AND training = 1) AS t',
  ).get(registerId, operatorId ?? -1) as { t: number };
  return row.t === 1;
}

export function trainingView(db: Db, registerId: string, operatorId: number | null): TrainingView {
  const register = sql(db, 'SELECT 1 FROM training_registers WHERE register_id = ?').get(registerId) !== undefined;
  const operatorIds = (sql(db, 'SELECT id FROM operators WHERE training = 1 ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  return { register, operatorIds, active: register || (operatorId !== null && operatorIds.includes(operatorId)) };
}

export type TrainingTarget = { target: 'register' } | { target: 'operator'; operatorId: number };

/** Switches training on or off for the register or one operator; journalled, as the switch must be an act on record. */
export function setTraining(db: Db, registerId: string, input: TrainingTarget & { on: boolean }, by: number, now: number): void {
  db.transaction(() => {
    // A sale with items keeps the mode it was rung up in; switching under it would mark a real sale as practice or the reverse.
    const open = sql(
      db,
      "SELECT d.id, d.held_at FROM documents d WHERE d.register_id = ? AND d.status = 'open' AND EXISTS (SELECT 1 FROM document_lines l WHERE l.document_pk = d.pk) ORDER BY d.held_at IS NOT NULL LIMIT 1",
    ).get(registerId) as { id: string; held_at: number | null } | undefined;
    // A held sale is not in the cart: "complete or clear it" pointed at an empty cart, so it is named as held.
    if (open) throw new ServiceError(open.held_at === null ? 'training.sale_in_progress' : 'training.sale_held', { saleId: open.id });
    if (input.target === 'register') {
      const was = sql(db, 'SELECT 1 FROM training_registers WHERE register_id = ?').get(registerId) !== undefined;
      if (was === input.on) return;
      if (input.on) sql(db, 'INSERT INTO training_registers (register_id) VALUES (?)').run(registerId);
      else sql(db, 'DELETE FROM training_registers WHERE register_id = ?').run(registerId);
      appendJournal(db, 'training.switched', { target: 'register', registerId, operatorId: null, on: input.on, by }, now);
      return;
    }
    const row = sql(db, 'SELECT training FROM operators WHERE id = ?').get(input.operatorId) as { training: number } | undefined;
    if (!row) throw new ServiceError('operator.not_found', { operatorId: input.operatorId });
    if ((row.training === 1) === input.on) return;
    sql(db, 'UPDATE operators SET training = ? WHERE id = ?').run(input.on ? 1 : 0, input.operatorId);
    appendJournal(db, 'training.switched', { target: 'operator', registerId, operatorId: input.operatorId, on: input.on, by }, now);
  })();
}

/**
 * Whether a card or scan-to-pay payment for `saleId` is practice: then the training simulator
 * answers (training-payments.ts) and no terminal or provider is asked. A real sale taken over by
 * an operator in training (left open by a colleague) is refused: the trainee takes no real money.
 */
export function isPracticePayment(db: Db, registerId: string, operatorId: number, saleId: string): boolean {
  const doc = sql(db, 'SELECT training FROM documents WHERE id = ?').get(saleId) as { training: number } | undefined;
  if (doc?.training === 1) return true;
  if (isTraining(db, registerId, operatorId)) throw new ServiceError('training.no_real_payment');
  return false;
}

/**
 * A correction keeps to the mode of the sale it corrects: a trainee practises on training sales
 * only (never giving back real money), and a real operator never corrects a practice sale (it
 * took no money).
 */
export function assertCorrectionMode(db: Db, registerId: string, operatorId: number, sale: { training: boolean }): void {
  const training = isTraining(db, registerId, operatorId);
  if (sale.training && !training) throw new ServiceError('training.sale_not_refundable');
  if (!sale.training && training) throw new ServiceError('training.real_sale_not_correctable');
}
