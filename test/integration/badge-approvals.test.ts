// A supervisor approves at the cashier's screen by scanning their badge instead of typing their
// PIN: the same one approval for a void or a discount, through the router. A revoked
// badge and a cashier's badge approve nothing, and the action is left undone.
import { afterEach, describe, expect, it } from 'vitest';
import { documentDigest } from '../../main/documents/document-digest';
import { key, openShop, shanghai, type Shop } from '../support/day-close-shop';

let shops: Shop[] = [];
afterEach(() => {
  for (const s of shops) s.reg.cleanup();
  shops = [];
});

/** A shop whose supervisor and cashier carry badges, the cashier at the till after one cash sale. */
async function shop(): Promise<{ s: Shop; supervisorBadge: string; cashierBadge: string; sale: { saleId: string; receiptNo: number } }> {
  const s = await openShop(shanghai('2026-11-29', '10:00'));
  shops.push(s);
  await s.as('owner');
  const supervisorBadge = (await s.reg.must('operator.issueBadge', { operatorId: s.staff.supervisorId, print: false })).code;
  const cashierBadge = (await s.reg.must('operator.issueBadge', { operatorId: s.staff.cashierId, print: false })).code;
  await s.as('cashier');
  const sale = await s.cashSale([1_000, 2_500]);
  return { s, supervisorBadge, cashierBadge, sale };
}

function statusOf(s: Shop, id: string): string {
  return (s.reg.db.prepare('SELECT status FROM documents WHERE id = ?').get(id) as { status: string }).status;
}

function voids(s: Shop): number {
  return (s.reg.db.prepare("SELECT COUNT(*) AS n FROM documents WHERE kind = 'void'").get() as { n: number }).n;
}

describe('approval by badge', () => {
  it('a supervisor’s badge approves a void, and the void names them as its approver', async () => {
    const { s, supervisorBadge, sale } = await shop();
    const done = await s.reg.must('void.sale', { saleId: sale.saleId, reason: 'cashier_error', approval: { badge: supervisorBadge }, idempotencyKey: key() });
    expect(done.sale).toMatchObject({ kind: 'void', originalDocumentId: sale.saleId, totals: { totalMinor: 3_500 } });
    // The void's entry names it and chains its digest; who rang it and who approved it are its row's, which the digest binds.
    const entry = s.reg.db.prepare("SELECT payload FROM journal WHERE kind = 'void.completed'").get() as { payload: string };
    const { data } = JSON.parse(entry.payload) as { data: { saleId: string; documentSha256: string } };
    expect(data.documentSha256).toBe(documentDigest(s.reg.db, data.saleId));
    expect(s.reg.db.prepare('SELECT operator_id, original_document_id, approver_id FROM documents WHERE id = ?').get(data.saleId)).toEqual({
      operator_id: s.staff.cashierId,
      original_document_id: sale.saleId,
      approver_id: s.staff.supervisorId,
    });
    // The cashier's session continues unchanged.
    expect((await s.reg.must('session.current', {})).operator?.id).toBe(s.staff.cashierId);
  });

  it('a badge scanned with Caps Lock on approves a discount the same way', async () => {
    const { s, supervisorBadge } = await shop();
    const saleId = await s.sale([10_000]);
    const lineId = (await s.reg.must('sale.get', { saleId })).lines[0]?.id ?? 0;
    const approval = { badge: supervisorBadge.toLowerCase() };
    await s.reg.must('sale.setLineDiscount', { saleId, lineId, discount: { kind: 'percent', rateBp: 3000 }, approval });
    const approved = s.reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sale.discount_approved'").get() as { payload: string };
    expect(JSON.parse(approved.payload)).toMatchObject({ data: { saleId, approverId: s.staff.supervisorId, operatorId: s.staff.cashierId } });
  });

  it('a revoked badge is refused, journalled as a bad badge, and nothing is voided', async () => {
    const { s, supervisorBadge, sale } = await shop();
    await s.as('owner');
    await s.reg.must('operator.revokeBadge', { operatorId: s.staff.supervisorId });
    await s.as('cashier');
    expect(
      await s.reg.call('void.sale', { saleId: sale.saleId, reason: 'cashier_error', approval: { badge: supervisorBadge }, idempotencyKey: key() }),
    ).toMatchObject({ ok: false, error: { code: 'sale.approver_invalid', params: { reason: 'session.badge_invalid' } } });
    expect(voids(s)).toBe(0);
    expect(statusOf(s, sale.saleId)).toBe('completed');
    expect(s.reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'session.badge_failed'").get()).toEqual({ n: 1 });
  });

  it('a cashier’s own badge cannot approve a supervisor’s action', async () => {
    const { s, cashierBadge, sale } = await shop();
    expect(
      await s.reg.call('void.sale', { saleId: sale.saleId, reason: 'cashier_error', approval: { badge: cashierBadge }, idempotencyKey: key() }),
    ).toMatchObject({ ok: false, error: { code: 'sale.approver_invalid', params: { reason: 'session.forbidden' } } });
    expect(voids(s)).toBe(0);
    expect(s.reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'void.completed'").get()).toEqual({ n: 0 });
  });

  it('refuses an approval that mixes a badge with a PIN, or carries no badge code', async () => {
    const { s, supervisorBadge, sale } = await shop();
    for (const approval of [{ badge: supervisorBadge, pin: '9753' }, { badge: '' }, { badge: 'B2-<script>' }]) {
      expect(await s.reg.call('void.sale', { saleId: sale.saleId, reason: 'cashier_error', approval, idempotencyKey: key() })).toMatchObject({
        ok: false,
        error: { code: 'request.invalid_input' },
      });
    }
    expect(voids(s)).toBe(0);
  });
});
