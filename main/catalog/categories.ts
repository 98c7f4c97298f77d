import type { CategoryView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import type { FieldChanges } from './catalog-journal';

interface CategoryRow {
  id: number;
  name_zh: string | null;
  name_en: string | null;
  active: number;
  product_count: number;
}

const SELECT = `SELECT c.id, c.name_zh, c.name_en, c.active,
  (SELECT COUNT(*) FROM products p WHERE p.category_id = c.id AND p.active = 1) AS product_count FROM categories c`;

function toView(r: CategoryRow): CategoryView {
  return { id: r.id, nameZh: r.name_zh, nameEn: r.name_en, active: r.active === 1, productCount: r.product_count };
}

export function listCategories(db: Db, includeInactive = false): CategoryView[] {
  const rows = sql(db, `${SELECT} ${includeInactive ? '' : 'WHERE c.active = 1'} ORDER BY COALESCE(c.name_zh, c.name_en)`).all() as CategoryRow[];
  return rows.map(toView);
}

export function requireCategory(db: Db, id: number): CategoryView {
  const row = sql(db, `${SELECT} WHERE c.id = ?`).get(id) as CategoryRow | undefined;
  if (!row) throw new ServiceError('catalog.category_not_found', { categoryId: id });
  return toView(row);
}

/** '' is no name; one of the two is needed. */
function nameOrNull(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

export function saveCategory(
  db: Db,
  input: { categoryId?: number | undefined; nameZh: string; nameEn: string; active?: boolean | undefined },
  operatorId: number,
  now: number,
): CategoryView {
  const nameZh = nameOrNull(input.nameZh);
  const nameEn = nameOrNull(input.nameEn);
  if (nameZh === null && nameEn === null) throw new ServiceError('catalog.missing_name');
  return db.transaction(() => {
    const changes: FieldChanges = {};
    let id = input.categoryId;
    if (id === undefined) {
      id = Number(
        sql(db, 'INSERT INTO categories (name_zh, name_en, active) VALUES (?, ?, ?)').run(nameZh, nameEn, input.active === false ? 0 : 1).lastInsertRowid,
      );
      changes.created = { from: null, to: true };
    } else {
      const before = requireCategory(db, id);
      const active = input.active ?? before.active;
      if (before.nameZh !== nameZh) changes.nameZh = { from: before.nameZh, to: nameZh };
      if (before.nameEn !== nameEn) changes.nameEn = { from: before.nameEn, to: nameEn };
      if (before.active !== active) changes.active = { from: before.active, to: active };
      sql(db, 'UPDATE categories SET name_zh = ?, name_en = ?, active = ? WHERE id = ?').run(nameZh, nameEn, active ? 1 : 0, id);
    }
    if (Object.keys(changes).length > 0) appendJournal(db, 'catalog.category_saved', { categoryId: id, changes, operatorId }, now);
    return requireCategory(db, id);
  })();
}
