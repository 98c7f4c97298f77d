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
 * A sale is rung up and paid in the mode it was started in (its first line fixed it), by an
 * operator in that mode only. A real operator who takes over a trainee's cart (left at logout, or
 * held and recalled) would take real money into a practice receipt that no figure counts; a
 * trainee who takes over a real cart would take real money under the "nothing counts" banner.
 * Either may cancel the sale (cancel-sale.ts does not ask), or leave it to an operator in its mode.
 */
export function assertSaleMode(db: Db, registerId: string, operatorId: number, sale: { training: boolean | number }): void {
  const practice = sale.training === true || sale.training === 1;
  const training = isTraining(db, registerId, operatorId);
  if (practice && !training) throw new ServiceError('training.sale_is_practice');
  if (!practice && training) throw new ServiceError('training.sale_is_real');
}

/**
 * Whether a card or scan-to-pay payment for `saleId` is practice: then the training simulator
 * answers (training-payments.ts) and no terminal or provider is asked. A sale in the other mode
 * than the operator's is refused both ways (assertSaleMode): a trainee takes no real money, and a
 * real operator takes no real money into a practice sale.
 */
export function isPracticePayment(db: Db, registerId: string, operatorId: number, saleId: string): boolean {
  const doc = sql(db, 'SELECT training FROM documents WHERE id = ?').get(saleId) as { training: number } | undefined;
  if (doc) assertSaleMode(db, registerId, operatorId, doc);
  else if (isTraining(db, registerId, operatorId)) throw new ServiceError('training.no_real_payment');
  return doc?.training === 1;
}

/**
 * Cash movements (paid out, paid in, safe drop, float top-up) and a no-sale have no practice
 * version: the drawer and its cash are real, so they would open it, change the expected cash and
 * count in the X, the Z and the fraud rules under the "nothing counts" banner. Refused in training
 * before anything is written, the drawer opened or a slip printed.
 */
export function refuseCashInTraining(db: Db, registerId: string, operatorId: number): void {
  if (isTraining(db, registerId, operatorId)) throw new ServiceError('training.cash_in_training');
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
