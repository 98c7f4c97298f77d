import type { Role } from '../../../../preload/contract/primitives';

const RANK: Record<Role, number> = { cashier: 0, supervisor: 1, owner: 2 };

/**
 * Whether a role reaches at least `least`. Only for tidying the UI: main checks every call
 * itself and refuses with `session.forbidden`.
 */
export function roleAtLeast(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}
